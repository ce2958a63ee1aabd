// Reads a file the user named (a compose file, `.env`, an env_file) without trusting what it is:
// a FIFO must not block, a device such as /dev/zero must not be read forever, a file that grows
// while it is read must not be read past the limit. A symbolic link is followed (compose follows
// it too) and what it points at must be a regular file.
import * as fs from 'node:fs';

export type ReadResult = { data: Buffer } | { error: string; code?: string };

/** What a non-regular file is, in words. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The bytes of a regular file of at most maxBytes, or why not. Synchronous: these files are small. */
export function readRegularFileSync(abs: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file', code };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'permission denied', code };
    if (code === 'ELOOP') return { error: 'symbolic link loop', code };
    if (code === 'EISDIR') return { error: 'is a directory', code };
    return { error: `cannot read: ${code ?? (err as Error).message}`, ...(code ? { code } : {}) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      const kind = kindOf(st);
      return { error: kind === 'a directory' ? 'is a directory' : `is ${kind}, not a regular file: not read`, code: 'ENOTREG' };
    }
    const tooLarge = (n: number): ReadResult => ({ error: `file too large (${(n / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`, code: 'EFBIG' });
    if (st.size > maxBytes) return tooLarge(st.size);
    // read until the end, but never past maxBytes + 1 (the file may grow while it is read): into
    // one buffer of the size plus one byte, so the read that finds the end needs no other buffer;
    // more only when the file grew. Every byte handed back was read (allocUnsafe is not zeroed).
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let used = 0;
    for (;;) {
      if (used === chunk.length) {
        chunks.push(chunk);
        chunk = Buffer.allocUnsafe(Math.min(1 << 16, maxBytes + 1 - total));
        used = 0;
      }
      const got = fs.readSync(fd, chunk, used, chunk.length - used, null);
      if (got === 0) break;
      used += got;
      total += got;
      if (total > maxBytes) return tooLarge(total);
    }
    const last = chunk.subarray(0, used);
    return { data: chunks.length === 0 ? last : Buffer.concat([...chunks, last]) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read: ${code ?? (err as Error).message}`, ...(code ? { code } : {}) };
  } finally {
    fs.closeSync(fd);
  }
}
