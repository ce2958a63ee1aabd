// One smoke test of the real executable (everything else calls main() in-process).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { readReport } from '../helpers/json-report.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'dist/src/cli.js');

/** npm packages a Dockerfile lint does not need: YAML, schema validation, the Docker client, tar and
 *  zstd readers (images), the HCL reader (bake files), the TOML reader (init) and the SPDX
 *  expression parser (only for a label the config types `spdx`). */
const FORBIDDEN_PACKAGES = /node_modules\/(yaml|ajv|dockerode|tar-stream|fzstd|@cdktf\/hcl2json|smol-toml|spdx-expression-parse)\//;
/** Node's own modules it does not need either: V8's flags (the bake reader's WebAssembly), HTTP
 *  (the engine) and compression. (node:crypto is loaded: lint's read-ahead keys ShellCheck's
 *  facts by a digest of each script and text; it costs ~1 ms of a start.) */
const FORBIDDEN_BUILTINS = /^node:(v8|http|https|zlib)$/;
/** The same for the installed bin, whose loader itself loads node:v8 (~2 ms) to raise V8's tier-up
 *  budget before the bundle compiles (src/code-cache.ts); the bundle still must not. */
const FORBIDDEN_IN_BIN = /^node:(http|https|zlib)$/;

it('the tightship bin lints a Dockerfile and sets the exit code', () => {
  const r = spawnSync(process.execPath, [BIN, 'lint', 'test/fixtures/lint/root/Dockerfile', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const report = readReport(r.stdout);
  assert.equal(report.results[0].level, 'root');
  const usage = spawnSync(process.execPath, [BIN, 'lint', '--format'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^tightship: option '--format' needs a value\nhint: /);
  assert.doesNotMatch(usage.stderr, /\n\s+at /);
});

it('linting a Dockerfile loads no YAML parser, schema validator, Docker client, other targets\' rules, other commands or formatters', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tightship-lazy-'));
  try {
    // a module-resolution hook that lists every module the run loads
    writeFileSync(path.join(dir, 'hook.mjs'), 'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write(`LOADED ${r.url}\\n`); return r; }\n');
    writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${path.join(dir, 'hook.mjs')}`).href)});\n`);
    // a folder holding only a Dockerfile: nothing there describes a build (no compose, CI or
    // scripts), so the build map's readers (YAML, HCL) are not loaded either
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'app'));
    copyFileSync(path.join(ROOT, 'test/fixtures/lint/root/Dockerfile'), path.join(dir, 'app/Dockerfile'));
    const r = spawnSync(process.execPath, ['--import', path.join(dir, 'register.mjs'), BIN, 'lint', 'Dockerfile'], { cwd: path.join(dir, 'app'), encoding: 'utf8' });
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
    assert.ok(loaded.some((u) => u.includes('/dist/src/rules/dockerfile/')), 'the hook sees the modules');
    const forbidden = loaded.filter((u) => FORBIDDEN_PACKAGES.test(u) || FORBIDDEN_BUILTINS.test(u) || /\/dist\/src\/rules\/(compose|image|container|host|daemon|profile|run)\/|\/dist\/src\/targets\/(compose|image|container|host)\/|\/dist\/src\/report\/(json|sarif|junit|html|checkstyle|gitlab|github|cyclonedx|xml|rules-docs)\.js|\/dist\/src\/commands\/(image|verify|host|init|init-templates|migrate|rules)\.js|\/dist\/src\/engine\/hadolint-config\.js/.test(u));
    assert.deepEqual(forbidden, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the bundled bin (one file) requires none of those packages for a Dockerfile lint', async () => {
  const { mkdtempSync, writeFileSync, rmSync, mkdirSync, copyFileSync, readFileSync } = await import('node:fs');
  const os = await import('node:os');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tightship-lazy-bundle-'));
  try {
    // a preload that lists every file CommonJS loads (the bundle requires the npm packages)
    // and, at exit, the modules of Node's own the process initialised (process.moduleLoadList)
    writeFileSync(path.join(dir, 'hook.cjs'), "const M = require('module'); const load = M._load; M._load = function (r, p, m) { const out = load.apply(this, arguments); try { process.stderr.write('LOADED ' + M._resolveFilename(r, p, m) + '\\n'); } catch {} return out; };\nprocess.on('exit', () => { require('fs').writeSync(2, (process.moduleLoadList || []).map((x) => 'INTERNAL ' + x + '\\n').join('')); });\n");
    mkdirSync(path.join(dir, 'app'));
    copyFileSync(path.join(ROOT, 'test/fixtures/lint/root/Dockerfile'), path.join(dir, 'app/Dockerfile'));
    const env = { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') };
    for (const pass of ['no cache yet', 'code cache']) {
      const r = spawnSync(process.execPath, ['--require', path.join(dir, 'hook.cjs'), path.join(ROOT, pkg.bin.tightship), 'lint', 'Dockerfile', '--format', 'json'], { cwd: path.join(dir, 'app'), encoding: 'utf8', env });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(readReport(r.stdout).results[0].level, 'root');
      const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
      assert.ok(loaded.includes('node:path'), `${pass}: the hook sees the modules the bundle requires`);
      assert.deepEqual(loaded.filter((f) => FORBIDDEN_PACKAGES.test(f) || FORBIDDEN_IN_BIN.test(f)), [], pass);
      const internal = r.stderr.split('\n').filter((l) => l.startsWith('INTERNAL ')).map((l) => l.slice(9));
      assert.ok(internal.includes('NativeModule fs'), `${pass}: the exit hook lists Node's modules`);
      // the second run finds ShellCheck's findings in its cache: no process is started, and the
      // lookup of the binary is synchronous, so neither the child-process nor the fs promise
      // module (with the readline interface it loads) is initialised
      if (pass === 'code cache') assert.deepEqual(internal.filter((m) => /^NativeModule (child_process|internal\/fs\/promises)$/.test(m)), [], pass);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
