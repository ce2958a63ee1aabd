import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/user-root.js';

testRule(rule, {
  valid: [
    { code: "docker run --user $UID nginx:1.27\n" },
    { code: "docker run -u 1000:1000 nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run -u 0:0 nginx:1.27\n", errors: [{ line: 1, column: 12, message: "runs as root" }] },
    { code: "docker run -itu root alpine:3.20\n", errors: [{ line: 1, column: 12 }] },
  ],
});
