// Levels that never claim more than the evidence, end to end through `tightship lint`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { readReport } from '../helpers/json-report.js';

const PINNED = `alpine:3.20@sha256:${'a'.repeat(64)}`;
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-levels-'));
  writeFileSync(join(dir, '.dockerignore'), '.git\n');
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${PINNED}\nCOPY missing.txt /app/\nHEALTHCHECK CMD ["/app/health"]\nUSER 10001\nCMD ["/app/run"]\n`);
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build: .\n');
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

describe('levels', () => {
  it('a Dockerfile whose COPY source is missing from its context is not graded, nor the service built from it', async () => {
    const r = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = readReport(r.stdout);
    const df = report.results.find((x) => x.target.kind === 'dockerfile');
    assert.ok(df);
    assert.equal(df.level, null);
    assert.match(df.levelReason ?? '', /^does not build: .*context\/copy-source-missing, line 2/);
    const api = report.results.find((x) => x.target.service === 'api');
    assert.ok(api);
    assert.equal(api.level, null);
    assert.match(api.levelReason ?? '', /^its image does not build \(Dockerfile\)/);
  });

  it('the pretty report says the level is unknown and why', async () => {
    const r = await runCli(['lint', 'Dockerfile', '--fail-on', 'none'], dir);
    assert.match(r.stdout, /level: unknown \(does not build: /);
  });

  it('once the source exists, the file is graded', async () => {
    writeFileSync(join(dir, 'missing.txt'), 'x\n');
    try {
      const r = await runCli(['lint', 'Dockerfile', '--format', 'json', '--fail-on', 'none'], dir);
      const df = readReport(r.stdout).results[0];
      assert.notEqual(df.level, null);
      assert.equal(df.levelReason, undefined);
    } finally {
      rmSync(join(dir, 'missing.txt'));
    }
  });
});
