import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/image-latest.js';

testRule(rule, {
  valid: [
    { code: "docker run $IMAGE\n" },
    { code: "docker run --frobnicate x nginx\n" },
    { code: "docker run nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n" },
  ],
  invalid: [
    { code: "docker run --rm -it alpine sh\n", errors: [{ line: 1, column: 21, message: "untagged image alpine" }] },
    { code: "docker run -v a:/a nginx:latest\n", errors: [{ line: 1, column: 20 }] },
  ],
});
