// The baseline through `tightship lint` on real files: --write-baseline records, --baseline hides
// what it holds after lines shift, shows new findings, lists entries that match nothing;
// --prune-baseline drops them; the file is never written otherwise, never written over a file
// that is not a baseline, and a corrupt one is a one-line error.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type Captured } from '../helpers/cli-io.js';

let tmp: string;
beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-baseline-')); });
afterEach(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

async function write(rel: string, content: string): Promise<string> {
  const p = path.join(tmp, rel);
  await fs.mkdir(path.dirname(p), { recursive: true });
  await fs.writeFile(p, content);
  return p;
}
const read = (rel: string) => fs.readFile(path.join(tmp, rel), 'utf8');

interface Report { results: { target: { path: string }; level: string | null; findings: { ruleId: string; location: { startLine: number } }[] }[] }
const ids = (r: Captured) => (JSON.parse(r.stdout) as Report).results.flatMap((x) => x.findings.map((f) => f.ruleId)).sort();

const V1 = 'FROM alpine:3.20\nRUN apk add curl\nRUN apk add curl\nUSER root\n';

describe('lint --write-baseline / --baseline', () => {
  it('records today, hides it after lines shift, shows the new finding, lists what matches nothing', async () => {
    await write('app/Dockerfile', V1);
    const first = await runCli(['lint', 'app', '--write-baseline', 'tightship-baseline.json', '--format', 'json'], tmp);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(ids(first), [], 'every finding of the run is in the baseline');
    assert.match(first.stderr, /wrote baseline tightship-baseline\.json: \d+ entries/);
    const file = JSON.parse(await read('tightship-baseline.json')) as { version: number; entries: { ruleId: string; path: string; fingerprint: string }[] };
    assert.equal(file.version, 1);
    assert.ok(file.entries.some((e) => e.ruleId === 'dockerfile/last-user-root' && e.path === 'app/Dockerfile'));
    assert.equal(file.entries.filter((e) => e.ruleId === 'dockerfile/apk-no-cache').length, 2, 'two identical lines: two occurrences');
    assert.ok(!JSON.stringify(file).includes('apk add'), 'hashes, not source text');

    const before = await runCli(['lint', 'app', '--format', 'json'], tmp);
    assert.equal(before.code, 1);
    // lines added above, the first apk line fixed, a new problem
    await write('app/Dockerfile', '# syntax=docker/dockerfile:1\n\nFROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add curl\nUSER root\nRUN apt-get install wget\n');
    const after = await runCli(['lint', 'app', '--baseline', 'tightship-baseline.json', '--format', 'json', '--fail-on', 'warning'], tmp);
    const shown = ids(after);
    assert.ok(!shown.includes('dockerfile/last-user-root'), 'the shifted USER root is still in the baseline');
    assert.ok(!shown.includes('dockerfile/apk-no-cache'), 'the remaining apk line matches its entry');
    assert.ok(shown.some((id) => id.startsWith('dockerfile/apt-get')), `the new RUN is shown: ${shown.join(' ')}`);
    assert.equal(after.code, 1, 'new findings still fail');
    // the fixed line's entries (apk-no-cache, and apk-unpinned, whose offending text changed with it)
    assert.match(after.stderr, /baseline tightship-baseline\.json: 2 entries match no finding any more[^\n]*\n {2}app\/Dockerfile {2}dockerfile\/apk-no-cache\n {2}app\/Dockerfile {2}dockerfile\/apk-unpinned\n/);
    assert.match(after.stderr, /--prune-baseline/);
    // the level is the same as without the baseline: a hidden finding still counts
    const levelOf = (r: Captured) => (JSON.parse(r.stdout) as Report).results[0].level;
    assert.equal(levelOf(after), levelOf(await runCli(['lint', 'app', '--format', 'json'], tmp)));
    // the pretty summary says what the baseline hid
    const pretty = await runCli(['lint', 'app', '--baseline', 'tightship-baseline.json', '--no-color'], tmp);
    assert.match(pretty.stdout, /\d+ findings in baseline tightship-baseline\.json/);
  });

  it('--baseline never writes the file; --prune-baseline drops the stale entries only', async () => {
    await write('Dockerfile', V1);
    await runCli(['lint', 'Dockerfile', '--write-baseline', 'b.json'], tmp);
    const recorded = await read('b.json');
    await write('Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add curl\nUSER root\nEXPOSE 99999\n');
    await runCli(['lint', 'Dockerfile', '--baseline', 'b.json'], tmp);
    assert.equal(await read('b.json'), recorded, '--baseline alone leaves the file as it was');
    const pruned = await runCli(['lint', 'Dockerfile', '--baseline', 'b.json', '--prune-baseline', '--format', 'json'], tmp);
    assert.match(pruned.stderr, /removed 2 entries that matched no finding/);
    const before = (JSON.parse(recorded) as { entries: unknown[] }).entries.length;
    const now = (JSON.parse(await read('b.json')) as { entries: { ruleId: string }[] }).entries;
    assert.equal(now.length, before - 2);
    assert.ok(!now.some((e) => e.ruleId === 'dockerfile/expose-invalid'), 'the new finding is not added by a prune');
    assert.ok(ids(pruned).length > 0, 'the new finding is shown');
  });

  it('paths are relative to the baseline file: it holds from another working folder', async () => {
    await write('repo/svc/Dockerfile', V1);
    await runCli(['lint', 'svc', '--write-baseline', 'ci/baseline.json'], path.join(tmp, 'repo')).then((r) => { assert.equal(r.code, 2, 'ci/ does not exist yet'); });
    await fs.mkdir(path.join(tmp, 'repo/ci'));
    await runCli(['lint', 'svc', '--write-baseline', 'ci/baseline.json'], path.join(tmp, 'repo'));
    const entries = (JSON.parse(await read('repo/ci/baseline.json')) as { entries: { path: string }[] }).entries;
    assert.ok(entries.every((e) => e.path === '../svc/Dockerfile'), JSON.stringify(entries));
    const elsewhere = await runCli(['lint', 'Dockerfile', '--baseline', '../ci/baseline.json', '--format', 'json'], path.join(tmp, 'repo/svc'));
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
    assert.deepEqual(ids(elsewhere), []);
    assert.doesNotMatch(elsewhere.stderr, /matches no finding/);
  });

  it('the entries of a file that cannot be read today are neither stale nor pruned', async () => {
    await write('a/Dockerfile', V1);
    await runCli(['lint', 'a/Dockerfile', '--write-baseline', 'b.json'], tmp);
    const recorded = await read('b.json');
    await write('a/Dockerfile', '');
    const r = await runCli(['lint', 'a/Dockerfile', '--baseline', 'b.json', '--prune-baseline'], tmp);
    assert.equal(r.code, 2, 'an empty file is an input error');
    assert.doesNotMatch(r.stderr, /matches no finding|removed/);
    assert.equal(await read('b.json'), recorded);
  });

  it('--write-baseline keeps the entries of files this run did not audit', async () => {
    await write('a/Dockerfile', V1);
    await write('b/Dockerfile', 'FROM alpine\n');
    await runCli(['lint', 'a', 'b', '--write-baseline', 'b.json'], tmp);
    await write('a/Dockerfile', 'FROM alpine:3.20\nUSER 10001\n');
    await runCli(['lint', 'a', '--write-baseline', 'b.json'], tmp);
    const paths = new Set((JSON.parse(await read('b.json')) as { entries: { path: string }[] }).entries.map((e) => e.path));
    assert.ok(paths.has('b/Dockerfile'), 'b was not audited: its entries stay');
  });

  it('refuses what could lose a file; a corrupt baseline is one line', async () => {
    await write('Dockerfile', V1);
    await write('notes.json', '{"mine": true}\n');
    const cases: [string[], RegExp][] = [
      [['--write-baseline', 'notes.json'], /^tightship: --write-baseline notes\.json: the file exists and is not a tightship baseline \(unsupported version undefined \(expected 1\)\); refusing to overwrite it\n/],
      [['--write-baseline', 'Dockerfile'], /--write-baseline Dockerfile: the file exists and is not a tightship baseline \(not JSON\); refusing to overwrite it/],
      [['--baseline', 'missing.json'], /^tightship: --baseline missing\.json: no such file\nhint: create it with --write-baseline missing\.json\n$/],
      [['--baseline', 'notes.json'], /^tightship: --baseline notes\.json is not a tightship baseline: unsupported version undefined \(expected 1\)\n/],
      [['--baseline', 'b.json', '--write-baseline', 'b.json'], /--baseline and --write-baseline exclude each other/],
      [['--prune-baseline'], /--prune-baseline needs --baseline FILE/],
      [['--write-baseline', 'r.json', '-o', 'r.json'], /--write-baseline r\.json is also the --output file/],
      [['--write-baseline', 'r.json', '--fix-dry-run'], /--fix-dry-run writes nothing; it cannot write a baseline/],
    ];
    for (const [args, re] of cases) {
      const r = await runCli(['lint', 'Dockerfile', ...args], tmp);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 2, r.stderr);
    }
    assert.equal(await read('notes.json'), '{"mine": true}\n');
    assert.equal(await read('Dockerfile'), V1);
    await write('broken.json', '{"version": 1, "entries": [');
    const broken = await runCli(['lint', 'Dockerfile', '--baseline', 'broken.json'], tmp);
    assert.equal(broken.stderr, 'tightship: --baseline broken.json is not a tightship baseline: not JSON\nhint: write a new one with --write-baseline broken.json\n');
    await fs.mkdir(path.join(tmp, 'dir.json'));
    const dir = await runCli(['lint', 'Dockerfile', '--baseline', 'dir.json'], tmp);
    assert.match(dir.stderr, /is not a tightship baseline: it is a directory/);
  });
});
