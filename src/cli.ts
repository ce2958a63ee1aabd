#!/usr/bin/env node
// Thin entry point: run main() with the process's IO and set the exit code.
import { main } from './main.js';
import { processIO } from './io.js';

// A reader that closes the pipe early (`tightship lint . | head`) is not an error of ours:
// stop quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2), processIO()).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`tightship: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exitCode = 2;
  },
);
