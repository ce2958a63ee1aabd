import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/restart-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run --rm -it alpine:3.20\n" },
    { code: "docker service create --restart-condition on-failure nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker create nginx:1.27\n", errors: [{ line: 1, column: 1, message: "docker create" }] },
  ],
});
