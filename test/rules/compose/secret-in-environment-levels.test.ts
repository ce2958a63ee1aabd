// compose/secret-in-environment: the severity follows the evidence (see src/secrets/confidence.ts).
import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/secret-in-environment.js';
import { githubToken } from '../../secrets/fakes.js';

const svc = (env: string) => `services:\n  api:\n    image: nginx:1.27\n    environment:\n${env}`;

testRule(rule, {
  valid: [
    { name: 'an option value under a secret-sounding name', code: svc('      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      AUTH_TOKEN_TYPE: bearer\n') },
    { name: 'a role, a TLS client-auth switch, a file name under a credential name', code: svc('      GF_AUTH_ANONYMOUS_ORG_ROLE: Admin\n      KAFKA_SSL_CLIENT_AUTH: requested\n      KAFKA_SSL_KEYSTORE_CREDENTIALS: broker_keystore_creds\n      KAFKA_SSL_KEY_CREDENTIALS: server.key.creds\n') },
    { name: 'the key-id half of a key pair', code: svc('      S3_ACCESS_KEY_ID: ${S3_ACCESS_KEY_ID:-storageuser}\n      STORE_ACCESS_KEY: storageuser\n      STORE_SECRET_KEY: ${STORE_SECRET_KEY}\n') },
    { name: 'a placeholder phrase', code: svc('      APP_SECRET_KEY: change-this-insecure-key\n') },
    { name: 'replace-me and other placeholders', code: svc('      SECRET_KEY_BASE: replace-me\n      DB_PASSWORD: changeme\n      API_TOKEN: "<token>"\n') },
  ],
  invalid: [
    { name: 'an access key with no secret-key partner is judged as a secret', code: svc('      VENDOR_ACCESS_KEY: Zq81-vT93-Lm27-Kx44\n'), errors: [{ line: 5, severity: 'warning' }] },
    { name: 'an interpolated default is a warning at most', code: svc('      SESSION_SECRET: ${SESSION_SECRET:-Xk29-real-Secret-55}\n'), errors: [{ line: 5, severity: 'warning', message: 'as a default' }] },
    { name: 'a generated-looking value: warning', code: svc('      DB_PASSWORD: Xk29-real-Secret-55\n'), errors: [{ line: 5, severity: 'warning' }] },
    { name: 'a word used as a password: info', code: svc('      POSTGRES_PASSWORD: wordpress\n'), errors: [{ line: 5, severity: 'info' }] },
    { name: 'a verified token under any name: error', code: svc(`      GIT_REMOTE_AUTH: ${githubToken(3)}\n`), errors: [{ line: 5, severity: 'error', message: 'GitHub token' }] },
  ],
});
