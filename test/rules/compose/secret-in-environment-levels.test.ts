// compose/secret-in-environment: the severity follows the evidence (see src/secrets/confidence.ts).
import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/secret-in-environment.js';
import { githubToken } from '../../secrets/fakes.js';

const svc = (env: string) => `services:\n  api:\n    image: nginx:1.27\n    environment:\n${env}`;

testRule(rule, {
  valid: [
    { name: 'an option value under a secret-sounding name', code: svc('      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      AUTH_TOKEN_TYPE: bearer\n') },
    { name: 'replace-me and other placeholders', code: svc('      SECRET_KEY_BASE: replace-me\n      DB_PASSWORD: changeme\n      API_TOKEN: "<token>"\n') },
  ],
  invalid: [
    { name: 'a generated-looking value: warning', code: svc('      DB_PASSWORD: Xk29-real-Secret-55\n'), errors: [{ line: 5, severity: 'warning' }] },
    { name: 'a word used as a password: info', code: svc('      POSTGRES_PASSWORD: wordpress\n'), errors: [{ line: 5, severity: 'info' }] },
    { name: 'a verified token under any name: error', code: svc(`      GIT_REMOTE_AUTH: ${githubToken(3)}\n`), errors: [{ line: 5, severity: 'error', message: 'GitHub token' }] },
  ],
});
