import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/healthcheck-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run --rm alpine:3.20 echo hi\n" },
  ],
  invalid: [
    { code: "docker run -d nginx:1.27\n", errors: [{ line: 1, column: 1 }] },
  ],
});
