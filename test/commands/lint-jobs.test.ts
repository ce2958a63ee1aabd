// lint --jobs N / TIGHTSHIP_JOBS: the audit loop in worker threads gives the report of one
// thread, byte for byte (results merged in input order), and a worker's error is the same
// error; --jobs 1 is the one thread. The pool itself: answers by task, errors as thrown.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { runCli, withTestCache } from '../helpers/cli-io.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { WorkerPool } from '../../src/commands/workers.js';
import { DigestKeyedCache, jobsOf, ReadAhead, type LintWorkerSetup } from '../../src/commands/lint-audit.js';
import { SHELLCHECK_MISSING } from '../helpers/shellcheck.js';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';
import { shellcheckModels } from '../../src/targets/dockerfile/shellcheck.js';
import { allRules } from '../../src/rules/index.js';
import { defaultConfig } from '../../src/engine/config-types.js';
import type { AuditOptions } from '../../src/engine/audit-types.js';
import { UserError } from '../../src/engine/types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let tmp = '';
const write = useTempDir('tightship-lint-jobs-', (dir) => { tmp = dir; });

const ROOTY = 'FROM alpine:3.20\nRUN apk add curl\nCMD ["sh"]\n';
const HARDENED = 'FROM alpine:3.20@sha256:' + 'a'.repeat(64) + '\nRUN adduser -D app\nUSER app\nHEALTHCHECK CMD true\nCMD ["sh"]\n';
const MULTI = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM build AS test\nRUN go test ./...\n';

before(async () => {
  // a project of many small packages: Dockerfiles (one unreadable as text, one empty), a compose
  // project that builds one of them, a folder whose config ignores its Dockerfile
  await write('mono/.git/HEAD', 'ref: refs/heads/main\n');
  for (let i = 0; i < 14; i++) {
    const text = [ROOTY, HARDENED, MULTI][i % 3].replace('CMD', `LABEL n="${i}"\nCMD`);
    await write(`mono/packages/p${String(i).padStart(2, '0')}/Dockerfile`, i % 3 === 2 ? MULTI + `LABEL n="${i}"\n` : text);
  }
  await write('mono/packages/bin/Dockerfile', Buffer.from([0x46, 0x52, 0x00, 0x4d]));
  await write('mono/packages/empty/Dockerfile', '');
  await write('mono/packages/svc/Dockerfile', ROOTY);
  await write('mono/packages/svc/compose.yaml', 'services:\n  web:\n    build: .\n    privileged: true\n    environment:\n      API_TOKEN: ghp_' + '1'.repeat(36) + '\n');
  await write('mono/packages/other/compose.yaml', 'services:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n');
  await write('mono/packages/skip/.tightship.yaml', 'ignore:\n  - Dockerfile\n');
  await write('mono/packages/skip/Dockerfile', ROOTY);
  await write('mono/Makefile', 'run:\n\tdocker run --privileged alpine:3.20\n');
});

const lint = (args: string[], env: Record<string, string> = {}) => runCli(['lint', ...args], path.join(tmp, 'mono'), env);

