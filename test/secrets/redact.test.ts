// The report's redaction step as a unit: a target result whose findings, fixes, related
// messages, locations, facts, error and code-frame sources quote planted secrets of every kind
// (as rules other than the secret rules do) comes out with none of them, in every format.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, TargetResult } from '../../src/engine/types.js';
import { redactReport, redactSecretsIn, redactTargetResult, secretBuildArgs, secretsOfFindings } from '../../src/secrets/redact.js';
import { redact } from '../../src/secrets/names.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatGithub } from '../../src/report/github.js';
import { formatCycloneDx } from '../../src/report/cyclonedx.js';
import { SAMPLE_RULES } from '../report/sample.js';
import { awsKeyId, awsSecretKey, githubFineGrained, githubToken, gitlabToken, jwt, npmToken, pemKey, pypiToken, slackBotToken, stripeLiveKey } from './fakes.js';

const KEY = pemKey(77);
const S = {
  github: githubToken(21), fine: githubFineGrained(22), gitlab: gitlabToken(23), slack: slackBotToken(24),
  stripe: stripeLiveKey(25), awsId: awsKeyId(26), awsSecret: awsSecretKey(27), npm: npmToken(28),
  pypi: pypiToken(29), jwt: jwt(30), urlPassword: 'Rk4-vP9wLq2Zx7', basic: 'dXNlcjpIdW50ZXIyLXBhc3M=', key: KEY,
  buildArg: 'Bq7-Wm3xTz8Kp1',
};
const KEY_LINES = KEY.split('\n').slice(1, -2);

const dockerfile = [
  'FROM node:22-slim',
  `CMD node server.js --token ${S.github}`,
  `WORKDIR /srv/${S.buildArg}`,
  `RUN curl -u ci:${S.urlPassword} https://ci:${S.urlPassword}@repo.example.org/x -H "Authorization: Basic ${S.basic}"`,
  `RUN printf '${KEY.trimEnd().replace(/\n/g, '\\n')}' > /k`,
  `ENV NPM=${S.npm} PYPI=${S.pypi} JWT=${S.jwt}`,
  `LABEL slack=${S.slack} stripe=${S.stripe} gl=${S.gitlab} fine=${S.fine}`,
  `ENV AWS_ACCESS_KEY_ID=${S.awsId} AWS_SECRET_ACCESS_KEY=${S.awsSecret}`,
  '',
].join('\n');

const loc = (line: number) => ({ path: 'Dockerfile', startLine: line, startColumn: 1, endLine: line, endColumn: 5 });
// findings as rules write them today: the secret rules attach the raw values; another rule
// quotes the same line in its message and fix
const findings: Finding[] = [
  { ruleId: 'dockerfile/shell-form-cmd', severity: 'warning', message: `CMD node server.js --token ${S.github} is in shell form`, location: loc(2),
    fix: { description: `Use CMD ["node", "server.js", "--token", "${S.github}"]`, safe: false, edits: [{ start: 0, end: 4, text: `CMD ["node","server.js","--token","${S.github}"]` }] } },
  { ruleId: 'dockerfile/workdir-relative', severity: 'info', message: `WORKDIR /srv/${S.buildArg} is fine`, location: loc(3) },
  { ruleId: 'dockerfile/curl-pipe-shell', severity: 'warning', message: `curl -u ci:${S.urlPassword} … Basic ${S.basic}`, location: loc(4),
    related: [{ message: `the same URL https://ci:${S.urlPassword}@repo.example.org/x`, location: loc(4) }] },
  { ruleId: 'dockerfile/pipefail', severity: 'info', message: `RUN printf '${KEY.slice(0, 90).replace(/\n/g, '\\n')}…' uses a pipe`, location: loc(5) },
  { ruleId: 'dockerfile/label-schema', severity: 'info', message: `labels slack=${S.slack} stripe=${S.stripe} gl=${S.gitlab} fine=${S.fine}`, location: { ...loc(7), layer: { index: 0, createdBy: `LABEL gl=${S.gitlab}` } } },
  { ruleId: 'dockerfile/secret-in-run', severity: 'error', message: 'CMD contains a GitHub token (ghp_************)', location: loc(2), sensitive: true,
    secrets: [S.github, S.urlPassword, S.basic, KEY.trimEnd()] },
  { ruleId: 'dockerfile/secret-in-env-arg', severity: 'error', message: 'ENV holds tokens', location: loc(6), sensitive: true,
    secrets: [S.npm, S.pypi, S.jwt, S.slack, S.stripe, S.gitlab, S.fine, S.awsId, S.awsSecret] },
];
const result: TargetResult = {
  target: { kind: 'dockerfile', path: 'Dockerfile' },
  level: 'nonroot',
  missingForNextLevel: ['dockerfile/secret-in-run'],
  findings,
  error: `could not resolve https://ci:${S.urlPassword}@repo.example.org`,
  facts: { user: S.buildArg, env: { NPM: S.npm }, args: [`TOKEN=${S.buildArg}`] },
};
const sources = { Dockerfile: dockerfile };

