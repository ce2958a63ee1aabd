import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/cpu-limit-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run --cpus 0.5 nginx:1.27\n" },
    { code: "docker run --cpu-quota 50000 nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run nginx:1.27\n", errors: [{ line: 1, column: 1, message: "no CPU limit" }] },
  ],
});
