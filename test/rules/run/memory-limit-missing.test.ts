import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/memory-limit-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run -m 256m nginx:1.27\n" },
    { code: "docker service create --limit-memory 256M nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run nginx:1.27\n", errors: [{ line: 1, column: 1, message: "no memory limit" }] },
    { code: "docker run --memory=0 nginx:1.27\n", errors: [{ line: 1, column: 12, message: "no effective" }] },
  ],
});
