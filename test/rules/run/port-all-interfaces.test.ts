import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/port-all-interfaces.js';

testRule(rule, {
  valid: [
    { code: "docker run -p [::1]:8080:80 nginx:1.27\n" },
    { code: "docker run -p ${BIND}:8080:80 nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run -p 0.0.0.0:8080:80 -p80 nginx:1.27\n", errors: [{ line: 1, column: 12, message: "8080->80" }, { line: 1, column: 31, message: "random host port" }] },
    { code: "docker run -dP nginx:1.27\n", errors: [{ line: 1, column: 12 }] },
  ],
});
