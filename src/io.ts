// The outside world a command may touch, passed in so that main() can run in tests.
export interface IO {
  stdout: (text: string) => void;
  /** Resolves when stdout has taken what was written (a pipe's backpressure); absent: at once. */
  drain?: () => Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** true when stdout is a terminal (colour, progress). */
  isTTY: boolean;
  /** true when stderr is a terminal (progress lines go there). */
  stderrIsTTY: boolean;
  /** Cleanup to run if the process is interrupted (Ctrl-C, SIGTERM): the CLI provides it; absent
   *  when nothing can interrupt (tests, the library). */
  onInterrupt?: Interrupts;
  /** Standard input, read only by `tightship lint -` (absent: no standard input to read). */
  stdin?: () => AsyncIterable<Uint8Array>;
}

/** Registers cleanup for an interruption; returns the function that unregisters it. */
export type Interrupts = (cleanup: () => Promise<void>) => () => void;

export function processIO(): IO {
  return {
    stdout: (t) => process.stdout.write(t),
    drain: () => (process.stdout.writableNeedDrain ? new Promise<void>((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- typed boolean, but undefined when stdout is not a terminal
    isTTY: Boolean(process.stdout.isTTY),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- typed boolean, but undefined when stderr is not a terminal
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdin: () => process.stdin,
  };
}