describe('lint --jobs: worker threads give the one-thread report', () => {
  for (const format of ['json', 'pretty', 'sarif']) {
    it(`--jobs 2 and --jobs 3 write the --jobs 1 report byte for byte (${format})`, async () => {
      const one = await lint(['.', '--format', format, '--jobs', '1']);
      assert.equal(one.code, 2, one.stderr); // the unreadable files are errors of the batch
      assert.ok(one.stdout.length > 1000);
      for (const jobs of ['2', '3']) {
        const many = await lint(['.', '--format', format, '--jobs', jobs]);
        assert.equal(many.stdout, one.stdout, `--jobs ${jobs}`);
        assert.equal(many.stderr, one.stderr);
        assert.equal(many.code, one.code);
      }
    });
  }

  it('reports every target once: the unreadable ones as errors, the ignored one not at all, the secret redacted', async () => {
    const r = await lint(['.', '--format', 'json', '--jobs', '2']);
    const report = JSON.parse(r.stdout) as { results: { target: { kind: string; path: string; service?: string }; error?: string }[] };
    const dockerfiles = report.results.filter((x) => x.target.kind === 'dockerfile').map((x) => x.target.path);
    assert.equal(dockerfiles.length, new Set(dockerfiles).size);
    assert.equal(dockerfiles.length, 17); // 14 packages, bin, empty, svc (built by compose: reported once)
    assert.ok(!dockerfiles.includes('packages/skip/Dockerfile'));
    assert.match(report.results.find((x) => x.target.path === 'packages/bin/Dockerfile')?.error ?? '', /binary file/);
    assert.ok(report.results.some((x) => x.target.kind === 'compose' && x.target.service === 'web'));
    assert.ok(report.results.some((x) => x.target.kind === 'run'));
    assert.ok(!r.stdout.includes('ghp_111111'));
  });

  it('TIGHTSHIP_JOBS sets the number; --jobs wins over it', async () => {
    const one = await lint(['.', '--format', 'json', '--jobs', '1']);
    const env = await lint(['.', '--format', 'json'], { TIGHTSHIP_JOBS: '2' });
    assert.equal(env.stdout, one.stdout);
    const flag = await lint(['.', '--format', 'json', '--jobs', '1'], { TIGHTSHIP_JOBS: 'many' });
    assert.equal(flag.code, one.code, flag.stderr);
  });

  it('a number of jobs that is not one is a one-line usage error', async () => {
    for (const [args, env, name] of [[['--jobs', '0'], {}, '--jobs'], [['--jobs', 'x'], {}, '--jobs'], [[], { TIGHTSHIP_JOBS: '-2' }, 'TIGHTSHIP_JOBS']] as const) {
      const r = await lint(['.', ...args], env);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`^tightship: ${name} '.*' is not a number of threads from 1 to 256\\nhint: `));
      assert.equal(r.stdout, '');
    }
  });

  it('--fix with --jobs runs in one thread (the fixes are written in order)', async () => {
    await write('fix/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
    await write('fix/b/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
    const r = await runCli(['lint', '.', '--fix-dry-run', '--jobs', '2'], path.join(tmp, 'fix'));
    const s = await runCli(['lint', '.', '--fix-dry-run', '--jobs', '1'], path.join(tmp, 'fix'));
    assert.equal(r.stdout, s.stdout);
    assert.equal(r.code, s.code);
  });

  it('jobsOf: --jobs, else TIGHTSHIP_JOBS, else the cores (not chosen by the user)', () => {
    assert.deepEqual(jobsOf('1', { TIGHTSHIP_JOBS: '4' }), { jobs: 1, explicit: true });
    assert.deepEqual(jobsOf(undefined, { TIGHTSHIP_JOBS: ' 3 ' }), { jobs: 3, explicit: true });
    assert.equal(jobsOf(undefined, { TIGHTSHIP_JOBS: '' }).explicit, false);
    assert.equal(jobsOf(undefined, {}).explicit, false);
    // not asked: the cores on a machine of 4 or more, one thread below (measured no faster on 2)
    assert.deepEqual(jobsOf(undefined, {}, 8), { jobs: 8, explicit: false });
    assert.deepEqual(jobsOf(undefined, {}, 2), { jobs: 1, explicit: false });
    assert.deepEqual(jobsOf('2', {}, 2), { jobs: 2, explicit: true });
    assert.throws(() => jobsOf('1.5', {}), UserError);
  });

  it('the bundle (dist/bin) starts its workers too, with the same report as the modules in one thread', () => {
    const run = (bin: string, jobs: string) => spawnSync(process.execPath, [path.join(ROOT, bin), 'lint', '.', '--format', 'json', '--jobs', jobs],
      { cwd: path.join(tmp, 'mono'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const bundle = run('dist/bin/cli.js', '2');
    const modules = run('dist/src/cli.js', '1');
    assert.equal(bundle.stderr, modules.stderr);
    assert.equal(bundle.status, modules.status);
    assert.equal(bundle.stdout, modules.stdout);
    assert.ok(bundle.stdout.includes('"results"'));
  });
});

describe('the worker pool', () => {
  const setup = (cwd: string): LintWorkerSetup => ({
    args: { flags: new Map(), positional: ['.'] }, env: withTestCache(), buildArgs: {},
    sets: { compose: false, run: false, daemon: false, profile: false },
    settings: { cwd, today: '2026-01-01', auditContext: false, shellcheck: false, inspectImages: false }, allSources: false,
  });

  it('answers each task with its own result, whatever worker ran it', async () => {
    const pool = new WorkerPool(2, setup(path.join(tmp, 'mono')));
    try {
      const files = Array.from({ length: 6 }, (_, i) => path.join(tmp, 'mono/packages', `p${String(i).padStart(2, '0')}`, 'Dockerfile'));
      const texts = [ROOTY, HARDENED, MULTI];
      const answers = await Promise.all(files.map((file, i) => pool.run<{ target: { path: string } }[]>('dockerfile',
        { file, text: texts[i % 3], variants: [{ info: { contextDir: path.dirname(file), source: 'guess' } }], builds: null, relInProject: 'Dockerfile' })));
      assert.deepEqual(answers.map((a) => a[0].target.path), files.map((f) => path.relative(path.join(tmp, 'mono'), f)));
      assert.equal(pool.inFlight, 0);
    } finally {
      await pool.close();
    }
  });

  it("a worker's error is thrown as it was thrown: a UserError stays one (message and hint), another error is an Error", async () => {
    await write('broken/.tightship.yaml', 'rules: [not, a, map\n');
    await write('broken/Dockerfile', ROOTY);
    const inThread = await runCli(['lint', 'Dockerfile', '--jobs', '1'], path.join(tmp, 'broken'));
    assert.equal(inThread.code, 2);
    const pool = new WorkerPool(1, setup(path.join(tmp, 'broken')));
    try {
      const file = path.join(tmp, 'broken/Dockerfile');
      const err = await pool.run('dockerfile', { file, text: ROOTY, variants: [], builds: null, relInProject: 'Dockerfile' }).then(() => null, (e: unknown) => e);
      assert.ok(err instanceof UserError, String(err));
      assert.ok(inThread.stderr.startsWith(`tightship: ${err.message}\n`), `${inThread.stderr} vs ${err.message}`);
      await assert.rejects(pool.run('no-such-task', null), (e: unknown) => e instanceof Error && !(e instanceof UserError) && /unknown worker task 'no-such-task'/.test(e.message));
      // the worker is still there for the next task
      assert.equal(await pool.run('notice', null), null);
    } finally {
      await pool.close();
    }
  });
});

describe('ReadAhead: ShellCheck over a batch, each script checked once', { skip: SHELLCHECK_MISSING }, () => {
  it("gives every Dockerfile the facts ShellCheck's own run gives it, a script met again at another place included", async () => {
    const shared = 'RUN cd /src && echo $HOME \\\n    && ls `pwd`\n';
    const texts = [
      `FROM debian:12\n${shared}`,
      `FROM debian:12\nARG X\n\nWORKDIR /w\n${shared}RUN echo $X\n`,
      `FROM debian:12\n${shared}RUN echo $HOME\n`, // the first text's script, then another
      `FROM debian:12\nARG HOME\n${shared}`, // a variable declared: not the same script for ShellCheck
      `FROM alpine:3.20\nRUN <<EOF\necho $HOME\nEOF\n${shared}`,
      `FROM debian:12\n${shared}`, // the first text again
    ];
    const files = texts.map((_, i) => `/virtual/${i}/Dockerfile`);
    const opts: AuditOptions = { cwd: '/virtual', config: defaultConfig(), rules: allRules, today: '2026-01-01', shellcheck: true };
    const cache = new DigestKeyedCache();
    // chunks of two: the shared script is checked in the first chunk and moved for the others
    const ahead = new ReadAhead(files, (f) => ({ text: texts[files.indexOf(f)] }), () => Promise.resolve(opts), cache, 2, 2);
    const got = [];
    for (let k = 0; k < ahead.chunkCount; k++) got.push(...(await ahead.chunk(k)));
    const expected = await shellcheckModels(texts.map((t, i) => parseDockerfile(t, { path: `${i}/Dockerfile` })));
    assert.equal(got.length, texts.length);
    got.forEach((entry, i) => {
      assert.equal(entry.file, files[i]);
      assert.deepEqual(entry.shellcheck?.facts, expected[i], `Dockerfile ${i}`);
      assert.deepEqual(cache.get(texts[i]), expected[i]);
    });
    assert.ok(expected.every((f) => f.status === 'ok' && f.findings.length > 0));
  });
});
