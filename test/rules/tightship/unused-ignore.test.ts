import { testEngineRule } from './engine-rule-tester.js';

testEngineRule('tightship/unused-ignore', {
  valid: [
    { code: 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root -- init needs root\nUSER root\n' },
    { name: 'stage scope used later in the stage', code: 'FROM alpine:3.20\n# tightship ignore-stage=dockerfile/last-user-root -- r\nRUN true\nUSER root\n' },
  ],
  invalid: [
    { name: 'nothing to suppress', code: 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root -- r\nUSER 10001\n', errors: [{ line: 2, message: 'suppresses nothing' }] },
    { name: 'unknown id with a suggestion', code: 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-rot -- r\nUSER root\n', errors: [{ line: 2, message: "did you mean 'dockerfile/last-user-root'" }] },
    { name: 'no instruction follows', code: 'FROM alpine:3.20\nUSER 1\n# tightship ignore=dockerfile/last-user-root -- r\n', errors: [{ line: 3, message: 'no instruction follows' }] },
    { name: 'malformed expiry date', code: 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root expires=next-year -- r\nUSER root\n', errors: [{ line: 2, message: 'malformed date' }] },
  ],
});
