// Habits carried over from other linters: command did-you-mean, --build-arg NAME from the environment.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli-io.js';

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-habits-')); });
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe('habits', () => {
  it('a mistyped command gets a suggestion; a far one does not', async () => {
    const r = await runCli(['lnt', '.'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'lnt' \(did you mean lint\?\)/);
    const far = await runCli(['zzzzzzzzzz'], tmp);
    assert.doesNotMatch(far.stderr, /did you mean/);
  });

  it('--build-arg NAME takes the value from the environment; absent there, the ARG stays unset', async () => {
    await fs.writeFile(path.join(tmp, 'Dockerfile'), 'ARG TAG\nFROM alpine:${TAG}\nUSER 10001\n');
    const ids = (stdout: string) => (JSON.parse(stdout) as { results: { findings: { ruleId: string }[] }[] }).results[0].findings.map((f) => f.ruleId);
    const fromEnv = await runCli(['lint', 'Dockerfile', '--no-context', '--format', 'json', '--build-arg', 'TAG'], tmp, { TAG: 'latest' });
    assert.ok(ids(fromEnv.stdout).includes('dockerfile/base-image-latest'), fromEnv.stdout);
    const unset = await runCli(['lint', 'Dockerfile', '--no-context', '--format', 'json', '--build-arg', 'TAG'], tmp, {});
    assert.ok(!ids(unset.stdout).includes('dockerfile/base-image-latest'));
    const bad = await runCli(['lint', 'Dockerfile', '--build-arg', '=x'], tmp);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not NAME=VALUE or NAME/);
  });

  it('verify --output is checked before any container starts', async () => {
    const r = await runCli(['verify', 'some:image', '--output', 'no-such-dir/report.json'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /folder no-such-dir does not exist/);
  });
});
