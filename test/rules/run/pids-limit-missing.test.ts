import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/pids-limit-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run --pids-limit 200 nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run nginx:1.27\n", errors: [{ line: 1, column: 1, message: "no pids limit" }] },
    { code: "docker run --pids-limit=-1 nginx:1.27\n", errors: [{ line: 1, column: 12 }] },
  ],
});
