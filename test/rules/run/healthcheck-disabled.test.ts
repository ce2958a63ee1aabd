import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/healthcheck-disabled.js';

testRule(rule, {
  valid: [
    { code: "docker run -d --health-cmd 'pg_isready' postgres:16\n" },
  ],
  invalid: [
    { code: "docker run -d --health-cmd=none nginx:1.27\n", errors: [{ line: 1, column: 15 }] },
  ],
});
