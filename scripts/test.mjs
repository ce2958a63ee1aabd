// Runs the compiled tests (after `tsc -p .`) with node's test runner.
//
//   node scripts/test.mjs unit     every dist/test/**/*.test.js          (npm test)
//   node scripts/test.mjs corpus   every dist/test-corpus/**/*.test.js   (npm run test:corpus)
//
// Arguments after the mode are passed to `node --test` (e.g. --test-name-pattern=…).
//
// Before a run, compiled files whose TypeScript source is gone are deleted from dist/, so a removed
// test (or module) cannot keep running from a stale build.
//
// Unit tests: node's runner starts one process per file, which costs more than most files' tests.
// Files that need no isolation are imported together into a few generated files (one per worker),
// which node's runner runs as its files; a file runs in a process of its own when its source
//  - starts processes (node:child_process): the CLI bundle, tools as another user, …;
//  - changes process-wide state: process.env, process.chdir, process.exitCode, process.on, umask;
//  - talks to a Docker engine (dockerode);
//  - has hooks at the top level (before/after outside a describe): they would run for the whole
//    process, not for its file;
//  - or says so with a line `// test-isolation: own-process` (with the reason after it).
// The output is node's test runner's own (spec reporter), ending with its `ℹ pass N` / `ℹ fail N`.
//
// Corpus tests read the real-world corpus: TIGHTSHIP_CORPUS, or ../shared/corpus/real-world beside
// the repository. They fail loudly when it is missing, never skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// the folders tsc compiles (tsconfig.json "include"), each mirrored under dist/
const compiled = ['src', 'test', 'test-corpus', 'e2e', 'bench'];
// test processes at once (the CI machine has 2 cores)
const WORKERS = 2;

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Deletes dist/<folder>/**.js and .d.ts whose .ts source no longer exists; returns how many. */
function pruneStale() {
  let n = 0;
  for (const folder of compiled) {
    for (const out of walk(path.join(dist, folder))) {
      const m = /^(.*)(\.d\.ts|\.js)$/.exec(out);
      if (!m) continue;
      const source = path.join(root, path.relative(dist, m[1])) + '.ts';
      if (!existsSync(source)) {
        rmSync(out);
        n++;
      }
    }
  }
  return n;
}

const ISOLATE = [
  [/from 'node:child_process'/, 'starts processes'],
  [/process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env/, 'changes process.env'],
  [/process\.(chdir|exitCode|on|once|umask)\b/, 'changes process state'],
  [/from 'dockerode'/, 'talks to a Docker engine'],
  [/^(before|after|beforeEach|afterEach)\(/m, 'has top-level hooks'],
  [/^\/\/ test-isolation: own-process/m, 'asks for its own process'],
];

/** Why a compiled test file needs a process of its own (judged from its TypeScript source), or null. */
function isolationReason(compiledFile) {
  const source = path.join(root, path.relative(dist, compiledFile)).replace(/\.js$/, '.ts');
  const text = readFileSync(source, 'utf8');
  for (const [re, why] of ISOLATE) if (re.test(text)) return why;
  return null;
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const [mode, ...passThrough] = process.argv.slice(2);
if (mode !== 'unit' && mode !== 'corpus') fail('usage: node scripts/test.mjs unit|corpus [node --test options]');

const pruned = pruneStale();
if (pruned > 0) process.stdout.write(`removed ${pruned} stale compiled file(s) from dist/\n`);

const env = { ...process.env };
let files;
if (mode === 'corpus') {
  const corpus = process.env.TIGHTSHIP_CORPUS ? path.resolve(process.env.TIGHTSHIP_CORPUS) : path.resolve(root, '../shared/corpus/real-world');
  for (const list of ['dockerfiles.txt', 'compose-files.txt']) {
    if (!existsSync(path.join(corpus, list))) {
      fail(`test:corpus: the real-world corpus is missing: ${path.join(corpus, list)} not found.\n` +
        'Set TIGHTSHIP_CORPUS to the corpus folder (default: ../shared/corpus/real-world beside the repository).');
    }
  }
  env.TIGHTSHIP_CORPUS = corpus;
  files = walk(path.join(dist, 'test-corpus')).filter((f) => f.endsWith('.test.js')).sort();
} else {
  const all = walk(path.join(dist, 'test')).filter((f) => f.endsWith('.test.js')).sort();
  const shared = [];
  const own = [];
  for (const f of all) (isolationReason(f) === null ? shared : own).push(f);
  // one generated file per worker, each importing its share of the shared test files in order;
  // node's runner runs each as one file, next to the files that need a process of their own
  const dir = path.join(dist, '.test-run');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const groups = Array.from({ length: Math.min(WORKERS, shared.length) }, () => []);
  shared.forEach((f, i) => groups[i % groups.length].push(f));
  const bundles = groups.map((group, i) => {
    const bundle = path.join(dir, `shared-${i + 1}.test.mjs`);
    writeFileSync(bundle, `// generated by scripts/test.mjs: ${group.length} test files run in one process\n` +
      group.map((f) => `import ${JSON.stringify(pathToFileURL(f).href)};\n`).join(''));
    return bundle;
  });
  files = [...bundles, ...own];
  process.stdout.write(`${shared.length} test files in ${groups.length} shared process(es), ${own.length} in a process each\n`);
}
if (files.length === 0) fail(`no compiled tests found for '${mode}' (run tsc -p . first)`);

// the caches the CLI writes in the user's cache folder (the bin's code cache, ShellCheck's
// findings) go to a folder of the run's own, removed after it: a test run leaves nothing in $HOME
// and never reads what an earlier run or the user's own runs left there
const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'tightship-test-cache-'));
env.XDG_CACHE_HOME = cacheHome;
const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${WORKERS}`, '--test-reporter=spec', ...passThrough, ...files], { stdio: 'inherit', env, cwd: root });
rmSync(cacheHome, { recursive: true, force: true });
if (r.error) fail(`could not start node's test runner: ${r.error.message}`);
process.exit(r.status ?? 1);
