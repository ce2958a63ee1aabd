import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/sensitive-host-path.js';

testRule(rule, {
  valid: [
    { code: "docker run -v /etc/localtime:/etc/localtime:ro nginx:1.27\n" },
    { code: "docker run -v $PWD:/src nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run -v /:/host nginx:1.27\n", errors: [{ line: 1, column: 12, message: "host's / writable" }] },
    { code: "docker run --mount type=bind,source=/etc,target=/h,readonly nginx:1.27\n", errors: [{ line: 1, column: 12, severity: "warning", message: "read-only" }] },
  ],
});
