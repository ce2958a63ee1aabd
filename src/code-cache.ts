// The installed bin's loader (dist/bin/cli.js, built by scripts/bundle.mjs): runs the CLI bundle,
// one CommonJS file, with V8's code cache, so that a later run skips parsing and compiling what
// an earlier run used.
//
// Node >= 22.1 has its own on-disk compile cache (module.enableCompileCache): there the bundle is
// required with it turned on. Older Node (20) has none: the bundle is compiled as a vm.Script
// with the cached data an earlier run of the same command left in the user's cache folder, and a
// run that found none (or found it rejected by V8) writes it when the process exits. Nothing here can fail a run: a
// cache folder that cannot be made, read or written means the bundle is compiled as without it.
// TIGHTSHIP_NO_CODE_CACHE=1 (or Node's NODE_DISABLE_COMPILE_CACHE=1) turns the cache off.
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

type Env = Record<string, string | undefined>;

/** How many cache files (builds × commands × Node versions) a cache folder keeps. */
const KEEP = 16;

/** true when the environment turns the code cache off. */
export function codeCacheDisabled(env: Env): boolean {
  const on = (v: string | undefined) => v !== undefined && v !== '' && v !== '0';
  return on(env.TIGHTSHIP_NO_CODE_CACHE) || on(env.NODE_DISABLE_COMPILE_CACHE);
}

/** The folders the cache may live in, best first: the user's cache folder, then a folder of this
 *  user's own under the system's temporary folder. */
export function cacheDirCandidates(env: Env, platform: NodeJS.Platform = process.platform, home: string = homeDir(), tmp: string = os.tmpdir(), uid: number | null = process.getuid?.() ?? null): string[] {
  const out: string[] = [];
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) out.push(path.join(env.XDG_CACHE_HOME, 'tightship'));
  else if (platform === 'win32' && env.LOCALAPPDATA && path.isAbsolute(env.LOCALAPPDATA)) out.push(path.join(env.LOCALAPPDATA, 'tightship', 'Cache'));
  else if (home && path.isAbsolute(home) && home !== path.parse(home).root) out.push(platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'tightship') : path.join(home, '.cache', 'tightship'));
  out.push(path.join(tmp, uid === null ? 'tightship-cache' : `tightship-cache-${uid}`));
  return out;
}

function homeDir(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

/** The first candidate that is (or can be made) a folder only this user can write, or null. Code
 *  read from the cache runs as this user: a folder someone else owns or can write is not used. */
export function usableCacheDir(candidates: readonly string[], uid: number | null = process.getuid?.() ?? null): string | null {
  for (const dir of candidates) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const st = fs.lstatSync(dir);
      if (!st.isDirectory()) continue;
      if (uid !== null && (st.uid !== uid || (st.mode & 0o022) !== 0)) continue;
      return dir;
    } catch {
      // not this one
    }
  }
  return null;
}

/** The cache file of one bundle (its content hash, fixed at build time) for one command (commandOf)
 *  under one Node. */
export function cacheFileName(bundleHash: string, bundlePath = '', command = 'none'): string {
  // the bundle's place too: V8 keeps the script name it was cached under, so two installs of the
  // same bundle sharing a cache would show each other's path in stack traces (a name, not a key
  // that must be unique: FNV-1a of the path is enough)
  let h = 0x811c9dc5;
  for (let i = 0; i < bundlePath.length; i++) h = Math.imul(h ^ bundlePath.charCodeAt(i), 0x01000193) >>> 0;
  return `${bundleHash}-${h.toString(16).padStart(8, '0')}-${command}-node${process.version}-${process.arch}.bin`;
}

/** The command a run's cache is kept for: the first argument when it is a command's name
 *  (`lint`, `image`, …), else `none` (`--version`, no argument). A cache holds the functions the
 *  run that wrote it compiled: one written by `tightship --version` would leave a later lint to
 *  compile most of its code again, so each command keeps its own. */
