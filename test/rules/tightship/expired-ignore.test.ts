import { testEngineRule } from './engine-rule-tester.js';

const CODE = 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root expires=2026-03-01 -- until the init rewrite\nUSER root\n';

testEngineRule('tightship/expired-ignore', {
  valid: [
    { name: 'before the date', code: CODE, today: '2026-02-28' },
    { name: 'on the date', code: `${CODE}\n`, today: '2026-03-01' },
  ],
  invalid: [
    { name: 'after the date', code: `${CODE}\n\n`, today: '2026-03-02', errors: [{ line: 2, message: 'expired on 2026-03-01' }] },
  ],
});
