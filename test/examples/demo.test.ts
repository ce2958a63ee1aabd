// `npm run demo` on a fresh clone: the example has no compiled dist/ yet; the demo compiles it and
// then lints the example, so no COPY source is missing and each Dockerfile gets its own level.
// Run on a copy of examples/secure-app without dist/, as a fresh clone has it.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

interface Report { results: { target: { path: string; service?: string }; level: string | null; findings: { ruleId: string }[] }[] }

describe('npm run demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-'));
  const example = join(dir, 'secure-app');
  cpSync(join(root, 'examples', 'secure-app'), example, { recursive: true, filter: (src) => { return !src.startsWith(join(root, 'examples', 'secure-app', 'dist')); } });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  const demo = (...flags: string[]) => spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), 'secure-app', ...flags], { cwd: dir, encoding: 'utf8' });

  it('compiles the example first, so the Dockerfiles find dist/ and get their levels', () => {
    assert.equal(existsSync(join(example, 'dist')), false, 'the copy starts without dist/, as a fresh clone');
    const r = demo('--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(example, 'dist', 'main.js')));
    const report = JSON.parse(r.stdout) as Report;
    const all = report.results.flatMap((x) => x.findings.map((f) => f.ruleId));
    assert.ok(!all.includes('context/copy-source-missing'), all.join(', '));
    const level = (file: string, service?: string) => report.results.find((x) => x.target.path === `secure-app/${file}` && x.target.service === service)?.level;
    assert.equal(level('Dockerfile.root'), 'root');
    assert.equal(level('Dockerfile.nonroot'), 'nonroot');
    assert.equal(level('Dockerfile.hardened'), 'hardened');
    assert.equal(level('compose.yaml', 'app'), 'hardened');
  });

  it('prints the pretty report a person reads, with the three levels and no missing COPY source', () => {
    const r = demo();
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /copy-source-missing|does not build/);
    for (const level of ['root', 'nonroot', 'hardened']) assert.match(r.stdout, new RegExp(`level: \\S*${level}`));
  });
});
