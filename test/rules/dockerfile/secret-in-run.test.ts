import '../../helpers/dockerfile-loader.js';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { lintSnippet, testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/secret-in-run.js';

const GLPAT = 'glpat-' + 'x9Yz8Wv7Ut6Sr5Qp4On3';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=tok,env=TOKEN curl -H "Authorization: Bearer $TOKEN" https://example.com\n' },
    { code: 'FROM mysql:8.4\nRUN mysql -u root -p"$(cat /run/secrets/pw)" -e "select 1"\n', name: 'password from a secret file' },
    { code: 'FROM alpine:3.20\nRUN docker run -p 8080:80 nginx\n', name: 'docker -p is a port outside login' },
    { code: 'FROM alpine:3.20\nARG PW\nRUN app-setup --password "$PW"\n', name: 'password from a variable' },
    { code: 'FROM alpine:3.20\nRUN curl -u "$USER:$PASS" https://example.com\n', name: 'curl credentials from variables' },
    { code: 'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\npassword_file=/run/secrets/pw\nEOF\n', name: 'COPY heredoc without a secret' },
  ],
  invalid: [
    {
      code: 'FROM mysql:8.4\nRUN mysql -h db -u admin -pS3cretPassw0rd app\n',
      errors: [{ line: 2, column: 28, message: 'mysql -p' }],
    },
    {
      code: `FROM alpine:3.20\nRUN git clone https://oauth2:${GLPAT}@gitlab.com/org/repo.git\n`,
      errors: [{ line: 2, column: 30, message: 'GitLab token' }],
      name: 'token shape wins over the URL password',
    },
    {
      code: `FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    curl -H "Authorization: Bearer ${JWT}" https://api.example.com/x\n`,
      errors: [{ line: 3, column: 36, message: 'JSON Web Token' }],
      name: 'Bearer JWT on a continuation line',
    },
    {
      code: 'FROM alpine:3.20\nRUN echo ok && docker login -u ci -p hunter2-registry registry.example.com\n',
      errors: [{ line: 2, column: 38, message: 'docker -p' }],
    },
    {
      code: 'FROM alpine:3.20\nRUN ./configure --with-db --db-password=Tr0ub4dor-3\n',
      errors: [{ line: 2, column: 41, message: 'configure --db-password' }],
    },
    {
      code: 'FROM alpine:3.20\nRUN curl -fsSL -u deploy:Pa55w0rd-deploy https://example.com/pkg.tgz -o /tmp/p.tgz\n',
      errors: [{ line: 2, column: 26, message: 'curl -u user:password' }],
    },
    {
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\nsshpass -p Zx9-secret ssh deploy@host true\nEOF\n',
      errors: [{ line: 4, column: 12, message: 'sshpass -p' }],
      name: 'heredoc body',
    },
    {
      code: `FROM alpine:3.20\nCOPY <<EOF /root/.npmrc\n//registry.npmjs.org/:_authToken=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\nEOF\n`,
      errors: [{ line: 3, column: 34, message: 'inline file of this COPY contains a npm access token' }],
      name: 'COPY heredoc body',
    },
    {
      code: `FROM alpine:3.20\nHEALTHCHECK CMD curl -fsS -H "Authorization: Bearer ${JWT}" http://127.0.0.1/\n`,
      errors: [{ line: 2, column: 53, message: 'image configuration' }],
      name: 'HEALTHCHECK command',
    },
  ],
});

it('secret-in-run: never prints the secret', async () => {
  const findings = await lintSnippet(rule, { code: 'FROM mysql:8.4\nRUN mysql -pS3cretPassw0rd\n' });
  assert.equal(findings.length, 1);
  assert.ok(!findings[0].message.includes('S3cretPassw0rd'));
  assert.equal(findings[0].sensitive, true);
});
