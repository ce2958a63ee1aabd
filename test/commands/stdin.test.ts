// `tightship lint -`: a Dockerfile or compose file from standard input, --stdin-filename and
// --stdin-kind. Standard input is a real file stream (and, once, the real bin's stdin).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { captureIO, type Captured } from '../helpers/cli-io.js';
import { main } from '../../src/main.js';
import { useTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

let tmp = '';
const write = useTempDir('tightship-stdin-', (dir) => { tmp = dir; });

/** main(argv) with standard input read from a file. */
async function withStdin(argv: string[], stdinFile: string | null, cwd = tmp): Promise<Captured> {
  const io = captureIO(cwd);
  if (stdinFile !== null) io.stdin = () => createReadStream(stdinFile);
  const code = await main(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

interface Report { results: { target: { kind: string; path: string; service?: string }; error?: string; findings: { ruleId: string; location: { path: string; startLine: number } }[] }[] }
const report = (r: Captured) => JSON.parse(r.stdout) as Report;
const ids = (r: Captured) => report(r).results.flatMap((x) => x.findings.map((f) => f.ruleId));

const ROOT_DOCKERFILE = 'FROM alpine:3.20\nRUN apk add curl\nUSER root\n';

describe('lint - (standard input)', () => {
  it('reads a Dockerfile from stdin; the path shown is -, no build context is audited', async () => {
    const input = await write('in/Dockerfile.txt', ROOT_DOCKERFILE);
    const r = await withStdin(['lint', '-', '--format', 'json'], input);
    assert.equal(r.code, 1, r.stderr);
    const rep = report(r);
    assert.equal(rep.results.length, 1);
    assert.equal(rep.results[0].target.path, '-');
    assert.ok(ids(r).includes('dockerfile/last-user-root'));
    assert.ok(!ids(r).some((id) => id.startsWith('context/')), 'no context without a name');
    // the same text as a file gives the same findings
    const file = await withStdin(['lint', 'in/Dockerfile.txt', '--no-context', '--format', 'json'], null);
    assert.deepEqual(ids(r).sort(), ids(file).sort());
  });

  it('--stdin-filename: the path shown, the config of its folder, its ignore: globs and --exclude', async () => {
    await write('proj/.tightship.yaml', 'rules:\n  dockerfile/apk-no-cache: off\nignore:\n  - "legacy/**"\n');
    await write('proj/app.txt', 'x\n');
    const input = await write('stdin.Dockerfile', ROOT_DOCKERFILE);
    const r = await withStdin(['lint', '-', '--stdin-filename', 'proj/Dockerfile', '--format', 'json'], input);
    assert.equal(report(r).results[0].target.path, 'proj/Dockerfile');
    assert.ok(!ids(r).includes('dockerfile/apk-no-cache'), 'the config of proj/ applies');
    assert.ok(ids(r).includes('dockerfile/last-user-root'));
    // ignored by the config, or excluded: nothing audited, listed as skipped, exit 0
    for (const argv of [['--stdin-filename', 'proj/legacy/Dockerfile'], ['--stdin-filename', 'proj/Dockerfile', '--exclude', 'proj']]) {
      const skipped = await withStdin(['lint', '-', ...argv, '--format', 'json'], input);
      assert.equal(skipped.code, 0, skipped.stderr);
      const rep = JSON.parse(skipped.stdout) as Report & { skipped?: { path: string; reason: string }[] };
      assert.equal(rep.results.length, 0);
      assert.match(JSON.stringify(rep), /matched by ignore: in the config|excluded by --exclude proj/);
    }
  });

  it('--stdin-kind compose (or a .yaml --stdin-filename) reads a compose file, its .env beside the name', async () => {
    await write('c/.env', 'TAG=latest\n');
    const input = await write('compose.in', 'services:\n  web:\n    image: nginx:${TAG}\n    privileged: true\n');
    for (const argv of [['--stdin-kind', 'compose', '--stdin-filename', 'c/compose.yaml'], ['--stdin-filename', 'c/compose.yaml']]) {
      const r = await withStdin(['lint', '-', ...argv, '--format', 'json'], input);
      const rep = report(r);
      const web = rep.results.find((x) => x.target.service === 'web');
      assert.ok(web, r.stdout);
      assert.equal(web.target.path, 'c/compose.yaml');
      assert.ok(web.findings.some((f) => f.ruleId === 'compose/privileged'));
      assert.ok(web.findings.some((f) => f.ruleId === 'compose/image-latest'), 'the .env of c/ was read (TAG=latest)');
    }
    const unnamed = await withStdin(['lint', '-', '--stdin-kind', 'compose', '--format', 'json'], input);
    assert.ok(report(unnamed).results.some((x) => x.target.path === '-' && x.target.service === 'web'));
  });

  it('bad input and bad combinations are one-line errors', async () => {
    const empty = await write('empty', '');
    const binary = await write('bin', Buffer.from([0x46, 0x52, 0x00, 0x4f]));
    const latin1 = await write('latin1', Buffer.from('FROM alpine\nLABEL a="caf\xe9"\n', 'latin1'));
    const ok = await write('ok', ROOT_DOCKERFILE);
    const cases: [string[], string | null, RegExp][] = [
      [['lint', '-'], empty, /standard input is empty/],
      [['lint', '-'], binary, /binary \(NUL byte at offset 2\)/],
      [['lint', '-'], latin1, /not valid UTF-8 text \(first bad byte on line 2\)/],
      [['lint', '-', 'Dockerfile'], ok, /'-' \(standard input\) is the only path/],
      [['lint', '-', '--fix'], ok, /--fix cannot write standard input/],
      [['lint', '-', '--stdin-kind', 'yaml'], ok, /--stdin-kind 'yaml' is not a kind/],
      [['lint', '.', '--stdin-filename', 'Dockerfile'], ok, /--stdin-filename applies to '-'/],
      [['lint', '-'], null, /no standard input to read/],
    ];
    for (const [argv, input, re] of cases) {
      const r = await withStdin(argv, input);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 2, r.stderr); // the error and its hint
    }
  });

  it('--fix-dry-run prints the diff of the text read', async () => {
    const input = await write('fixme', ROOT_DOCKERFILE);
    const r = await withStdin(['lint', '-', '--stdin-filename', 'Dockerfile', '--fix-dry-run'], input);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^\+RUN apk add --no-cache curl$/m);
  });

  it('the bin reads its real standard input', () => {
    const r = spawnSync(process.execPath, [BIN, 'lint', '-', '--format', 'json'], { cwd: tmp, input: ROOT_DOCKERFILE, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.ok((JSON.parse(r.stdout) as Report).results[0].findings.some((f) => f.ruleId === 'dockerfile/last-user-root'));
  });
});
