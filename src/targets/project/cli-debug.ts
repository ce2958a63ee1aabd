// Prints the build map of a folder as JSON: `node dist/src/targets/project/cli-debug.js ROOT`.
// A development aid until the map is part of `tightship lint`.
import * as path from 'node:path';
import { buildMap } from './build-map.js';

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? '.');
  const map = await buildMap(root);
  process.stdout.write(JSON.stringify({ builds: map.builds, notes: map.notes, discovery: map.discovery }, null, 2) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`build map: ${(err as Error)?.message ?? String(err)}\n`);
  process.exitCode = 2;
});
