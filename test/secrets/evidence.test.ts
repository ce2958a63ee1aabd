// The evidence tables: every false-positive class seen on real projects, written as a small
// realistic file of our own, must not be an error; every true shape, made structurally valid
// here (checksums computed, JWT parts encoded), must be found verified; a made-up token of the
// same shape (checksum wrong) must not be.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanContent } from '../../src/secrets/detect.js';
import { findTokens, hasValidCrc } from '../../src/secrets/tokens.js';
import { assessValue } from '../../src/secrets/names.js';
import { isTestPath, severityFor } from '../../src/secrets/confidence.js';
import {
  awsKeyId, awsSecretKey, badChecksum, githubFineGrained, githubToken, gitlabToken, jwt, npmToken, pemKey, pypiToken,
  slackBotToken, stripeLiveKey,
} from './fakes.js';

interface FalsePositive { name: string; file: string; text: string }

const FALSE_POSITIVES: FalsePositive[] = [
  { name: 'dependency names in package.json', file: 'web/package.json', text: JSON.stringify({
    name: 'shop-web', dependencies: { 'axios-auth-refresh': '^3.3.6', 'password-prompt': '^1.1.3', 'glsl-token-string': '^1.0.1', 'glsl-token-depth': '1.1.2' },
  }, null, 2) },
  { name: 'dependency names in pnpm-lock.yaml', file: 'pnpm-lock.yaml', text: "lockfileVersion: '9.0'\npackages:\n  axios-auth-refresh@3.3.6:\n    resolution: {integrity: sha512-2CeBUce/SxIfFFSIpWlu4IzESvT1cBzqK3tU7FN4ZOOs1oqG8gtUhxo3Uq5BVuVqnCbBpy7Uk0iv7CZzzmd+w==}\n  password-prompt@1.1.3:\n    resolution: {integrity: sha512-HkrjG2aJlvF0t2BMH0e2LB/EHf3Lcq3fNMzy4GYHcQblAvOcBpcrT2cDdxVHpvTrhG4VQ1/Fc9MSXg8SzRXu3Q==}\n  glsl-token-whitespace-trim@1.0.0:\n    resolution: {tarball: https://registry.npmjs.org/glsl-token-whitespace-trim/-/glsl-token-whitespace-trim-1.0.0.tgz}\n" },
  { name: 'dependency names in yarn.lock', file: 'yarn.lock', text: '"password-prompt@^1.1.3":\n  version "1.1.3"\n  resolved "https://registry.yarnpkg.com/password-prompt/-/password-prompt-1.1.3.tgz#05e539f4e7ca4d6c865d479313f10eb9db63ee5f"\n' },
  { name: 'requirements with a token-named package', file: 'requirements-dev.txt', text: 'django-rest-auth-token==1.2.0\npython-secrets-manager>=0.4\n' },
  { name: 'Python f-string URL', file: 'app/db.py', text: 'def dsn(username, password, host):\n    return f"postgresql://{username}:{password}@{host}:5432/app"\n' },
  { name: 'a comment showing a placeholder', file: 'config/settings.py', text: '# Set the key in the environment, e.g.\n# API_KEY = "<paste your key here>"\nAPI_KEY = os.environ["API_KEY"]\n' },
  { name: 'a generator in a Makefile', file: 'Makefile', text: 'SECRET_KEY := $(shell pwgen -1s 32)\nDB_PASSWORD ?= `pwgen -1s 32`\nsecrets:\n\t@echo "JWT_SECRET=$$(pwgen -1s 32)" >> .env\n' },
  { name: 'a fetch option', file: 'src/api.ts', text: 'export const get = (url: string) => fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });\n' },
  { name: 'a JS constant that names a data attribute', file: 'src/plugin.js', text: "const DATA_API_KEY = '.data-api';\nconst EVENT_KEY = `.${DATA_KEY}`;\n" },
  { name: 'a scope string', file: 'src/oauth.ts', text: 'const token_scope = "api.organization";\nconst authScope = "read:org";\n' },
  { name: 'a replace-me default', file: 'deploy/.env.production', text: 'SECRET_KEY_BASE=replace-me\nDB_PASSWORD=changeme\nAPI_TOKEN=your-token-here\n' },
  { name: 'a type annotation', file: 'src/types.ts', text: 'interface Login { password: string; token?: string | null }\n' },
  { name: 'a property access and a call', file: 'src/auth.js', text: 'const password = req.body.password;\nconst apiKey = getSecret("api-key");\n' },
  { name: 'template interpolation', file: 'templates/config.yaml', text: 'db:\n  password: "{{ .Values.db.password }}"\n  token: "${API_TOKEN}"\n  secret: "%s"\n' },
];

