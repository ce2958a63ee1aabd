import '../../helpers/dockerfile-loader.js';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { lintSnippet, testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/secret-in-env-arg.js';

const GHP = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const AKIA = 'AKIA' + 'IOSFODNN7EXAMPLE';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n' },
    { code: 'FROM alpine:3.20\nENV API_KEY=""\n', name: 'empty value' },
    { code: 'FROM alpine:3.20\nENV DB_PASSWORD=changeme\n', name: 'placeholder' },
    { code: 'FROM alpine:3.20\nENV TOKEN_TTL=3600 PASSWORD_MIN_LENGTH=12\n', name: 'configuration names' },
    { code: 'FROM alpine:3.20\nENV AUTH_URL=https://auth.example.com/oauth\n', name: 'a URL without credentials is configuration' },
    { code: 'FROM alpine:3.20\nARG NODE_VERSION=22\nENV PATH=/app/bin:$PATH\n', name: 'ordinary names' },
    { code: 'FROM alpine:3.20\nENV SECRET_KEY=${SECRET_KEY}\n', name: 'reference to a runtime variable that is no build argument' },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://github.com/o/r secret=none\n', name: 'LABEL without credential shapes' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV DB_PASSWORD=s3cr3t-Pa55word\n',
      errors: [{ line: 2, column: 5, endColumn: 32, message: '(s3c***' }],
    },
    {
      code: `FROM alpine:3.20\nENV MY_VAR=${GHP} OTHER=1\n`,
      errors: [{ line: 2, column: 5, message: 'GitHub token (ghp_' }],
      name: 'token shape under an innocent name',
    },
    {
      code: `FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID ${AKIA}\n`,
      errors: [{ line: 2, column: 5, message: 'AWS access key id' }],
      name: 'legacy ENV form',
    },
    {
      code: 'ARG NPM_TOKEN\nFROM node:22\nARG NPM_TOKEN\nRUN npm ci\n',
      errors: [{ line: 1, column: 5, severity: 'warning' }, { line: 3, column: 5, severity: 'warning' }],
      name: 'ARG named like a secret without a value',
    },
    {
      code: 'FROM node:22\nARG GITHUB_TOKEN\nENV GITHUB_TOKEN=$GITHUB_TOKEN\n',
      errors: [{ line: 2, severity: 'warning' }, { line: 3, column: 5, severity: 'warning', message: 'copies the build argument GITHUB_TOKEN' }],
      name: 'ENV copies a secret build argument',
    },
    {
      code: 'FROM alpine:3.20\nARG DATABASE_URL=postgres://app:hunter2pass@db:5432/app\n',
      errors: [{ line: 2, column: 5, severity: 'warning', message: 'password in a URL' }],
      name: 'ARG default with a URL password',
    },
    {
      code: 'FROM alpine:3.20\nENV A=1 \\\n    API_KEY="k-8f7d6e5c4b3a2918"\n',
      errors: [{ line: 3, column: 5 }],
      name: 'second pair on a continuation line',
    },
    {
      code: `FROM alpine:3.20\nLABEL ci.token="${GHP}" org.opencontainers.image.title=app\n`,
      errors: [{ line: 2, column: 7, message: 'LABEL ci.token holds a GitHub token' }],
      name: 'LABEL with a token',
    },
  ],
});

it('secret-in-env-arg: never prints the secret and marks findings sensitive', async () => {
  const findings = await lintSnippet(rule, { code: `FROM alpine:3.20\nENV DB_PASSWORD=s3cr3t-Pa55word\nENV X=${GHP}\n` });
  assert.equal(findings.length, 2);
  for (const f of findings) {
    assert.ok(!f.message.includes('s3cr3t-Pa55word') && !f.message.includes(GHP), f.message);
    assert.equal(f.sensitive, true);
  }
});