function assertClean(text: string, what: string): void {
  for (const [name, secret] of Object.entries(S)) {
    assert.ok(!text.includes(secret), `${what}: ${name} printed in full`);
    if (secret.length > 12) assert.ok(!text.includes(secret.slice(-10)), `${what}: the end of ${name} printed`);
  }
  for (const line of KEY_LINES) {
    for (let i = 0; i + 16 <= line.length; i += 16) assert.ok(!text.includes(line.slice(i, i + 16)), `${what}: a piece of the key body printed`);
  }
}

describe('redactTargetResult', () => {
  const secrets = secretsOfFindings(findings);
  const { result: clean, sources: cleanSources } = redactTargetResult({ result, sources, secrets, buildArgs: { GH_TOKEN: S.buildArg, NODE_ENV: 'production' } });

  it('the unredacted report leaks (the test plants what it checks)', () => {
    const meta = { toolVersion: '0.0.0', rules: SAMPLE_RULES, sources };
    assert.ok(formatJson([result], meta).includes(S.github));
    assert.ok(formatPretty([result], meta).includes(S.github));
  });

  it('formatters never print the raw values attached as Finding.secrets', () => {
    // a secret attached only to the field, quoted nowhere else
    const only = 'Hq8-Zt3vLw6Rp2Nx';
    const r: TargetResult = { ...result, error: undefined, facts: undefined, findings: [{ ruleId: 'dockerfile/secret-in-run', severity: 'error', message: 'a token (Hq8-****)', location: loc(2), sensitive: true, secrets: [only] }] };
    delete r.error;
    delete r.facts;
    const meta = { toolVersion: '0.0.0', rules: SAMPLE_RULES, sources: {}, color: false };
    for (const format of [formatPretty, formatJson, formatSarif, formatGithub, formatCycloneDx]) assert.ok(!format([r], meta).includes(only));
  });

  for (const [name, format] of Object.entries({ pretty: formatPretty, json: formatJson, sarif: formatSarif, github: formatGithub, cyclonedx: formatCycloneDx })) {
    it(`leaves no planted secret in ${name}`, () => {
      const out = format([clean], { toolVersion: '0.0.0', rules: SAMPLE_RULES, sources: cleanSources, color: false });
      assert.ok(out.length > 50);
      assertClean(out, name);
    });
  }

  it('covers every field: message, fix, edits, related, location, error, facts, sources', () => {
    assertClean(JSON.stringify(clean), 'the result');
    assertClean(JSON.stringify(cleanSources), 'the sources');
    assert.equal(clean.findings.some((f) => 'secrets' in f), false, 'the raw values are dropped');
    assert.match(clean.findings[0].message, /--token ghp_\*+ is in shell form/);
    assert.match(clean.error ?? '', /https:\/\/ci:\S+@repo\.example\.org/);
  });

  it('keeps the sources aligned: same length, same line breaks', () => {
    const masked = cleanSources?.Dockerfile ?? '';
    assert.equal(masked.length, dockerfile.length);
    assert.deepEqual(masked.split('\n').map((l) => l.length), dockerfile.split('\n').map((l) => l.length));
    assert.equal(masked.split('\n')[0], 'FROM node:22-slim');
  });

  it('does not change the input, nor text without secrets', () => {
    assert.ok(result.findings[0].message.includes(S.github));
    assert.equal(findings[5].secrets?.length, 4);
    const none = redactTargetResult({ result, sources, secrets: [] });
    assert.deepEqual(none.result.findings.map((f) => f.message), result.findings.map((f) => f.message));
    assert.equal(none.sources?.Dockerfile, dockerfile);
  });

  it('ignores values too short to be told from words, and build args not named like secrets', () => {
    assert.equal(redactSecretsIn('use abc here', ['abc']), 'use abc here');
    assert.deepEqual(secretBuildArgs({ NODE_ENV: 'production', DB_PASSWORD: 'x', API_TOKEN: '' }), ['x']);
    assert.equal(redactSecretsIn(`a ${S.github} b ${S.github}`, [S.github]), 'a ghp_************ b ghp_************');
  });

  it('masks whole occurrences only, and never a path with a plain-word password', () => {
    // a value found under a secret name, quoted inside a longer name elsewhere
    assert.equal(redactSecretsIn('HTTPHeaderOssSecurityToken = "SecurityToken"', ['SecurityToken']), 'HTTPHeaderOssSecurityToken = "Sec**********"');
    assert.equal(redactSecretsIn('-e PASSWORD=Rk4-vP9wLq2Zx7 and xRk4-vP9wLq2Zx7', ['Rk4-vP9wLq2Zx7']), '-e PASSWORD=Rk4*********** and xRk4-vP9wLq2Zx7');
    // a long random value is hidden anywhere, also after an escape such as \n
    assert.ok(!redactSecretsIn(`\\n${S.github}`, [S.github]).includes(S.github));
    const weak: TargetResult = {
      target: { kind: 'compose', path: 'tools/dev/loki-s3/docker-compose.yml' },
      level: 'root',
      missingForNextLevel: [],
      findings: [{ ruleId: 'compose/secret-in-environment', severity: 'info', message: 'MINIO_PASSWORD is loki, a word', sensitive: true,
        location: { path: 'tools/dev/loki-s3/docker-compose.yml', startLine: 3, startColumn: 1, endLine: 3, endColumn: 5 }, secrets: ['loki'] }],
    };
    const out = redactTargetResult({ result: weak, secrets: ['loki'], sources: { 'tools/dev/loki-s3/docker-compose.yml': 'x:\n  MINIO_PASSWORD: loki\n' } });
    assert.equal(out.result.target.path, 'tools/dev/loki-s3/docker-compose.yml');
    assert.equal(out.result.findings[0].location.path, 'tools/dev/loki-s3/docker-compose.yml');
    assert.equal(out.result.findings[0].message, 'MINIO_PASSWORD is ****, a word');
    assert.ok(out.sources);
    assert.ok(!out.sources['tools/dev/loki-s3/docker-compose.yml'].includes('loki'));
  });
});

