import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/dangerous-cap-add.js';

testRule(rule, {
  valid: [
    { code: "docker run --cap-drop ALL --cap-add NET_BIND_SERVICE nginx:1.27\n" },
    { code: "docker run --cap-add=CHOWN nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --cap-add=SYS_ADMIN --cap-add NET_ADMIN nginx:1.27\n", errors: [{ line: 1, column: 12, severity: "error" }, { line: 1, column: 32, severity: "warning" }] },
  ],
});
