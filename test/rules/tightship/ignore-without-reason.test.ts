import { testEngineRule } from './engine-rule-tester.js';

testEngineRule('tightship/ignore-without-reason', {
  valid: [
    { code: 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root -- runs an init that drops privileges\nUSER root\n' },
    { name: 'hadolint pragmas need no reason', code: 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root\nUSER root\n', errors: [{ line: 2, column: 1, message: 'gives no reason' }] },
    { name: 'an empty reason', code: 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root --\nUSER root\n', errors: [{ line: 2 }] },
    { name: 'file scope', code: '# tightship ignore-file=dockerfile/last-user-root\nFROM alpine:3.20\nUSER root\n', errors: [{ line: 1 }] },
  ],
});
