// The installed `tightship` command is a bundle of dist/src/cli-start.js (built by `npm run build`,
// see scripts/bundle.mjs): one CommonJS file run by a small loader through V8's code cache. It
// must behave exactly like the unbundled CLI, with the cache or without it, and a cache that is
// missing, corrupt or cannot be written never changes a run.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { withTempDir } from '../helpers/temp-dir.js';
import { INTERRUPT_BUDGET, cacheDirCandidates, cacheFileName, codeCacheDisabled, commandOf, tieringFlag, usableCacheDir } from '../../src/code-cache.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const BUNDLE = path.join(ROOT, pkg.bin.tightship);
const SOURCE = path.join(ROOT, 'dist/src/cli.js');
/** Node 20 has no compile cache of its own: there the loader keeps the code cache. */
const OWN_CACHE = !('enableCompileCache' in nodeModule);

let work = '';
before(() => { work = mkdtempSync(path.join(os.tmpdir(), 'tightship-bundle-')); });
after(() => { rmSync(work, { recursive: true, force: true }); });

/** The environment of one run: its own cache and temporary folders, nothing from the user's. */
function envFor(cache: string, more: Record<string, string> = {}): NodeJS.ProcessEnv {
  // the code cache alone: ShellCheck's findings cache (its own folder there) is tested elsewhere
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cache, TMPDIR: path.join(cache, 'tmp'), TIGHTSHIP_NO_CACHE: '1' };
  delete env.TIGHTSHIP_NO_CODE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  Object.assign(env, more);
  mkdirSync(path.join(cache, 'tmp'), { recursive: true });
  return env;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cache files under a cache folder (the loader's folder is `tightship` in it). */
function cacheFiles(cache: string): string[] {
  const dir = path.join(cache, 'tightship');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.bin')).map((n) => path.join(dir, n)) : [];
}

it('package.json bin points at the built loader, a CommonJS file beside the one-file bundle', () => {
  assert.ok(existsSync(BUNDLE), `${pkg.bin.tightship} exists (run npm run build)`);
  assert.notEqual(path.resolve(BUNDLE), path.resolve(SOURCE));
  assert.match(readFileSync(BUNDLE, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  if (process.platform !== 'win32') assert.equal(statSync(BUNDLE).mode & 0o111, 0o111, 'executable');
  assert.deepEqual(JSON.parse(readFileSync(path.join(path.dirname(BUNDLE), 'package.json'), 'utf8')), { type: 'commonjs' });
  assert.deepEqual(readdirSync(path.dirname(BUNDLE)).sort(), ['cli.js', 'lint-worker.cjs', 'package.json', 'tightship.cjs']);
  const bytes = readFileSync(path.join(path.dirname(BUNDLE), 'tightship.cjs'));
  assert.equal(bytes.findIndex((b) => b > 0x7f), -1, 'the bundle is ASCII only (V8 keeps it as a one-byte string)');
});

it('the bundle gives the same reports, exit codes and errors as the modules, with and without the code cache', () => {
  // a project with a config file (the YAML reader and the schema validator, loaded on first use)
  // and a bake file (the HCL reader), next to the repository's examples
  const project = path.join(work, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, '.tightship.yaml'), 'rules:\n  dockerfile/missing-oci-labels: off\n');
  writeFileSync(path.join(project, 'Dockerfile'), readFileSync(path.join(ROOT, 'examples/secure-app/Dockerfile.root')));
  // durations in micro seconds, both spellings: the bundle writes the regular expression's µ and μ
  // as escapes (it is ASCII only)
  writeFileSync(path.join(project, 'Dockerfile.durations'), 'FROM alpine:3.20\nUSER 10001\nHEALTHCHECK --interval=30\u00b5s --timeout=1\u03bcs --start-period=2x CMD ["true"]\n');
  writeFileSync(path.join(project, 'docker-bake.hcl'), 'target "app" {\n  context = "."\n  dockerfile = "Dockerfile"\n}\n');
  const cases: string[][] = [
    ['lint', 'examples/secure-app', '--format', 'json'],
    ['lint', 'examples/secure-app', '--format', 'sarif'],
    ['lint', 'examples/secure-app/Dockerfile.root'],
    ['lint', 'test/fixtures/lint/root/Dockerfile', '--format', 'json', '--no-context'],
    ['lint', project, '--format', 'json'],
    ['lint', path.join(project, '.tightship.yaml')],
    ['lint', path.join(project, 'Dockerfile.durations'), '--format', 'json', '--no-context'],
    ['lint', 'no/such/file'],
    ['lint', '--format'],
    ['lint', '--help'],
    ['rules', '--format', 'json'],
    ['no-such-command'],
    ['--version'],
  ];
  const cache = path.join(work, 'cache-same');
  const env = envFor(cache);
  const none = { ...env, TIGHTSHIP_NO_CODE_CACHE: '1' };
  const expected = cases.map((args) => run(SOURCE, args, env));
  cases.forEach((args, i) => { assert.deepEqual(run(BUNDLE, args, none), expected[i], `tightship ${args.join(' ')} (no code cache)`); });
  // a lint of a plain one-Dockerfile project writes the cache the cases below then read
  const app = path.join(work, 'same-app');
  mkdirSync(app, { recursive: true });
  writeFileSync(path.join(app, 'Dockerfile'), readFileSync(path.join(ROOT, 'examples/secure-app/Dockerfile.hardened')));
  assert.deepEqual(run(BUNDLE, ['lint', '.'], env, app), run(SOURCE, ['lint', '.'], env, app));
  if (OWN_CACHE) assert.equal(cacheFiles(cache).length, 1);
  cases.forEach((args, i) => { assert.deepEqual(run(BUNDLE, args, env), expected[i], `tightship ${args.join(' ')} (code cache)`); });
});

describe('the code cache (Node without its own compile cache)', { skip: (!OWN_CACHE && 'this Node has module.enableCompileCache') || (process.platform === 'win32' && 'POSIX folders') }, () => {
  // a project of one Dockerfile outside the repository (whose bake fixtures would make the run set
  // a V8 flag, see below)
  const args = ['lint', 'Dockerfile', '--format', 'json'];
  let app = '';
  before(() => {
    app = path.join(work, 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(app, 'Dockerfile'), readFileSync(path.join(ROOT, 'test/fixtures/lint/root/Dockerfile')));
  });
  const lintApp = (env: NodeJS.ProcessEnv) => run(BUNDLE, args, env, app);

  it('is written once, in the user\'s cache folder, and read by the next runs', () => {
    const cache = path.join(work, 'cache-once');
    const env = envFor(cache);
    const a = lintApp(env);
    const files = cacheFiles(cache);
    assert.equal(files.length, 1);
    assert.match(path.basename(files[0]), new RegExp(`^[0-9a-f]{16}-[0-9a-f]{8}-lint-node${process.version.replace(/\./g, '\\.')}-${process.arch}\\.bin$`));
    assert.equal(statSync(path.join(cache, 'tightship')).mode & 0o077, 0, 'a folder of the user\'s own');
    const written = statSync(files[0]);
    assert.deepEqual(lintApp(env), a);
    const after2 = statSync(files[0]);
    assert.equal(after2.mtimeMs, written.mtimeMs, 'a cache V8 accepted is not written again');
    assert.equal(after2.ino, written.ino);
  });

  it('a run that sets a V8 flag (the bake reader) writes no cache: the plain runs keep theirs', () => {
    // V8 refuses cached data made under other flags; a bake file makes the run set --liftoff-only
    const bake = path.join(work, 'bake-project');
    mkdirSync(bake, { recursive: true });
    writeFileSync(path.join(bake, 'Dockerfile'), readFileSync(path.join(ROOT, 'test/fixtures/lint/root/Dockerfile')));
    writeFileSync(path.join(bake, 'docker-bake.hcl'), 'target "app" {\n  context = "."\n}\n');
    const plain = path.join(work, 'plain-project');
    mkdirSync(plain, { recursive: true });
    writeFileSync(path.join(plain, 'Dockerfile'), readFileSync(path.join(ROOT, 'test/fixtures/lint/root/Dockerfile')));
    const cache = path.join(work, 'cache-flags');
    const env = envFor(cache);
    const lint = ['lint', '.', '--format', 'json'];
    const bakeReport = run(BUNDLE, lint, env, bake);
    assert.equal(bakeReport.status, 1, bakeReport.stderr);
    assert.deepEqual(cacheFiles(cache), [], 'the bake run left no cache');
    run(BUNDLE, lint, env, plain);
    const [file] = cacheFiles(cache);
    const written = statSync(file);
    assert.deepEqual(run(BUNDLE, lint, env, bake), bakeReport, 'the bake run reads the plain run\'s cache');
    run(BUNDLE, lint, env, plain);
    assert.equal(statSync(file).mtimeMs, written.mtimeMs, 'and nobody writes it again');
  });

  it('each command keeps its own cache: a --version run first leaves the lint runs theirs', () => {
    const cache = path.join(work, 'cache-commands');
    const env = envFor(cache);
    const version = run(BUNDLE, ['--version'], env, app);
    assert.equal(version.status, 0, version.stderr);
    const [first] = cacheFiles(cache);
    assert.match(path.basename(first), /-none-node/);
    const a = lintApp(env);
    const files = cacheFiles(cache);
    assert.equal(files.length, 2);
    const lintCache = files.find((f) => /-lint-node/.test(f));
    assert.ok(lintCache, 'the lint run wrote a cache of its own');
    // the lint cache holds what a lint compiles: larger than the --version run's
    assert.ok(statSync(lintCache).size > statSync(first).size);
    assert.deepEqual(lintApp(env), a);
    assert.equal(cacheFiles(cache).length, 2, 'and reads it');
  });

  it('a corrupt cache is rejected, the run is unchanged and the cache is written again', () => {
    const cache = path.join(work, 'cache-corrupt');
    const env = envFor(cache);
    const a = lintApp(env);
    const [file] = cacheFiles(cache);
    const good = readFileSync(file);
    const bad = Buffer.from(good);
    for (let i = 0; i < bad.length; i += 97) bad[i] = bad[i] ^ 0xff;
    writeFileSync(file, bad);
    assert.deepEqual(lintApp(env), a);
    assert.ok(!readFileSync(file).equals(bad), 'replaced');
    writeFileSync(file, 'not a cache at all');
    assert.deepEqual(lintApp(env), a);
    assert.ok(readFileSync(file).length > 1000);
  });

  it('a cache folder that cannot be made or written changes nothing', () => {
    const cache = path.join(work, 'cache-blocked');
    const env = envFor(cache);
    const a = lintApp({ ...env, TIGHTSHIP_NO_CODE_CACHE: '1' });
    writeFileSync(path.join(cache, 'tightship'), 'a file where the folder would be');
    // the temporary folder's fallback is blocked the same way
    assert.ok(process.getuid);
    writeFileSync(path.join(cache, 'tmp', `tightship-cache-${process.getuid()}`), 'blocked');
    assert.deepEqual(lintApp(env), a);
    if (process.getuid() !== 0) {
      // (root writes through permissions: only checked as another user)
      rmSync(path.join(cache, 'tightship'));
      mkdirSync(path.join(cache, 'tightship'), { mode: 0o500 });
      assert.deepEqual(lintApp(env), a);
      chmodSync(path.join(cache, 'tightship'), 0o700);
    }
  });

  it('TIGHTSHIP_NO_CODE_CACHE=1 or NODE_DISABLE_COMPILE_CACHE=1 writes nothing', () => {
    for (const name of ['TIGHTSHIP_NO_CODE_CACHE', 'NODE_DISABLE_COMPILE_CACHE']) {
      const cache = path.join(work, `cache-off-${name}`);
      const r = lintApp(envFor(cache, { [name]: '1' }));
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(cacheFiles(cache), []);
      assert.deepEqual(readdirSync(path.join(cache, 'tmp')), []);
    }
  });
});

describe('where the code cache lives', () => {
  it('XDG_CACHE_HOME, the platform\'s cache folder, then a folder of the user\'s own under the temporary folder', () => {
    assert.deepEqual(cacheDirCandidates({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u', '/tmp', 1000), ['/x/cache/tightship', '/tmp/tightship-cache-1000']);
    assert.deepEqual(cacheDirCandidates({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u', '/tmp', 1000), ['/home/u/.cache/tightship', '/tmp/tightship-cache-1000']);
    assert.deepEqual(cacheDirCandidates({}, 'darwin', '/Users/u', '/tmp', 501), ['/Users/u/Library/Caches/tightship', '/tmp/tightship-cache-501']);
    // no home (a container's user without a passwd entry gets /): the temporary folder only
    assert.deepEqual(cacheDirCandidates({}, 'linux', '/', '/tmp', 10001), ['/tmp/tightship-cache-10001']);
    assert.deepEqual(cacheDirCandidates({}, 'linux', '', '/tmp', null), ['/tmp/tightship-cache']);
  });

  it('a folder someone else can write, or that is not a folder, is not used', { skip: process.platform === 'win32' }, () => {
    const base = path.join(work, 'dirs');
    mkdirSync(base, { recursive: true });
    assert.ok(process.getuid);
    const uid = process.getuid();
    const open = path.join(base, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const link = path.join(base, 'link');
    symlinkSync(open, link);
    const file = path.join(base, 'file');
    writeFileSync(file, '');
    const fine = path.join(base, 'made/by/us');
    assert.equal(usableCacheDir([open, link, file, fine], uid), fine);
    assert.equal(statSync(fine).mode & 0o077, 0);
    assert.equal(usableCacheDir([open], uid + 1), null, 'owned by another user');
  });

  it('is turned off by TIGHTSHIP_NO_CODE_CACHE or NODE_DISABLE_COMPILE_CACHE, and keyed by bundle, Node and architecture', () => {
    assert.equal(codeCacheDisabled({}), false);
    assert.equal(codeCacheDisabled({ TIGHTSHIP_NO_CODE_CACHE: '0' }), false);
    assert.equal(codeCacheDisabled({ TIGHTSHIP_NO_CODE_CACHE: '1' }), true);
    assert.equal(codeCacheDisabled({ NODE_DISABLE_COMPILE_CACHE: '1' }), true);
    assert.notEqual(cacheFileName('aaaa'), cacheFileName('bbbb'));
    assert.notEqual(cacheFileName('aaaa', '/one/dist/bin/tightship.cjs'), cacheFileName('aaaa', '/two/dist/bin/tightship.cjs'), 'two installs of one bundle');
    assert.ok(cacheFileName('aaaa').includes(process.version) && cacheFileName('aaaa').includes(process.arch));
    assert.notEqual(cacheFileName('aaaa', '', 'lint'), cacheFileName('aaaa', '', 'image'));
    assert.equal(commandOf(['lint', '.']), 'lint');
    assert.equal(commandOf(['--version']), 'none');
    assert.equal(commandOf([]), 'none');
    assert.equal(commandOf(['../../etc']), 'none', 'only a command name goes into a file name');
  });
});

describe('V8\'s tier-up budget', () => {
  it('the bin raises it unless the user gave node one', () => {
    assert.equal(tieringFlag([]), `--interrupt-budget=${INTERRUPT_BUDGET}`);
    assert.equal(tieringFlag(['--interrupt-budget=100000']), null);
    assert.equal(tieringFlag(['--no-warnings', '--interrupt_budget=100000']), null);
    assert.equal(tieringFlag(['--no-warnings', '--max-old-space-size=4096']), `--interrupt-budget=${INTERRUPT_BUDGET}`);
  });

  it('the installed bin sets it before the bundle runs, and leaves a budget given to node alone', () => {
    withTempDir('tightship-budget-hook-', (dir) => {
      // a preload that reports every V8 flag set at run time
      const hook = path.join(dir, 'hook.cjs');
      writeFileSync(hook, "const v8 = require('node:v8'); const set = v8.setFlagsFromString; v8.setFlagsFromString = (f) => { process.stderr.write('FLAG ' + f + '\\n'); return set(f); };\n");
      const flags = (nodeArgs: string[]) => {
        const r = spawnSync(process.execPath, [...nodeArgs, '--require', hook, BUNDLE, '--version'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TIGHTSHIP_NO_CODE_CACHE: '1' } });
        assert.equal(r.status, 0, r.stderr);
        return r.stderr.split('\n').filter((l) => l.startsWith('FLAG '));
      };
      assert.deepEqual(flags([]), [`FLAG --interrupt-budget=${INTERRUPT_BUDGET}`]);
      assert.deepEqual(flags(['--interrupt-budget=1000']), []);
    });
  });

  it('a run under the user\'s own budget gives the same report', () => {
    withTempDir('tightship-budget-', (dir) => {
      writeFileSync(path.join(dir, 'Dockerfile'), readFileSync(path.join(ROOT, 'test/fixtures/lint/root/Dockerfile')));
      const env = { ...process.env, TIGHTSHIP_NO_CODE_CACHE: '1' };
      const ours = run(BUNDLE, ['lint', 'Dockerfile', '--format', 'json'], env, dir);
      const r = spawnSync(process.execPath, ['--interrupt-budget=1000', BUNDLE, 'lint', 'Dockerfile', '--format', 'json'], { cwd: dir, encoding: 'utf8', env });
      assert.equal(ours.status, 1, ours.stderr);
      assert.deepEqual({ status: r.status, stdout: r.stdout, stderr: r.stderr }, ours);
    });
  });
});
