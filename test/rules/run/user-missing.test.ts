import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/user-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run -u 1000 nginx:1.27\n" },
    { code: "docker run --user=$(id -u):$(id -g) nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run nginx:1.27\n", errors: [{ line: 1, column: 1, message: "no --user" }] },
    { code: "podman run -it alpine:3.20 sh\n", errors: [{ line: 1, column: 1 }] },
  ],
});