describe('redactReport', () => {
  const meta = { toolVersion: '0.0.0', rules: SAMPLE_RULES };
  const at = (path: string, line: number) => ({ path, startLine: line, startColumn: 1, endLine: line, endColumn: 5 });
  // a strong password made of the characters a regular expression treats specially
  const special = 'Xq7.Lm2+Pz9[Kw4]*R|t^(a)';
  const finder: TargetResult = {
    target: { kind: 'compose', path: 'a/compose.yaml' }, level: 'root', missingForNextLevel: [],
    findings: [
      { ruleId: 'compose/secret-in-environment', severity: 'error', message: 'DB_PASSWORD holds a password', location: at('a/compose.yaml', 3), sensitive: true, secrets: [special] },
      { ruleId: 'dockerfile/curl-pipe-shell', severity: 'warning', message: `curl -H "Authorization: Bearer ${S.basic}" | sh`, location: at('a/compose.yaml', 4) },
    ],
  };
  const quoter: TargetResult = {
    target: { kind: 'compose', path: 'b/compose.yaml', service: 'api' }, level: 'root', missingForNextLevel: [],
    findings: [
      { ruleId: 'compose/user-missing', severity: 'warning', message: `api runs ${special} as root`, location: { ...at('b/compose.yaml', 1), yamlPath: `services.api.environment.${S.basic}` },
        related: [{ message: 'here', location: { ...at('b/compose.yaml', 2), yamlPath: `x.${special}` } }],
        fix: { description: 'add a user', safe: true, edits: [{ start: 0, end: 0, text: `user: ${S.basic}` }] } },
    ],
    facts: { nested: { [`key-${special}`]: [1, { deep: `v=${S.basic}` }] } },
  };
  const quiet: TargetResult = {
    target: { kind: 'compose', path: 'c/compose.yaml' }, level: 'nonroot', missingForNextLevel: [],
    findings: [{ ruleId: 'compose/restart-missing', severity: 'info', message: 'web has no restart policy', location: at('c/compose.yaml', 5) }],
    facts: { user: '1000', list: ['a', { b: 'c' }] },
  };
  const out = redactReport([finder, quoter, quiet], { ...meta, sources: { 'b/compose.yaml': `x: ${special}\ny: ${S.basic}\n` } });

  it('hides a secret one target found, and a token by its shape, in every other target: messages, locations, related, fixes, facts and their keys', () => {
    const text = JSON.stringify(out);
    assert.ok(!text.includes(special), 'the password with regular-expression characters');
    assert.ok(!text.includes(S.basic), 'the bearer token');
    assert.equal(out.results[1].findings[0].message, `api runs ${redact(special)} as root`);
    assert.equal(Object.keys(out.results[1].facts?.nested as object)[0].startsWith('key-Xq7.'), true);
    assert.equal((out.meta.sources?.['b/compose.yaml'] ?? '').length, `x: ${special}\ny: ${S.basic}\n`.length);
    assert.equal(out.results[0].findings.some((f) => 'secrets' in f), false, 'the raw values are dropped');
  });

  it('gives a target with nothing to hide back unchanged, and leaves its input alone', () => {
    assert.deepEqual(out.results[2], quiet);
    assert.equal(quoter.findings[0].message, `api runs ${special} as root`);
    assert.deepEqual(finder.findings[0].secrets, [special]);
  });
});

describe('a long secret quoted by its first characters', () => {
  it('masks the quoted prefix of a one-word token, as it does for a line of a key', () => {
    const token = githubToken(41);
    assert.ok(token.length >= 32 && !/[\s"',|]/.test(token), 'a long one-word token');
    const quoted = `${token.slice(0, 30)}…`;
    const finding: Finding = {
      ruleId: 'dockerfile/secret-in-env-arg', severity: 'error', message: 'ENV holds a token', location: loc(2), secrets: [token],
    };
    const other: Finding = { ruleId: 'dockerfile/other', severity: 'warning', message: `the value ${quoted} is set here`, location: loc(2) };
    const result: TargetResult = { target: { kind: 'dockerfile', path: 'Dockerfile' }, level: null, missingForNextLevel: [], findings: [finding, other] };
    const out = redactReport([result], { toolVersion: '0.0.0', rules: SAMPLE_RULES }).results[0];
    const message = out.findings[1].message;
    assert.ok(!message.includes(token.slice(0, 17)), `no more than the probe's length is shown: ${message}`);
    assert.match(message, /^the value [a-z_]{0,4}\*{8,}… is set here$/);
  });
});
