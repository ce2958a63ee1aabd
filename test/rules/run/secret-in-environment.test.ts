import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/secret-in-environment.js';

testRule(rule, {
  valid: [
    { code: "docker run -e DB_PASSWORD=$DB_PASSWORD nginx:1.27\n" },
    { code: "docker run -e DB_PASSWORD=\"$(cat pw)\" nginx:1.27\n" },
    { code: "docker run -e LOG_LEVEL=debug nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --env=API_TOKEN=ghx-93kd8aKd0aQ nginx:1.27\n", errors: [{ line: 1, column: 12, message: "API_TOKEN" }] },
  ],
});
