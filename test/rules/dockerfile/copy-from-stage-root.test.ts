import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/copy-from-stage-root.js';

testRule(rule, {
  valid: [
    { name: 'the context root', code: 'FROM debian:12\nCOPY / /\n' },
    { name: 'a folder of the stage', code: 'FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /app /\n' },
    { name: 'into a folder', code: 'FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b / /rootfs/\n' },
  ],
  invalid: [
    { code: 'FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b / /\n', errors: [{ line: 3, column: 15, message: 'whole file system' }] },
    { name: 'quoted, JSON form', code: 'FROM debian:12 AS b\nFROM scratch\nCOPY --from=b ["/", "/"]\n', errors: [{ line: 3 }] },
  ],
});
