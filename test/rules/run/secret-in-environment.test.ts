import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/secret-in-environment.js';

testRule(rule, {
  valid: [
    { code: "docker run -e DB_PASSWORD=$DB_PASSWORD nginx:1.27\n" },
    { code: "docker run -e DB_PASSWORD=\"$(cat pw)\" nginx:1.27\n" },
    { code: "docker run -e LOG_LEVEL=debug nginx:1.27\n" },
    { code: "docker run -e API_TOKEN=token -e SECRET_KEY=secret nginx:1.27\n" },
    // a role and a switch under secret-sounding names are settings
    { code: "docker run -e GF_AUTH_ANONYMOUS_ORG_ROLE=Admin -e GF_AUTH_BASIC_ENABLED=false grafana/grafana:11.0.0\n" },
  ],
  invalid: [
    { code: "docker run --env=API_TOKEN=ghx-93kd8aKd0aQ nginx:1.27\n", errors: [{ line: 1, column: 12, message: "API_TOKEN", severity: 'warning' }] },
    // a typed word is a weak password: worth an info, not a failed build
    { code: "docker run -e MYSQL_ROOT_PASSWORD=rootpassword1 mysql:8.4\n", errors: [{ line: 1, message: "MYSQL_ROOT_PASSWORD", severity: 'info' }] },
    { name: 'a common default password', code: "docker run -e POSTGRES_PASSWORD=password postgres:16\n", errors: [{ line: 1, message: "a common default password", severity: 'info' }] },
  ],
});
