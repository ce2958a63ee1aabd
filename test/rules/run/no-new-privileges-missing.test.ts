import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/no-new-privileges-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run --security-opt no-new-privileges nginx:1.27\n" },
    { code: "docker run --security-opt=no-new-privileges=true nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run nginx:1.27\n", errors: [{ line: 1, column: 1 }] },
    { code: "docker run --security-opt no-new-privileges:false nginx:1.27\n", errors: [{ line: 1, column: 12, message: "off" }] },
  ],
});
