// A temporary folder for the tests of one file: made before them, removed after them, and a
// `write` that creates a file (and its folders) in it and returns its absolute path.
import { before, after } from 'node:test';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type WriteFile = (rel: string, content: string | Buffer) => Promise<string>;

/** Registers the folder's before/after hooks; `onPath` receives the folder once it exists. */
export function useTempDir(prefix: string, onPath: (dir: string) => void): WriteFile {
  let dir = '';
  before(() => { dir = mkdtempSync(path.join(os.tmpdir(), prefix)); onPath(dir); });
  after(async () => { await fs.rm(dir, { recursive: true, force: true }); });
  return async (rel, content) => {
    const p = path.join(dir, rel);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, content);
    return p;
  };
}

/** Runs `body` with a new temporary folder, removed after it (after its promise settles, for an
 *  async body) whatever happens. */
export function withTempDir<T>(prefix: string, body: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => { rmSync(dir, { recursive: true, force: true }); };
  let result: T;
  try {
    result = body(dir);
  } catch (e) {
    remove();
    throw e;
  }
  if (result instanceof Promise) return result.finally(remove) as T;
  remove();
  return result;
}