export function commandOf(argv: readonly string[]): string {
  const first = argv.at(0);
  return first !== undefined && /^[a-z][a-z0-9-]{0,31}$/.test(first) ? first : 'none';
}

/** CommonJS's wrapper, on the first line so that positions in stack traces stay the bundle's. */
const WRAP = ['(function (exports, require, module, __filename, __dirname) {', '\n})'] as const;

/** V8's tier-up budget for the CLI's process (its default is 67,584 bytecode bytes run). */
export const INTERRUPT_BUDGET = 600_000;

/** The V8 flag the bin's loader (scripts/bundle.mjs) sets before the bundle compiles, so that the
 *  code cache is made and read under the same flags; null when the user set the budget themselves
 *  (`node --interrupt-budget=… tightship`; NODE_OPTIONS cannot hold V8 flags).
 *
 *  A lint run is short and runs many large functions (the parser, ~150 rules) a few thousand
 *  times each: under V8's default budget TurboFan compiles ~300 of them, some several times over
 *  (deoptimised on a later file's shapes), and its compiler threads cost more CPU than the
 *  optimised code saves. The 1,112-file Dockerfile corpus took 2.3 s of CPU by default and 1.5 s
 *  with this budget, the 294 compose files 0.89 s and 0.57 s; a 10,000-file monorepo still tiers
 *  up (14.6 s → 13.4 s of CPU) where `--no-opt` doubled it (bench/PROFILE.md). */
export function tieringFlag(execArgv: readonly string[]): string | null {
  if (execArgv.some((a) => /^--interrupt[-_]budget\b/.test(a))) return null;
  return `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** Runs the bundle `file` whose content hash is `bundleHash` (called by the loader that
 *  scripts/bundle.mjs writes).
 * @public */
export function runBundle(file: string, bundleHash: string, env: Env = process.env): void {
  const enableCompileCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  const requireFrom = nodeModule.createRequire(file);
  if (enableCompileCache) {
    if (!codeCacheDisabled(env)) enableCompileCache();
    requireFrom(file);
    return;
  }
  const source = fs.readFileSync(file, 'utf8');
  const dir = codeCacheDisabled(env) ? null : usableCacheDir(cacheDirCandidates(env));
  const cacheFile = dir === null ? null : path.join(dir, cacheFileName(bundleHash, file, commandOf(process.argv.slice(2))));
  let cachedData: Buffer | undefined;
  if (cacheFile !== null) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // none yet
    }
  }
  const script = new vm.Script(WRAP[0] + source + WRAP[1], { filename: file, cachedData });
  // V8 refuses cached data made under other V8 flags than the running ones. A run that loads
  // node:v8 may set one (the bake reader sets --liftoff-only before its WebAssembly compiles):
  // such a run writes no cache, else every later run would refuse it and write it again.
  let v8Loaded = false;
  const bundleRequire = Object.assign((id: string): unknown => {
    if (id === 'node:v8' || id === 'v8') v8Loaded = true;
    return requireFrom(id);
  }, requireFrom);
  if (dir !== null && cacheFile !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
    // at exit, so that the cache holds the functions this run compiled, not only the top level
    process.once('exit', () => { if (!v8Loaded) writeCache(script, dir, cacheFile); });
  }
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: file, id: file };
  wrapper.call(module.exports, module.exports, bundleRequire as NodeJS.Require, module, file, path.dirname(file));
}

/** Writes the cache atomically (a reader never sees half a file) and keeps the folder small. */
function writeCache(script: vm.Script, dir: string, cacheFile: string): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
    const others = fs.readdirSync(dir).filter((n) => n.endsWith('.bin') && n !== path.basename(cacheFile));
    if (others.length >= KEEP) {
      const byAge = others.map((n) => ({ n, t: fs.statSync(path.join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
      for (const { n } of byAge.slice(0, others.length - KEEP + 1)) fs.rmSync(path.join(dir, n), { force: true });
    }
  } catch {
    // a cache that cannot be written is no error: the next run compiles the bundle again
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to remove
    }
  }
}
