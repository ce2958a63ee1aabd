#!/usr/bin/env node
// Thin entry point: run main() with the process's IO and set the exit code.
import { main } from './main.js';
import { processIO, type Interrupts } from './io.js';

// A reader that closes the pipe early (`tightship lint . | head`) is not an error of ours:
// stop quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Ctrl-C or SIGTERM while a command holds something to clean up (a container verify started):
// clean up, then exit as the signal would (130 / 143).
// Once interrupted, the command's own output stops: what it runs into while its resources are
// removed under it is not a report.
let stopping = false;
const onInterrupt: Interrupts = (cleanup) => {
  const onSignal = (signal: NodeJS.Signals) => {
    stopping = true;
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
};

const io = processIO();
main(process.argv.slice(2), {
  ...io,
  stdout: (t) => { if (!stopping) io.stdout(t); },
  stderr: (t) => { if (!stopping) io.stderr(t); },
  onInterrupt,
}).then(
  (code) => { process.exitCode = code; },
  (err) => {
    if (stopping) return;
    process.stderr.write(`tightship: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exitCode = 2;
  },
);
