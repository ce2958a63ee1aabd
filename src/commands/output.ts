// Writing reports and fixed files: atomically (a temporary file beside the target, then a
// rename), never over a directory.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../engine/types.js';

let tmpCounter = 0;

export async function writeFileAtomic(file: string, content: string, mode?: number): Promise<void> {
  const dir = path.dirname(file);
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new UserError(`${file} is a directory; refusing to overwrite it`, 'give a file path');
    mode ??= st.mode & 0o7777;
  } catch (err) {
    if (err instanceof UserError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UserError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code}`);
  }
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw new Error('ENOTDIR');
  } catch {
    throw new UserError(`cannot write ${file}: folder ${dir} does not exist`, 'create the folder first');
  }
  // unique per process and call; 'wx' refuses to reuse a name that exists anyway
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${(tmpCounter++).toString(36)}.tmp`);
  try {
    await fs.writeFile(tmp, content, { mode: mode ?? 0o644, flag: 'wx' });
    await fs.rename(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') await fs.rm(tmp, { force: true }); // never someone else's file
    throw new UserError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Colour on a terminal unless NO_COLOR is set; FORCE_COLOR forces it on (or off with 0). */
export function useColor(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
