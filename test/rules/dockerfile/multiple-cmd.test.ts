import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/multiple-cmd.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nENTRYPOINT ["tini", "--"]\nCMD ["app"]\n' },
    { code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n', name: 'one per stage' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n', errors: [{ line: 2, column: 1, message: 'line 3' }] },
    { code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nCMD ["x"]\nENTRYPOINT ["b"]\n', errors: [{ line: 2, message: 'ENTRYPOINT on line 4' }] },
  ],
});
