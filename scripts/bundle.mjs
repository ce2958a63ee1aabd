// npm run bundle: the installed bin, from the tsc output in dist/src (run `tsc -p .` first).
//   dist/bin/tightship.cjs  the whole CLI in one CommonJS file: npm packages stay external, and a
//                           module reached only by a lazy import() is initialised only when that
//                           import runs, so a Dockerfile lint still loads no YAML, ajv, dockerode
//                           or other targets' code (test/commands/bin.test.ts)
//   dist/bin/cli.js         the bin: a small loader that runs the bundle through V8's code cache
//                           (src/code-cache.ts)
//   dist/bin/package.json   {"type":"commonjs"}: both files are CommonJS (a CommonJS entry starts
//                           faster than an ES module one)
// One file rather than chunks: one read and one compile, and one script V8 can cache (Node 20
// cannot cache ES modules). Whitespace and syntax are minified, names are kept (stack traces
// under --debug stay readable; full minification measured no faster).
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/bin');
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // import.meta has no meaning in CommonJS: any use but .url (defined below) fails the build
  logOverride: { 'empty-import-meta': 'error' },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'package.json'), '{"type":"commonjs"}\n');

const bundle = join(out, 'tightship.cjs');
const WORKER_FILE = JSON.stringify('./lint-worker.cjs');
await esbuild.build({
  ...common,
  entryPoints: [join(root, 'dist/src/cli-start.js')],
  outfile: bundle,
  // a lazy import() becomes a require() run when the import would run: inside a vm.Script (the
  // code cache) import() would need Node's experimental module API
  supported: { 'dynamic-import': false },
  // the modules' import.meta.url, for createRequire: the bundle's own location (same node_modules)
  define: { 'import.meta.url': '__tightship_import_meta_url', __TIGHTSHIP_WORKER_FILE__: WORKER_FILE },
  banner: { js: 'var __tightship_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});
// lint's worker threads (src/commands/workers.ts) start this file: the bundle above starts the CLI
// at its top level, so a worker needs an entry of its own
await esbuild.build({
  ...common,
  entryPoints: [join(root, 'dist/src/commands/workers.js')],
  outfile: join(out, 'lint-worker.cjs'),
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__tightship_import_meta_url', __TIGHTSHIP_WORKER_FILE__: WORKER_FILE },
  banner: { js: 'var __tightship_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});

// ASCII only: V8 holds the source as a one-byte string (a non-ASCII character, µ in a regular
// expression, made the whole 1.4 MB two-byte, read and scanned at twice the cost). esbuild escapes
// strings but not regular expression literals; \uXXXX means the same character in both.
const text = readFileSync(bundle, 'utf8');
writeFileSync(bundle, text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// The loader knows the bundle by its content: a rebuilt bundle never meets an older cache
// (V8's own check of cached data compares the source's length, not its text).
const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
await esbuild.build({
  ...common,
  stdin: {
    // V8's tier-up budget first (src/code-cache.ts tieringFlag): before the bundle compiles
    contents: `import { runBundle, tieringFlag } from './dist/src/code-cache.js';\nimport { setFlagsFromString } from 'node:v8';\nconst flag = tieringFlag(process.execArgv);\nif (flag !== null) setFlagsFromString(flag);\nrunBundle(require('node:path').join(__dirname, 'tightship.cjs'), ${JSON.stringify(hash)});\n`,
    resolveDir: root,
    sourcefile: 'bin-loader.js',
  },
  outfile: join(out, 'cli.js'),
  banner: { js: '#!/usr/bin/env node' },
});
// the bin runs as a program (npm links it; scripts/action.sh runs it directly)
chmodSync(join(out, 'cli.js'), 0o755);