describe('false-positive classes are not errors', () => {
  for (const c of FALSE_POSITIVES) {
    it(c.name, () => {
      const hits = scanContent(c.text, c.file);
      assert.deepEqual(hits.filter((h) => severityFor(h.confidence) !== 'info').map((h) => `${h.kind} ${h.preview}`), []);
    });
  }
  it('test fixture values are at most info', () => {
    for (const file of ['test/fixtures/.env', 'tests/data/config.py', 'src/__tests__/login.test.ts', 'spec/support/creds.yml', 'pkg/testdata/app.env', 'examples/basic/.env']) {
      const hits = scanContent('DB_PASSWORD=Tr0ub4dor-and-3\napi_key = "k8Fz2Qw9Lm4Xp7Rt"\n', file);
      assert.ok(hits.length > 0, file);
      assert.deepEqual(hits.map((h) => h.confidence), hits.map(() => 'possible'), file);
    }
    // a verified shape stays verified even there: a real token in a fixture is still leaked
    assert.equal(scanContent(`GH=${githubToken(1)}\n`, 'test/fixtures/.env')[0].confidence, 'verified');
  });
  it('a registry token in .npmrc and a token inside a lockfile URL are still found', () => {
    assert.equal(scanContent('//npm.example.org/:_authToken=Qm9vLXZhbHVlLXRoYXQtbG9va3MtcmVhbA9x\n', '.npmrc')[0].kind, 'npm-auth');
    const lock = `"private-pkg@1.0.0":\n  resolved "https://ci:${npmToken(3)}@npm.example.org/private-pkg/-/private-pkg-1.0.0.tgz"\n`;
    const hits = scanContent(lock, 'yarn.lock');
    assert.deepEqual(hits.map((h) => [h.kind, h.confidence]), [['npm-token', 'verified']]);
  });
});

