import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { useTempDir } from '../helpers/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = path.join(ROOT, 'test/fixtures/lint');
// an SGR escape (colour): ESC [
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[`);

interface JsonReport {
  version: number;
  results: { target: { kind: string; path: string }; level: string | null; error?: string; missingForNextLevel: string[];
    findings: { ruleId: string; severity: string; location: { path: string; startLine: number } }[] }[];
  fixed?: { path: string; fixes: { ruleId: string }[] }[];
}

async function lintJson(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = await runCli(['lint', ...args, '--format', 'json'], cwd, env);
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as JsonReport) : null };
}

function ids(report: JsonReport | null, p?: string): string[] {
  return (report?.results ?? []).filter((r) => !p || r.target.path === p).flatMap((r) => r.findings.map((f) => f.ruleId));
}

let tmp = '';
const write = useTempDir('tightship-lint-', (dir) => { tmp = dir; });

describe('lint: exit codes and levels', () => {
  it('a hardened Dockerfile: exit 0, level hardened, no findings', async () => {
    const { code, report, stderr } = await lintJson(['Dockerfile'], path.join(FIX, 'clean'));
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.ok(report);
    assert.equal(report.results[0].level, 'hardened');
    assert.deepEqual(ids(report), []);
  });

  it('USER root: exit 1, level root, and what is missing to reach nonroot', async () => {
    const { code, report } = await lintJson(['Dockerfile'], path.join(FIX, 'root'));
    assert.equal(code, 1);
    assert.ok(report);
    const r = report.results[0];
    assert.equal(r.level, 'root');
    assert.ok(r.missingForNextLevel.includes('dockerfile/last-user-root'));
    const f = r.findings.find((x) => x.ruleId === 'dockerfile/last-user-root');
    assert.ok(f);
    assert.equal(f.location.startLine, 4);
    assert.equal(f.location.path, 'Dockerfile');
  });

  it('--fail-on none exits 0 with errors; --fail-on info fails on an info finding', async () => {
    assert.equal((await runCli(['lint', 'Dockerfile', '--fail-on', 'none'], path.join(FIX, 'root'))).code, 0);
    const nested = path.join(FIX, 'nested/sub');
    assert.equal((await runCli(['lint', 'app.Dockerfile', '--fail-on', 'error'], nested)).code, 0);
    assert.equal((await runCli(['lint', 'app.Dockerfile', '--fail-on=info'], nested)).code, 1);
  });

  it('TIGHTSHIP_FAIL_ON applies, and the flag wins over it', async () => {
    const nested = path.join(FIX, 'nested/sub');
    assert.equal((await runCli(['lint', 'app.Dockerfile'], nested, { TIGHTSHIP_FAIL_ON: 'warning' })).code, 1);
    assert.equal((await runCli(['lint', 'app.Dockerfile', '--fail-on', 'error'], nested, { TIGHTSHIP_FAIL_ON: 'warning' })).code, 0);
    const bad = await runCli(['lint', 'app.Dockerfile'], nested, { TIGHTSHIP_FAIL_ON: 'loud' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /TIGHTSHIP_FAIL_ON: 'loud' is not a severity/);
  });
});

describe('lint: finding files', () => {
  it('a directory finds Dockerfile, *.Dockerfile and Dockerfile.* recursively, not Dockerfile.dockerignore', async () => {
    const { report } = await lintJson(['.'], path.join(FIX, 'nested'));
    assert.ok(report);
    assert.deepEqual(report.results.map((r) => r.target.path), ['Dockerfile.dev', 'sub/app.Dockerfile']);
  });

  it('skips .git and node_modules', async () => {
    await write('walk/Dockerfile', 'FROM alpine:3.20\nUSER 1000\n');
    await write('walk/node_modules/pkg/Dockerfile', 'FROM alpine\n');
    await write('walk/.git/Dockerfile', 'FROM alpine\n');
    const { report } = await lintJson(['walk'], tmp);
    assert.ok(report);
    assert.deepEqual(report.results.map((r) => r.target.path), ['walk/Dockerfile']);
  });

  it('paths are relative to the working directory, POSIX style', async () => {
    const { report } = await lintJson(['test/fixtures/lint/nested'], ROOT);
    assert.ok(report);
    assert.deepEqual(report.results.map((r) => r.target.path),
      ['test/fixtures/lint/nested/Dockerfile.dev', 'test/fixtures/lint/nested/sub/app.Dockerfile']);
  });
});

describe('lint: bad input never aborts the batch', () => {
  it('each bad file is one target error, the good file is still audited, exit 2', async () => {
    await write('batch/good/Dockerfile', 'FROM alpine:3.20\nUSER 10001\n');
    await write('batch/empty/Dockerfile', '');
    await write('batch/blank/Dockerfile', '  \n\n');
    await write('batch/binary/Dockerfile', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]));
    await write('batch/latin1/Dockerfile', Buffer.from('FROM alpine:3.20\nLABEL author="Jos\xe9"\n', 'latin1'));
    await write('batch/huge/Dockerfile', `FROM alpine:3.20\n${'RUN true\n'.repeat(10 * 1024 * 1024 / 9)}`);
    await fs.mkdir(path.join(tmp, 'batch/dangling'), { recursive: true });
    symlinkSync(path.join(tmp, 'batch/nowhere'), path.join(tmp, 'batch/dangling/Dockerfile'));
    await fs.mkdir(path.join(tmp, 'batch/nothing-here'), { recursive: true });
    await write('batch/nothing-here/notes.txt', 'hello');
    const { code, report, stderr } = await lintJson(
      ['batch/good', 'batch/empty', 'batch/blank', 'batch/binary', 'batch/latin1', 'batch/huge', 'batch/dangling', 'batch/nothing-here', 'batch/missing'], tmp);
    assert.equal(code, 2);
    assert.equal(stderr, '');
    assert.ok(report);
    const byPath = new Map(report.results.map((r) => [r.target.path, r]));
    const get = (p: string) => { const r = byPath.get(p); assert.ok(r, p); return r; };
    const errorOf = (p: string) => { const e = get(p).error; assert.ok(e, p); return e; };
    assert.equal(get('batch/good/Dockerfile').error, undefined);
    assert.equal(get('batch/good/Dockerfile').level, 'nonroot');
    assert.match(errorOf('batch/empty/Dockerfile'), /^empty file/);
    assert.match(errorOf('batch/blank/Dockerfile'), /^empty file/);
    assert.match(errorOf('batch/binary/Dockerfile'), /^binary file/);
    assert.match(errorOf('batch/latin1/Dockerfile'), /not valid UTF-8 .*line 2/);
    assert.match(errorOf('batch/huge/Dockerfile'), /^file too large \(10\.0 MB/);
    assert.match(errorOf('batch/dangling/Dockerfile'), /no such file/);
    assert.match(errorOf('batch/nothing-here'), /no Dockerfile or compose file found/);
    assert.match(errorOf('batch/missing'), /no such file or directory/);
    for (const r of report.results) if (r.error) assert.doesNotMatch(r.error, /\n|at .*\.js:\d+/);
  });

  it('pretty output names each bad file on one line; no stack trace', async () => {
    const r = await runCli(['lint', 'batch/binary', 'batch/good'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /batch\/binary\/Dockerfile\n {2}error {4}binary file \(NUL byte at offset 4\): not a Dockerfile\n/);
    assert.doesNotMatch(r.stdout + r.stderr, / {4}at /);
  });

  it('an unknown instruction or an unterminated heredoc is a located finding, not a crash', async () => {
    await write('syntax/Dockerfile', 'FROM alpine:3.20\nFROBNICATE now\nRUN <<EOF\necho open\n');
    const { code, report } = await lintJson(['syntax/Dockerfile'], tmp);
    assert.equal(code, 1);
    assert.ok(report);
    const parse = report.results[0].findings.filter((f) => f.ruleId === 'tightship/parse-error');
    assert.ok(parse.length >= 1, JSON.stringify(report));
    assert.ok(parse.every((f) => f.location.startLine >= 2));
  });
});

describe('lint: usage errors (exit 2, one line and a hint)', () => {
  const cases: [string[], RegExp][] = [
    [['lint'], /^tightship: no path given\nhint: /],
    [['lint', '.', '--format', 'xml'], /^tightship: unknown format 'xml'\nhint: use one of pretty, json, sarif, github, gitlab, junit, checkstyle, html\n$/],
    [['lint', '.', '--fial-on', 'error'], /unknown option '--fial-on' for 'lint' \(did you mean '--fail-on'\?\)/],
    [['lint', '.', '--fail-on', 'loud'], /--fail-on: 'loud' is not a severity/],
    [['lint', '.', '--build-arg', '=NOVALUE'], /--build-arg '=NOVALUE' is not NAME=VALUE or NAME/],
    [['lint', '.', '--output'], /option '--output' needs a value/],
    [['lint', '.', '--context', 'no-such-dir'], /build context no-such-dir is not a directory/],
    [['lint', '.', '--config', 'no-such.yaml'], /cannot read config .*no-such\.yaml: no such file/],
    [['lint', '.', '--output', 'no-such-dir/report.json'], /--output no-such-dir\/report\.json: folder no-such-dir does not exist/],
  ];
  for (const [argv, re] of cases) {
    it(argv.join(' '), async () => {
      const r = await runCli(argv, path.join(FIX, 'clean'));
      assert.equal(r.code, 2);
      assert.match(r.stderr, re);
      assert.equal(r.stdout, '');
    });
  }

  it('--help prints the options and exits 0', async () => {
    const r = await runCli(['lint', '--help'], tmp);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--no-inline-ignores/);
  });

  it('TIGHTSHIP_FORMAT selects the format; --format wins', async () => {
    const dir = path.join(FIX, 'clean');
    assert.match((await runCli(['lint', 'Dockerfile'], dir, { TIGHTSHIP_FORMAT: 'json' })).stdout, /^\{\n {2}"version": 1/);
    assert.match((await runCli(['lint', 'Dockerfile', '--format', 'github'], dir, { TIGHTSHIP_FORMAT: 'json' })).stdout, /^Dockerfile: level hardened\n$/);
  });
});

describe('lint: --output', () => {
  it('writes the report to a file atomically and says so on stderr', async () => {
    const out = path.join(tmp, 'out/report.sarif');
    await fs.mkdir(path.dirname(out), { recursive: true });
    const r = await runCli(['lint', 'Dockerfile', '--format', 'sarif', '--output', out], path.join(FIX, 'root'));
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote sarif report of 1 target\(s\)/);
    const log = JSON.parse(await fs.readFile(out, 'utf8')) as { version: string };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual((await fs.readdir(path.dirname(out))).filter((n) => n.endsWith('.tmp')), []);
  });

  it('refuses to overwrite a directory', async () => {
    await fs.mkdir(path.join(tmp, 'a-dir'), { recursive: true });
    const r = await runCli(['lint', 'Dockerfile', '--output', path.join(tmp, 'a-dir')], path.join(FIX, 'root'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a directory; refusing to overwrite it/);
  });
});

describe('lint: colour', () => {
  const dir = path.join(FIX, 'root');
  it('colour on a TTY, none with NO_COLOR or on a pipe, FORCE_COLOR forces it', async () => {
    assert.match((await runCli(['lint', 'Dockerfile'], dir, {}, true)).stdout, SGR);
    assert.doesNotMatch((await runCli(['lint', 'Dockerfile'], dir, { NO_COLOR: '1' }, true)).stdout, SGR);
    assert.doesNotMatch((await runCli(['lint', 'Dockerfile'], dir, {}, false)).stdout, SGR);
    assert.match((await runCli(['lint', 'Dockerfile'], dir, { FORCE_COLOR: '1' }, false)).stdout, SGR);
    assert.doesNotMatch((await runCli(['lint', 'Dockerfile'], dir, { FORCE_COLOR: '0' }, true)).stdout, SGR);
  });
});

describe('lint: --build-arg', () => {
  it('ARG values from the command line resolve the base image', async () => {
    await write('args/Dockerfile', 'ARG TAG=3.20\nFROM alpine:${TAG}\nUSER 10001\n');
    const plain = await lintJson(['args/Dockerfile'], tmp);
    assert.ok(!ids(plain.report).includes('dockerfile/base-image-latest'));
    const latest = await lintJson(['args/Dockerfile', '--build-arg', 'TAG=latest'], tmp);
    assert.ok(ids(latest.report).includes('dockerfile/base-image-latest'));
  });
});

describe('lint: --fix', () => {
  it('applies safe fixes, writes the file, reports what was fixed, and re-lints', async () => {
    const original = 'FROM debian:12-slim\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n';
    const file = await write('fix/Dockerfile', original);
    const before = await lintJson(['fix/Dockerfile'], tmp);
    const fixable = ids(before.report).filter((id) => ['dockerfile/apt-get-missing-yes'].includes(id));
    assert.ok(fixable.length > 0, `expected fixable findings, got ${ids(before.report).join(', ')}`);
    assert.equal(await fs.readFile(file, 'utf8'), original, 'lint without --fix never writes');
    const after = await lintJson(['fix/Dockerfile', '--fix'], tmp);
    const text = await fs.readFile(file, 'utf8');
    assert.notEqual(text, original);
    assert.match(text, /apt-get install .*-y/);
    for (const id of fixable) assert.ok(!ids(after.report).includes(id), `${id} should be fixed`);
    assert.ok(after.report); assert.ok(after.report.fixed);
    assert.deepEqual(after.report.fixed.map((f) => f.path), ['fix/Dockerfile']);
    assert.match(after.stderr, /fixed \d+ problem\(s\) in fix\/Dockerfile/);
  });
});

describe('lint: compose projects', () => {
  it('a directory finds the compose project (base + override) and its Dockerfile once', async () => {
    const { report } = await lintJson(['.'], path.join(FIX, 'compose-project'));
    assert.ok(report);
    const targets = report.results.map((r) => `${r.target.kind}:${r.target.path}${(r.target as { service?: string }).service ? `#${(r.target as { service?: string }).service}` : ''}`);
    assert.deepEqual(targets, ['dockerfile:Dockerfile', 'compose:compose.yaml#api']);
    const api = report.results[1];
    assert.equal(api.level, 'nonroot');
    assert.ok(api.missingForNextLevel.length > 0);
  });

  it('a compose file named on the command line is audited as compose', async () => {
    const { report } = await lintJson(['compose.yaml'], path.join(FIX, 'compose-project'));
    assert.ok(report);
    assert.ok(report.results.some((r) => r.target.kind === 'compose'));
  });
});

describe('lint: real reports against their schemas', () => {
  it('json of a real run (findings, an errored target, a compose service) is valid against schema/report.schema.json', async () => {
    const { loadReportValidator } = await import('../report/validators.js');
    const validate = await loadReportValidator();
    const r = await runCli(['lint', 'root', 'compose-project', 'no-such', '--format', 'json'], FIX);
    assert.equal(r.code, 2);
    const report: unknown = JSON.parse(r.stdout);
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
  });

  it('sarif of a real run is valid against the official SARIF 2.1.0 schema', async () => {
    const { loadSarifValidator } = await import('../report/validators.js');
    const validate = await loadSarifValidator();
    const r = await runCli(['lint', 'root', 'compose-project', 'nested', '--format', 'sarif'], FIX);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
    assert.ok(log.runs[0].results.length > 0);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });
});

describe('lint: build context', () => {
  it('the Dockerfile folder by default, --context DIR instead, --no-context to skip it', async () => {
    await write('ctx/docker/Dockerfile', 'FROM alpine:3.20\nCOPY app.txt /app/\nUSER 1\n');
    await write('ctx/src/app.txt', 'hello\n');
    await write('ctx/src/.dockerignore', '.git\n');
    const byDefault = await lintJson(['ctx/docker/Dockerfile'], tmp);
    assert.ok(ids(byDefault.report).includes('context/copy-source-missing'), ids(byDefault.report).join(','));
    const withContext = await lintJson(['ctx/docker/Dockerfile', '--context', 'ctx/src'], tmp);
    assert.ok(!ids(withContext.report).includes('context/copy-source-missing'), ids(withContext.report).join(','));
    const without = await lintJson(['ctx/docker/Dockerfile', '--no-context'], tmp);
    assert.ok(!ids(without.report).some((id) => id.startsWith('context/')));
  });
});
