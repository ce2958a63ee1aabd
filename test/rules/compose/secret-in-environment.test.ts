import '../../helpers/compose-loader.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testRule, lintSnippet } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/secret-in-environment.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD_FILE: /run/secrets/db_password\n      DB_USER: app\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      - DB_PASSWORD=${DB_PASSWORD}\n      - API_TOKEN=changeme\n      - SECRET_KEY\n' },
    { name: 'the same words under a token or key name read as placeholders', code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      API_TOKEN: password\n      SECRET_KEY: pass\n' },
    { name: 'a value from .env is not written in the compose file', options: { env: { DB_PASSWORD: 'Xk29-real-Secret-55' } }, code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: Xk29-real-Secret-55\n', errors: [{ line: 5, column: 7, message: 'DB_PASSWORD_FILE' }] },
    { name: 'list form', code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      - POSTGRES_PASSWORD=Xk29-real-Secret-55\n', errors: [{ line: 5, column: 9 }] },
    { name: 'literal default', code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      API_KEY: ${API_KEY:-sk_live_4eC39HqLyjWDarjtT1zdp7dc}\n', errors: [{ line: 5, column: 7, message: 'as a default' }] },
    { name: 'a common default password is the password the container gets (info)', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: pass\n      MYSQL_ROOT_PASSWORD: password\n', errors: [{ line: 5, column: 7, severity: 'info', message: 'a common default password' }, { line: 6, column: 7, severity: 'info', message: 'a common default password' }] },
    { name: 'from an x- block', code: 'x-env: &env\n  environment:\n    GITHUB_TOKEN: ghp_aaaaBBBBccccDDDDeeeeFFFFgggg1234\nservices:\n  api:\n    <<: *env\n    image: nginx:1.27\n', errors: [{ line: 3, column: 5 }] },
  ],
});

it('compose/secret-in-environment never prints the value', async () => {
  const findings = await lintSnippet(rule, { code: 'services:\n  api:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: Xk29-real-Secret-55\n' });
  assert.equal(findings.length, 1);
  assert.ok(!findings[0].message.includes('Xk29-real-Secret-55'), findings[0].message);
  assert.ok(!findings[0].message.includes('real-Secret'), findings[0].message);
});
