import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/read-only-without-tmpfs.js';

testRule(rule, {
  valid: [
    { code: "docker run --read-only -v cache:/var/cache/nginx nginx:1.27\n" },
    { code: "docker run --read-only --mount type=tmpfs,destination=/tmp nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --read-only -v /etc/nginx.conf:/etc/nginx/nginx.conf:ro nginx:1.27\n", errors: [{ line: 1, column: 12 }] },
  ],
});
