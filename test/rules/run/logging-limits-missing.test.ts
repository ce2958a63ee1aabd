import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/logging-limits-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run -d --log-driver local nginx:1.27\n" },
    { code: "docker run -d --log-driver=syslog nginx:1.27\n" },
    { code: "docker run --rm alpine:3.20 true\n" },
  ],
  invalid: [
    { code: "docker run -d nginx:1.27\n", errors: [{ line: 1, column: 1 }] },
    { code: "docker run -d --log-opt max-file=3 nginx:1.27\n", errors: [{ line: 1, column: 15 }] },
  ],
});