describe('true shapes are verified', () => {
  const shapes: [string, string, string][] = [
    ['github-token', githubToken(11), 'ghp'],
    ['github-token', githubToken(12, 'gho'), 'gho'],
    ['github-token', githubToken(13, 'ghs'), 'ghs'],
    ['github-fine-grained-token', githubFineGrained(14), ''],
    ['gitlab-token', gitlabToken(15), ''],
    ['slack-token', slackBotToken(16), ''],
    ['stripe-secret-key', stripeLiveKey(17), ''],
    ['npm-token', npmToken(18), ''],
    ['pypi-token', pypiToken(19), ''],
    ['jwt', jwt(20), ''],
  ];
  for (const [kind, token, tag] of shapes) {
    it(`${kind}${tag ? ` (${tag}_)` : ''}`, () => {
      const found = findTokens(`value: ${token}\n`);
      assert.deepEqual(found.map((f) => [f.kind, f.confidence]), [[kind, 'verified']]);
      assert.equal(found[0].length, token.length);
    });
  }
  it('GitHub and npm checksums are computed, not assumed', () => {
    assert.ok(hasValidCrc(githubToken(5), 4));
    assert.equal(hasValidCrc(badChecksum(githubToken(5)), 4), false);
    assert.equal(findTokens(badChecksum(githubToken(5)))[0].confidence, 'possible');
    assert.equal(findTokens(badChecksum(npmToken(5)))[0].confidence, 'possible');
  });
  it('an AWS key id is verified by its secret key beside it, and only then', () => {
    const id = awsKeyId(30);
    assert.equal(findTokens(`AWS_ACCESS_KEY_ID=${id}`)[0].confidence, 'likely');
    const pair = findTokens(`aws_access_key_id = ${id}\naws_secret_access_key = ${awsSecretKey(31)}\n`);
    assert.deepEqual(pair.map((f) => [f.kind, f.confidence]), [['aws-access-key-id', 'verified'], ['aws-secret-access-key', 'verified']]);
  });
  it('a JWT needs a JSON header with alg and a signature', () => {
    assert.equal(findTokens(jwt(1, 'none'))[0]?.confidence, 'possible');
    const fakeHeader = `${Buffer.from('not json at all').toString('base64url')}.eyJzdWIiOiIxIn0.${'a1B2c3D4'.repeat(3)}`;
    assert.ok(findTokens(`x ${fakeHeader}`).every((f) => f.confidence !== 'verified'));
  });
  it('the sample JWT of the documentation (jwt.io: 1234567890, John Doe) is not a credential', () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const sig = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const sample = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${sig}`;
    assert.equal(findTokens(`'example' => '${sample}',`)[0]?.confidence, 'possible');
    const made = `${b64({ alg: 'RS256' })}.${b64({ sub: 'example-user', aud: 'sample' })}.${sig}`;
    assert.equal(findTokens(made)[0]?.confidence, 'possible');
    const real = `${b64({ alg: 'RS256' })}.${b64({ sub: '7c1f0d2e', aud: 'api', iat: 1733000000 })}.${sig}`;
    assert.equal(findTokens(real)[0]?.confidence, 'verified');
  });
  it('private keys: PEM and OpenSSH blocks span the whole block; a bare header is not a key', () => {
    for (const type of ['RSA ', 'EC ', '', 'OPENSSH ', 'ENCRYPTED ']) {
      const key = pemKey(40, type);
      const found = findTokens(`before\n${key}after\n`);
      assert.equal(found.length, 1, type);
      assert.equal(found[0].confidence, 'verified');
      assert.equal(found[0].length, key.trimEnd().length, `${type}: the block, footer included`);
    }
    const escaped = pemKey(41).trimEnd().replace(/\n/g, '\\n');
    assert.equal(findTokens(`printf '${escaped}' > k`)[0].length, escaped.length, 'a key written with \\n escapes');
    assert.equal(findTokens(`-----BEGIN RSA PRIVATE KEY----- blocks start like this`)[0].confidence, 'possible');
  });
  it('a credential assignment is a warning only with a value that looks generated', () => {
    const hits = scanContent('DB_PASSWORD=Tr0ub4dor-and-3\nADMIN_PASSWORD=postgres1\nAPI_TOKEN=same-origin\n', '.env');
    assert.deepEqual(hits.map((h) => [h.label, h.confidence]), [['value of DB_PASSWORD', 'likely'], ['value of ADMIN_PASSWORD', 'possible']]);
  });
  it('a URL with a literal password is likely; a word-like default is only possible', () => {
    assert.equal(findTokens('redis://app:Vq7-Lm2pXz9Rt4@cache:6379')[0].confidence, 'likely');
    assert.equal(findTokens('postgres://postgres:postgres@db/app')[0].confidence, 'possible');
  });
});

describe('assessValue and isTestPath', () => {
  it('tells placeholders, code, words and secrets apart', () => {
    const rows: [string, string][] = [
      ['replace-me', 'placeholder'], ['changeme', 'placeholder'], ['<token>', 'placeholder'], ['${TOKEN}', 'placeholder'], ['{password}', 'placeholder'],
      ['%s', 'placeholder'], ['example', 'placeholder'], ['xxxxxxxx', 'placeholder'], ['dummy', 'placeholder'], ['test', 'placeholder'], ['secret', 'placeholder'], ['password', 'placeholder'],
      ['$(pwgen -1s 32)', 'code'], ['`openssl rand -hex 16`', 'code'], ['config.db.password', 'code'], ['getToken()', 'code'], ['string', 'code'], ['#{token}', 'code'],
      ['same-origin', 'not-secret'], ['.data-api', 'not-secret'], ['api.organization', 'code'], ['^1.1.3', 'not-secret'], ['/run/app', 'not-secret'],
      ['postgres', 'not-secret'], ['hunter2', 'weak'], ['rootpassword1', 'weak'], ['SecurityToken', 'weak'],
      // a generated key that holds `r(` and `$(` among its characters is no call nor substitution
      ['r(m)l9rnf$(_Gzs4qd(acq#r!l@+kYw8', 'strong'], ['$(cat /run/pw)', 'code'], ['Tr0ub4dor-and-3', 'strong'], ['9f8e7d6c5b4a39281706aa', 'strong'],
    ];
    for (const [value, verdict] of rows) assert.equal(assessValue(value), verdict, value);
  });
  it('knows test and fixture folders', () => {
    for (const p of ['test/a.env', 'src/tests/x.py', 'a/__tests__/b.js', 'spec/x.rb', 'fixtures/k.pem', 'go/testdata/x', 'examples/x/.env', 'docker-compose.test.yml']) assert.ok(isTestPath(p), p);
    for (const p of ['src/app.ts', '.env', 'latest/config.yml', 'contest/x.py', 'attestation/x']) assert.ok(!isTestPath(p), p);
  });
});
