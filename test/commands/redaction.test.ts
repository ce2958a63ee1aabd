// Redaction is a property of the report: whatever rule quotes a line, whichever format is asked
// for, a secret found in the target (or a secret-named --build-arg value) never reaches the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { githubToken, pemKey } from '../secrets/fakes.js';

const token = githubToken(7);
const buildArgSecret = 'Zq8vT2mWx4LpR9sKd3Hn';
const key = pemKey(11);
const keyBody = key.split('\n').slice(1, -2).join('');

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tightship-redaction-'));
  writeFileSync(path.join(dir, 'Dockerfile'), [
    'FROM node:22-slim',
    'ARG API_TOKEN',
    'WORKDIR /srv/$API_TOKEN',
    `RUN curl -fsS -H "Authorization: Bearer ${token}" https://example.invalid/x -o /x`,
    `CMD node server.js --token ${token}`,
    '',
  ].join('\n'));
  writeFileSync(path.join(dir, 'deploy.key'), key);
  writeFileSync(path.join(dir, 'Dockerfile.key'), 'FROM node:22-slim\nCOPY deploy.key /k\nUSER node\n');
  return dir;
}

for (const format of ['pretty', 'json', 'sarif', 'github']) {
  test(`lint -f ${format}: no planted secret reaches the report`, async () => {
    const dir = project();
    const out = path.join(dir, `report.${format}`);
    const r = await runCli(['lint', '.', '-f', format, '-o', out, '--fail-on', 'none', '--build-arg', `API_TOKEN=${buildArgSecret}`], dir);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(out, 'utf8') + r.stderr;
    // the report is about these files (so the test would see a leak)
    assert.match(text, /Dockerfile/);
    for (const secret of [token, buildArgSecret, token.slice(-12), keyBody.slice(0, 24), keyBody.slice(40, 64)]) {
      assert.ok(!text.includes(secret), `${format} output holds ${secret.slice(0, 6)}…`);
    }
  });
}

test('a token quoted by a YAML error or a build error is redacted by its shape, found by no rule', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tightship-redaction-'));
  const ak = ['AKIA', 'Z7Q2M4XQLJK3P5RW'].join('');
  writeFileSync(path.join(dir, 'compose.yaml'), `services:\n  app:\n    image: x:1\n    environment: ]\n      - "${token}"\n`);
  writeFileSync(path.join(dir, 'Dockerfile'), `FROM node:22-slim\nEXPOSE ${ak}\nUSER node\n`);
  for (const format of ['pretty', 'json', 'sarif', 'github']) {
    const r = await runCli(['lint', 'compose.yaml', 'Dockerfile', '-f', format, '--fail-on', 'none', '--no-context'], dir);
    const text = r.stdout + r.stderr;
    assert.match(text, /EXPOSE|expose/);
    assert.ok(!text.includes(token), `${format}: the token quoted by the YAML error is printed`);
    assert.ok(!text.includes(ak), `${format}: the key id in the build error is printed`);
  }
});

test('a weak password (a plain word) is not masked in every other string of the report', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tightship-redaction-'));
  writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  db:\n    image: loki-canary:latest\n    environment:\n      POSTGRES_PASSWORD: loki\n');
  const r = await runCli(['lint', 'compose.yaml', '-f', 'json', '--fail-on', 'none'], dir);
  const report = JSON.parse(r.stdout) as { results: { findings: { ruleId: string; message: string }[] }[] };
  const messages = report.results.flatMap((x) => x.findings.map((f) => `${f.ruleId}: ${f.message}`));
  assert.ok(messages.some((m) => m.includes('loki-canary')), messages.join('\n'));
});
