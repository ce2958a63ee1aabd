// The CLI process: run main() with the process's IO, set the exit code, handle signals and
// EPIPE. Started by cli.ts (the unbundled CLI) or as the entry of the bundle in dist/bin/
// (scripts/bundle.mjs), which cannot hold a top-level await.
import type { Interrupts } from './io.js';
import { processIO } from './io.js';
import { main } from './main.js';

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
const EXIT_ON: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const SIGNALS = Object.keys(EXIT_ON) as NodeJS.Signals[];

// A signal while a command holds something to undo (verify's container): undo it, then exit with
// the signal's code; a second signal does not wait for the cleanup.
const onInterrupt: Interrupts = (cleanup) => {
  let seen = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    stopping = true;
    const code = EXIT_ON[signal] ?? 130;
    if (++seen > 1) process.exit(code);
    process.stderr.write('tightship: interrupted: removing what this run started (again to force)\n');
    void cleanup().finally(() => process.exit(code));
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return () => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
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
  (err: unknown) => {
    if (stopping) return;
    process.stderr.write(`tightship: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${err instanceof Error ? (err.stack ?? '') : ''}\n`);
    process.exitCode = 2;
  },
);
