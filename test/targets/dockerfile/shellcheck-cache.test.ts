// The findings cache of ShellCheck (targets/dockerfile/shellcheck-cache.ts): the store itself,
// and whole lint runs of the real CLI over real ShellCheck, cold, warm and without the cache.
// ShellCheck is reached through a wrapper on PATH that counts its runs, so a test can tell a
// script checked from one read from the cache.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShellcheckStore, cacheDisabled, storeFor, type RawComment } from '../../../src/targets/dockerfile/shellcheck-cache.js';
import { SHELLCHECK_MISSING as skip } from '../../helpers/shellcheck.js';
import { withTempDir } from '../../helpers/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = path.join(ROOT, 'dist/src/cli.js');

const comment = (message: string, line = 2): RawComment => ({ line, column: 6, endLine: line, endColumn: 8, level: 'info', code: 2086, message });
const key = (n: number) => n.toString(16).padStart(64, '0');

describe('shellcheck-cache: the store', () => {
  it('keeps comments between stores of the same folder, and nothing before a flush', () => {
    withTempDir('tightship-sc-store-', (dir) => {
      const a = new ShellcheckStore([dir]);
      assert.equal(a.get(key(1)), undefined);
      a.set(key(1), [comment('Double quote to prevent globbing and word splitting.')]);
      a.set(key(2), []);
      assert.equal(new ShellcheckStore([dir]).get(key(1)), undefined);
      a.flush();
      const b = new ShellcheckStore([dir]);
      assert.deepEqual(b.get(key(1)), [comment('Double quote to prevent globbing and word splitting.')]);
      assert.deepEqual(b.get(key(2)), []);
      assert.equal(b.get(key(3)), undefined);
      // a few files, not one per script
      a.set(key(0x20), []);
      a.set(key(0x21), []);
      a.flush();
      assert.ok(readdirSync(dir).length <= 16);
    });
  });

  it('two runs writing the same folder keep each other\'s entries', () => {
    withTempDir('tightship-sc-store-', (dir) => {
      const a = new ShellcheckStore([dir]);
      const b = new ShellcheckStore([dir]);
      a.get(key(1)); b.get(key(1)); // both read the shard before either writes it
      a.set(key(1), [comment('from a')]);
      b.set(key(2), [comment('from b')]);
      a.flush();
      b.flush();
      const c = new ShellcheckStore([dir]);
      assert.deepEqual(c.get(key(1)), [comment('from a')]);
      assert.deepEqual(c.get(key(2)), [comment('from b')]);
    });
  });

  it('never writes a message holding a token-shaped string', () => {
    withTempDir('tightship-sc-store-', (dir) => {
      const token = `ghp_${'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6'.slice(0, 36)}`;
      const a = new ShellcheckStore([dir]);
      a.set(key(1), [comment(`Expanded ${token} here`)]);
      a.flush();
      assert.equal(new ShellcheckStore([dir]).get(key(1)), undefined);
      for (const f of readdirSync(dir)) assert.ok(!readFileSync(path.join(dir, f), 'utf8').includes(token));
    });
  });

  it('is bounded: a shard keeps its most recently used entries', () => {
    withTempDir('tightship-sc-store-', (dir) => {
      const a = new ShellcheckStore([dir], { entries: 3, bytes: 1 << 20 });
      // keys of one shard (the first byte picks it)
      for (let n = 1; n <= 5; n++) a.set(key(n), [comment(`m${n}`)]);
      a.flush();
      const b = new ShellcheckStore([dir]);
      const kept = [1, 2, 3, 4, 5].filter((n) => b.get(key(n)) !== undefined);
      assert.equal(kept.length, 3);
      const small = new ShellcheckStore([dir], { entries: 100, bytes: 200 });
      for (let n = 1; n <= 20; n++) small.set(key(n), [comment('x'.repeat(40))]);
      small.flush();
      for (const f of readdirSync(dir)) assert.ok(statSync(path.join(dir, f)).size <= 200);
    });
  });

  it('a corrupt, foreign or unreadable file holds nothing; an unusable folder is no error', () => {
    withTempDir('tightship-sc-store-', (dir) => {
      const a = new ShellcheckStore([dir]);
      a.set(key(1), [comment('m')]);
      a.flush();
      const [file] = readdirSync(dir);
      for (const junk of ['{not json', '[]', '{"format":1,"entries":{"' + key(1) + '":[1,[["x"]]]}}', '{"format":99,"entries":{}}']) {
        writeFileSync(path.join(dir, file), junk);
        const b = new ShellcheckStore([dir]);
        assert.equal(b.get(key(1)), undefined, junk);
        b.set(key(1), [comment('again')]);
        b.flush(); // replaces the junk
        assert.deepEqual(new ShellcheckStore([dir]).get(key(1)), [comment('again')]);
      }
      // a folder under a regular file can never be made (whoever runs the test)
      writeFileSync(path.join(dir, 'plain'), '');
      const none = new ShellcheckStore([path.join(dir, 'plain', 'cache')]);
      assert.equal(none.folder(), null);
      none.set(key(1), [comment('m')]);
      assert.equal(none.get(key(1)), undefined);
      none.flush();
    });
  });

  it('TIGHTSHIP_NO_CACHE and --no-cache give no store; the default lives under the user\'s cache folder', () => {
    assert.equal(cacheDisabled({ TIGHTSHIP_NO_CACHE: '1' }), true);
    assert.equal(cacheDisabled({ TIGHTSHIP_NO_CACHE: '0' }), false);
    assert.equal(cacheDisabled({ TIGHTSHIP_NO_CACHE: '' }), false);
    assert.equal(storeFor(false, undefined, '/', { TIGHTSHIP_NO_CACHE: '1' }), null);
    assert.equal(storeFor(true, undefined, '/', {}), null);
    withTempDir('tightship-sc-store-', (dir) => {
      assert.equal(storeFor(false, undefined, '/', { XDG_CACHE_HOME: dir })?.folder(), path.join(dir, 'tightship', 'shellcheck'));
      assert.equal(storeFor(false, 'here', dir, {})?.folder(), path.join(dir, 'here'));
    });
  });
});

