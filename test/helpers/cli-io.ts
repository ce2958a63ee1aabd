// A captured IO for running main(argv, io) in-process.
import type { IO } from '../../src/io.js';
import { main } from '../../src/main.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env` with the test run's cache folder (XDG_CACHE_HOME, which scripts/test.mjs points at a
 *  folder of its own) unless `env` names one: the caches a run writes (ShellCheck's findings)
 *  stay out of the user's home. */
export function withTestCache(env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const cacheHome = process.env.XDG_CACHE_HOME;
  return cacheHome !== undefined && !('XDG_CACHE_HOME' in env) ? { XDG_CACHE_HOME: cacheHome, ...env } : env;
}

/** `env` is the run's whole environment (withTestCache). */
export function captureIO(cwd: string, env: Record<string, string | undefined> = {}, isTTY = false): IO & { out: string[]; err: string[] } {
  env = withTestCache(env);
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err,
    stdout: (t) => { out.push(t); },
    stderr: (t) => { err.push(t); },
    cwd,
    env,
    isTTY,
    stderrIsTTY: false,
  };
}

export async function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}, isTTY = false): Promise<Captured> {
  const io = captureIO(cwd, env, isTTY);
  const code = await main(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}
