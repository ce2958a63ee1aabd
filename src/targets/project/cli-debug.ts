// Prints the build map of a folder as JSON: `node dist/src/targets/project/cli-debug.js ROOT`.
// A development aid until the map is part of `tightship lint`.
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { buildMap } from './build-map.js';

// The HCL parser is a 6.5 MB WebAssembly module: V8's optimising tier costs more than it saves
// in a short run (and holds the process open at exit while it finishes), so use the baseline tier.
setFlagsFromString('--liftoff-only');

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? '.');
  const map = await buildMap(root);
  process.stdout.write(JSON.stringify({ builds: map.builds, notes: map.notes, discovery: map.discovery }, null, 2) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`build map: ${(err as Partial<Error> | null | undefined)?.message ?? String(err)}\n`);
  process.exitCode = 2;
});
