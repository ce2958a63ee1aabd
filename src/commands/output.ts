// Writing reports and fixed files: atomically (a temporary file beside the target, then a
// rename), never over a directory; a report in pieces, to a file or to standard output with
// the pipe's backpressure.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../engine/types.js';
import type { IO } from '../io.js';

let tmpCounter = 0;

/** Where an atomic write of `file` goes first (checked: not a directory, its folder exists),
 *  and the mode it gets (the file's own when it exists). */
async function atomicTarget(file: string, mode?: number): Promise<{ tmp: string; mode: number }> {
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
  return { tmp, mode: mode ?? 0o644 };
}

export async function writeFileAtomic(file: string, content: string, mode?: number): Promise<void> {
  await writePiecesAtomic(file, [content], mode);
}

/** Pieces of a text written in turn to a temporary file beside `file`, renamed over it at the
 *  end: a failed run (a piece that throws included) leaves `file` as it was and no half file. */
export async function writePiecesAtomic(file: string, pieces: Iterable<string>, mode?: number): Promise<void> {
  const target = await atomicTarget(file, mode);
  const { tmp } = target;
  let created = false;
  try {
    const fh = await fs.open(tmp, 'wx', target.mode);
    created = true;
    try {
      for (const chunk of batched(pieces)) await fh.write(chunk);
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    if (created) await fs.rm(tmp, { force: true }); // never someone else's file
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err; // not the write's error: the report's own
    throw new UserError(`cannot write ${file}: ${code}`);
  }
}

/** Pieces written in turn to standard output, each after the pipe took the ones before (a
 *  slow reader holds the report back instead of it piling up in memory). */
export async function writePiecesToStdout(pieces: Iterable<string>, io: IO): Promise<void> {
  for (const chunk of batched(pieces)) {
    io.stdout(chunk);
    if (io.drain) await io.drain();
  }
}

/** The pieces in writes of about 64 KiB (a piece is written whole). */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buf = '';
  for (const piece of pieces) {
    buf += piece;
    if (buf.length >= 65_536) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** Colour on a terminal unless NO_COLOR is set; FORCE_COLOR forces it on (or off with 0). */
export function useColor(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

/** A file as --fix read it: the bytes and the stat to compare with just before writing. */
export interface ReadForFix {
  /** The file named on the command line (maybe a symbolic link). */
  file: string;
  /** Its real path (links followed): the file that is edited. */
  real: string;
  bytes: Buffer;
  /** A leading UTF-8 byte-order mark, kept on write (the parser does not see it). */
  bom: boolean;
  mtimeMs: number;
  size: number;
}

export type FixOutcome =
  | { status: 'fixed' }
  | { status: 'refused'; reason: string };

/** Reads a file for --fix, following symbolic links to the file they name. */
export async function readForFix(file: string): Promise<ReadForFix | { error: string }> {
  try {
    const real = await fs.realpath(file);
    const st = await fs.stat(real);
    if (!st.isFile()) return { error: 'not a regular file' };
    const bytes = await fs.readFile(real);
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { file, real, bytes, bom, mtimeMs: st.mtimeMs, size: st.size };
  } catch (err) {
    return { error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}

/** Writes the fixed text of a file --fix read, or says why not. Never throws for a file's own
 *  problem, so one file never aborts a batch.
 *  - edits the real file a symbolic link names (the link stays a link);
 *  - refuses a file whose mode has no write bit (0444), even as root;
 *  - refuses a file whose bytes, size or mtime changed since it was read;
 *  - keeps the BOM (the text has none: the reader stripped it), mode and, as root, owner;
 *  - a file with one link: a temporary file beside it (same mode and owner), fsynced, renamed
 *    over it — atomic: a reader sees the old or the new file, a crash leaves the old one;
 *  - a file with several hard links: a rename would detach this name from the others, so the
 *    content is written in place. To keep that as safe as it can be, a copy of the old bytes is
 *    written beside it first (a full disk fails there, before the file is touched), the new
 *    bytes go in one write then a truncate and an fsync, and on any failure the old bytes are
 *    written back; the copy is removed at the end. */
export async function writeFixed(read: ReadForFix, text: string): Promise<FixOutcome> {
  const content = Buffer.from(read.bom ? `\uFEFF${text}` : text, 'utf8');
  const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  let st;
  try {
    st = await fs.stat(read.real);
  } catch (err) {
    return { status: 'refused', reason: `gone since it was read (${code(err)})` };
  }
  if ((st.mode & 0o222) === 0) return { status: 'refused', reason: `read-only (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}); make it writable to fix it` };
  const unchanged = async (): Promise<boolean> => {
    const now = await fs.stat(read.real).catch(() => null);
    if (!now || now.mtimeMs !== read.mtimeMs || now.size !== read.size) return false;
    const bytes = await fs.readFile(read.real).catch(() => null);
    return bytes !== null && bytes.equals(read.bytes);
  };
  if (!(await unchanged())) return { status: 'refused', reason: 'changed since it was read; run again' };
  const dir = path.dirname(read.real);
  const tmpName = (tag: string) => path.join(dir, `.${path.basename(read.real)}.${process.pid}.${Date.now().toString(36)}${(tmpCounter++).toString(36)}.${tag}`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;

  if (st.nlink > 1) {
    const backup = tmpName('bak');
    try {
      await fs.writeFile(backup, read.bytes, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      return { status: 'refused', reason: `cannot write a copy beside it before the in-place write (${code(err)})` };
    }
    let fh;
    try {
      fh = await fs.open(read.real, 'r+');
      if (!(await unchanged())) return { status: 'refused', reason: 'changed since it was read; run again' };
      try {
        await fh.write(content, 0, content.length, 0);
        await fh.truncate(content.length);
        await fh.sync();
      } catch (err) {
        await fh.write(read.bytes, 0, read.bytes.length, 0).catch(() => undefined);
        await fh.truncate(read.bytes.length).catch(() => undefined);
        return { status: 'refused', reason: `write failed, old content restored (${code(err)})` };
      }
      return { status: 'fixed' };
    } catch (err) {
      return { status: 'refused', reason: `cannot open for writing (${code(err)})` };
    } finally {
      await fh?.close().catch(() => undefined);
      await fs.rm(backup, { force: true });
    }
  }

  const tmp = tmpName('tmp');
  let created = false;
  try {
    const fh = await fs.open(tmp, 'wx', 0o600);
    created = true;
    try {
      await fh.writeFile(content);
      if (root) await fh.chown(st.uid, st.gid);
      else if (st.gid !== process.getgid?.()) await fh.chown(-1, st.gid).catch(() => undefined); // a group we are in
      await fh.chmod(st.mode & 0o7777); // after chown, which may clear set-id bits
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (!(await unchanged())) {
      await fs.rm(tmp, { force: true });
      return { status: 'refused', reason: 'changed since it was read; run again' };
    }
    await fs.rename(tmp, read.real);
    return { status: 'fixed' };
  } catch (err) {
    if (created) await fs.rm(tmp, { force: true });
    return { status: 'refused', reason: `cannot write (${code(err)})` };
  }
}

/** The real paths of the inputs, to refuse an --output that would overwrite one. */
export async function assertNotAnInput(output: string, inputs: readonly string[], flag = '--output'): Promise<void> {
  const out = await fs.realpath(output).catch(() => path.resolve(output));
  const outSt = await fs.stat(out).catch(() => null);
  for (const input of inputs) {
    const real = await fs.realpath(input).catch(() => path.resolve(input));
    const st = outSt ? await fs.stat(real).catch(() => null) : null;
    if (real === out || (st && outSt && st.ino === outSt.ino && st.dev === outSt.dev)) {
      throw new UserError(`${flag} ${output} is an input of this run; refusing to overwrite it with the report`, 'write the report to another file');
    }
  }
}
