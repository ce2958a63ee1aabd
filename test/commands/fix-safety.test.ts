// --fix never loses anything: real files in a temporary folder, the real CLI entry (main).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { unifiedDiff } from '../../src/engine/fix.js';
import { readForFix, writeFixed } from '../../src/commands/output.js';

// apt-get install without -y: the one safe fix here (-y); --no-install-recommends is a suggestion
const BAD = 'FROM debian:12-slim\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n';
const FIXED = BAD.replace('apt-get install curl', 'apt-get install -y curl');

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-fix-')); });
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

async function dir(name: string): Promise<string> {
  const d = path.join(tmp, name);
  await fs.mkdir(d, { recursive: true });
  return d;
}

describe('--fix keeps what the file is', () => {
  it('a symbolic link stays a link and its target is edited', async () => {
    const d = await dir('link');
    await fs.writeFile(path.join(d, 'real.Dockerfile'), BAD);
    await fs.symlink('real.Dockerfile', path.join(d, 'Dockerfile'));
    const r = await runCli(['lint', 'Dockerfile', '--fix', '--no-context'], d);
    assert.equal((await fs.lstat(path.join(d, 'Dockerfile'))).isSymbolicLink(), true, r.stderr);
    assert.equal(await fs.readFile(path.join(d, 'real.Dockerfile'), 'utf8'), FIXED);
  });

  it('mode and owner (chown nobody) are kept', { skip: process.getuid?.() !== 0 ? 'needs root to chown' : false }, async () => {
    const d = await dir('mode');
    const f = path.join(d, 'Dockerfile');
    await fs.writeFile(f, BAD);
    await fs.chmod(f, 0o640);
    await fs.chown(f, 65534, 65534);
    await runCli(['lint', 'Dockerfile', '--fix', '--no-context'], d);
    const st = await fs.stat(f);
    assert.equal(await fs.readFile(f, 'utf8'), FIXED);
    assert.equal(st.mode & 0o7777, 0o640);
    assert.equal(st.uid, 65534);
    assert.equal(st.gid, 65534);
  });

  it('hard links stay linked (written in place), BOM and CRLF are kept', async () => {
    const d = await dir('hard');
    const f = path.join(d, 'Dockerfile');
    const crlf = `\uFEFF${BAD.replace(/\n/g, '\r\n')}`;
    await fs.writeFile(f, crlf);
    await fs.link(f, path.join(d, 'other-name'));
    const r = await runCli(['lint', 'Dockerfile', '--fix', '--no-context'], d);
    const expected = `\uFEFF${FIXED.replace(/\n/g, '\r\n')}`;
    assert.equal(await fs.readFile(f, 'utf8'), expected, r.stderr);
    assert.equal(await fs.readFile(path.join(d, 'other-name'), 'utf8'), expected);
    assert.equal((await fs.stat(f)).nlink, 2);
    assert.deepEqual((await fs.readdir(d)).sort(), ['Dockerfile', 'other-name'], 'no copy left behind');
  });
});

describe('--fix refuses, reports, and goes on', () => {
  it('a 0444 file is not written (even as root); the next file is fixed; both outcomes reported; exit 2', async () => {
    const d = await dir('ro');
    await fs.mkdir(path.join(d, 'a'));
    await fs.mkdir(path.join(d, 'b'));
    await fs.writeFile(path.join(d, 'a/Dockerfile'), BAD);
    await fs.chmod(path.join(d, 'a/Dockerfile'), 0o444);
    await fs.writeFile(path.join(d, 'b/Dockerfile'), BAD);
    const r = await runCli(['lint', '.', '--fix', '--no-context', '--format', 'json'], d);
    assert.equal(r.code, 2);
    assert.equal(await fs.readFile(path.join(d, 'a/Dockerfile'), 'utf8'), BAD);
    assert.equal(await fs.readFile(path.join(d, 'b/Dockerfile'), 'utf8'), FIXED);
    assert.match(r.stderr, /not fixed: a\/Dockerfile: read-only \(mode 0444\)/);
    assert.match(r.stderr, /fixed 1 problem\(s\) in b\/Dockerfile/);
    const report = JSON.parse(r.stdout) as { results: unknown[] };
    assert.equal(report.results.length, 2, 'the report is still written');
  });

  it('a file changed since it was read is not overwritten', async () => {
    const d = await dir('changed');
    const f = path.join(d, 'Dockerfile');
    await fs.writeFile(f, BAD);
    const read = await readForFix(f);
    assert.ok(!('error' in read));
    const theirs = `${BAD}# edited by someone else\n`;
    await fs.writeFile(f, theirs);
    const outcome = await writeFixed(read, FIXED);
    assert.equal(outcome.status, 'refused');
    assert.match((outcome as { reason: string }).reason, /changed since it was read/);
    assert.equal(await fs.readFile(f, 'utf8'), theirs);
  });

  it('--output naming an input is refused before anything is written', async () => {
    const d = await dir('out');
    await fs.writeFile(path.join(d, 'Dockerfile'), BAD);
    const r = await runCli(['lint', '.', '-o', 'Dockerfile'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is an input of this run; refusing to overwrite it/);
    assert.equal(await fs.readFile(path.join(d, 'Dockerfile'), 'utf8'), BAD);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff that patch(1) applies, writes nothing, exits 1', async () => {
    const d = await dir('dry');
    const f = path.join(d, 'Dockerfile');
    await fs.writeFile(f, BAD);
    const r = await runCli(['lint', 'Dockerfile', '--fix-dry-run', '--no-context'], d);
    assert.equal(r.code, 1);
    assert.equal(await fs.readFile(f, 'utf8'), BAD);
    assert.match(r.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ -1,3 \+1,3 @@\n/);
    await fs.writeFile(path.join(d, 'fix.patch'), r.stdout);
    const { execFileSync } = await import('node:child_process');
    execFileSync('patch', ['-p1', '-i', 'fix.patch'], { cwd: d, stdio: 'pipe' });
    assert.equal(await fs.readFile(f, 'utf8'), FIXED);
  });

  it('the diff: context, several hunks, a missing final newline', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
    const b = a.replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n');
    const d = unifiedDiff(a, b, 'a', 'b');
    assert.equal((d.match(/^@@/gm) ?? []).length, 2);
    assert.match(d, /@@ -1,5 \+1,5 @@\n line 1\n-line 2\n\+line two\n/);
    assert.match(unifiedDiff('x', 'y', 'a', 'b'), /-x\n\\ No newline at end of file\n\+y\n\\ No newline/);
    assert.equal(unifiedDiff('same\n', 'same\n', 'a', 'b'), '');
  });
});
