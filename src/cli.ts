#!/usr/bin/env node
// Thin entry point: run main() with the process's IO and set the exit code.
import { main } from './main.js';
import { processIO } from './io.js';

main(process.argv.slice(2), processIO()).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`tightship: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exitCode = 2;
  },
);
