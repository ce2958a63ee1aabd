#!/usr/bin/env node
// npm run demo: compile the reference service first (its Dockerfiles copy examples/secure-app/dist,
// which a fresh clone does not have), then lint the example as a user would.
//   node scripts/demo.mjs [EXAMPLE_DIR] [lint flags…]   (after `tsc -p .`; the test runs it on a copy)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const example = path.resolve(args[0] && !args[0].startsWith('-') ? args.shift() : path.join(root, 'examples', 'secure-app'));
const cli = path.join(root, 'dist', 'src', 'cli.js');
if (!existsSync(cli)) {
  console.error('demo: build tightship first (tsc -p .)');
  process.exit(2);
}
// the example's own tsconfig (src → dist); its types come from the repository's node_modules
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', example, '--typeRoots', path.join(root, 'node_modules', '@types')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error(`demo: compiling ${path.relative(process.cwd(), example) || '.'} failed`);
  process.exit(2);
}
const lint = spawnSync(process.execPath, [cli, 'lint', path.relative(process.cwd(), example) || '.', '--fail-on', 'none', ...args], { stdio: 'inherit' });
process.exit(lint.status ?? 2);
