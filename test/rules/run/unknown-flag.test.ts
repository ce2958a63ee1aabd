import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/unknown-flag.js';

testRule(rule, {
  valid: [
    { code: "docker run --rm -itd --name=x nginx:1.27\n" },
    { code: "docker run --rm nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --frobnicate nginx:1.27 sh\n", errors: [{ line: 1, column: 12, message: "image position uncertain" }] },
    { code: "docker run -Z --rm nginx:1.27\n", errors: [{ line: 1, column: 12, message: "does not know -Z" }] },
    { code: "docker run $DOCKER_OPTS nginx:1.27\n", errors: [{ line: 1, column: 12, message: "may hold flags" }] },
  ],
});
