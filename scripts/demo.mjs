#!/usr/bin/env node
// npm run demo: compile the reference service first (its Dockerfiles copy examples/secure-app/dist,
// which a fresh clone does not have), then lint the example as a user would.
//   node scripts/demo.mjs [EXAMPLE_DIR] [lint flags…]   (after `tsc -p .`; the test runs it on a copy)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const example = path.resolve(args[0] && !args[0].startsWith('-') ? args.shift() : path.join(root, 'examples', 'secure-app'));
const cli = path.join(root, 'dist', 'src', 'cli.js');
if (!existsSync(cli)) {
  console.error('demo: build tightship first (tsc -p .)');
  process.exit(2);
}
// the example's own build, done here with the repository's esbuild: the service and prom-client
// bundled into dist/ (what its Dockerfiles copy); packages resolve from the repository's
// node_modules, so the example also builds from a copy outside it
const esbuild = await import(pathToFileURL(path.join(root, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
try {
  await esbuild.build({
    entryPoints: [path.join(example, 'src', 'main.ts'), path.join(example, 'src', 'server.ts')],
    bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
    outdir: path.join(example, 'dist'), chunkNames: 'chunks/[name]-[hash]', logLevel: 'error',
    nodePaths: [path.join(root, 'node_modules')],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
} catch {
  console.error(`demo: building ${path.relative(process.cwd(), example) || '.'} failed`);
  process.exit(2);
}
const lint = spawnSync(process.execPath, [cli, 'lint', path.relative(process.cwd(), example) || '.', '--fail-on', 'none', ...args], { stdio: 'inherit' });
process.exit(lint.status ?? 2);