const DOCKERFILE = `FROM debian:12
ARG VERSION
RUN cd /tmp && echo $VERSION > v && \\
    curl -fsSL -H "Authorization: token ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6" $URL | sh
RUN echo $undefined_var && ls *.txt | grep x
RUN <<EOF
for f in $(ls); do echo $f; done
EOF
`;

describe('shellcheck-cache: lint runs on real ShellCheck', { skip }, () => {
  /** A project, a counting wrapper of the real ShellCheck and a cache folder. */
  function setup() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tightship-sc-lint-'));
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const real = spawnSync('sh', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).stdout.trim();
    const log = path.join(dir, 'runs.log');
    writeFileSync(path.join(bin, 'shellcheck'), `#!/bin/sh\necho run >> '${log}'\nexec '${real}' "$@"\n`);
    chmodSync(path.join(bin, 'shellcheck'), 0o755);
    const project = path.join(dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'Dockerfile'), DOCKERFILE);
    const cache = path.join(dir, 'xdg');
    const runs = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);
    const lint = (...extra: string[]) => {
      const r = spawnSync(process.execPath, [BIN, 'lint', 'Dockerfile', '--no-context', '--format', 'json', '--fail-on', 'none', ...extra], {
        cwd: project, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, XDG_CACHE_HOME: cache, TIGHTSHIP_NO_CACHE: '' },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      return r.stdout;
    };
    const cacheFiles = () => {
      const d = path.join(cache, 'tightship', 'shellcheck');
      return existsSync(d) ? Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(path.join(d, f), 'utf8')])) : {};
    };
    return { dir, project, lint, runs, cacheFiles, done: () => { rmSync(dir, { recursive: true, force: true }); } };
  }

  it('cold, warm and without the cache: the same report; warm runs no ShellCheck; a changed script misses', () => {
    const t = setup();
    try {
      const none = t.lint('--no-cache');
      assert.equal(t.runs(), 1);
      assert.deepEqual(t.cacheFiles(), {}, '--no-cache writes nothing');
      assert.match(none, /SC2086/);
      assert.doesNotMatch(none, /ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6/, 'the token is redacted');
      const cold = t.lint();
      assert.equal(t.runs(), 2);
      assert.ok(Object.keys(t.cacheFiles()).length > 0);
      for (const text of Object.values(t.cacheFiles())) assert.ok(!text.includes('ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6'));
      const warm = t.lint();
      assert.equal(t.runs(), 2, 'every script was in the cache');
      assert.equal(cold, none);
      assert.equal(warm, none);
      // --no-cache neither reads (ShellCheck runs) nor writes (the files stay as they are)
      const before = t.cacheFiles();
      assert.equal(t.lint('--no-cache'), none);
      assert.equal(t.runs(), 3);
      assert.deepEqual(t.cacheFiles(), before);
      // one script changed: ShellCheck runs again (over that script), the report is a fresh run's
      writeFileSync(path.join(t.project, 'Dockerfile'), DOCKERFILE.replace('grep x', 'grep "$y"'));
      const changed = t.lint();
      assert.equal(t.runs(), 4);
      assert.equal(changed, t.lint('--no-cache'));
      assert.notEqual(changed, none);
    } finally {
      t.done();
    }
  });

  it('a corrupt cache file and an unusable cache folder are ignored: the same report, no message', () => {
    const t = setup();
    try {
      const none = t.lint('--no-cache');
      t.lint();
      const d = path.join(t.dir, 'xdg', 'tightship', 'shellcheck');
      for (const f of readdirSync(d)) writeFileSync(path.join(d, f), '\u0000garbage{');
      assert.equal(t.lint(), none);
      // a folder that cannot be made (under a regular file), then one that cannot be written
      writeFileSync(path.join(t.dir, 'plain'), '');
      assert.equal(t.lint('--cache-location', path.join(t.dir, 'plain', 'cache')), none);
      const ro = path.join(t.dir, 'ro');
      mkdirSync(ro, { mode: 0o500 });
      chmodSync(ro, 0o500);
      assert.equal(t.lint('--cache-location', ro), none);
      if (process.getuid?.() !== 0) assert.deepEqual(readdirSync(ro), []);
      // --cache-location is where the cache lives
      const here = path.join(t.dir, 'here');
      const runs = t.runs();
      assert.equal(t.lint('--cache-location', here), none);
      assert.equal(t.runs(), runs + 1);
      assert.ok(readdirSync(here).length > 0);
      assert.equal(t.lint('--cache-location', here), none);
      assert.equal(t.runs(), runs + 1);
    } finally {
      t.done();
    }
  });
});
