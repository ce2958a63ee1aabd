// The view of a build context the walk needs. Paths are context-relative POSIX paths ('' is the
// root). The real one reads the disk; tests can give an in-memory one.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type EntryType = 'file' | 'dir' | 'symlink' | 'other';

export interface DirEntry {
  name: string;
  type: EntryType;
}

export interface ContextFs {
  /** Entries of a directory (any order). Throws an error with a `code` when it cannot be listed. */
  list(relDir: string): DirEntry[];
  /** Type and size of a path without following a final symlink; null when it does not exist. */
  lstat(relPath: string): { type: EntryType; size: number } | null;
  readlink(relPath: string): string;
  /** The size of a regular file and its bytes, or data null when it is larger than maxBytes
   *  (then it is not read). Throws an error with a `code` when it cannot be opened. */
  read(relPath: string, maxBytes: number): { size: number; data: Uint8Array | null };
}

function typeOf(d: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryType {
  if (d.isFile()) return 'file';
  if (d.isDirectory()) return 'dir';
  if (d.isSymbolicLink()) return 'symlink';
  return 'other';
}

/** The disk under root. Synchronous on purpose: thousands of tiny calls cost far less this way.
 *  Names that are not valid UTF-8 are listed under their decoded form (with U+FFFD) and reached
 *  through their raw bytes, so a folder with such a name is walked and scanned like any other. */
export function diskFs(root: string): ContextFs {
  const base = root.endsWith(path.sep) ? root : root + path.sep;
  const raw = new Map<string, Buffer>(); // context path → raw absolute path, for non-UTF-8 names
  const abs = (rel: string): string | Buffer => (rel === '' ? root : raw.get(rel) ?? base + rel);
  return {
    list(relDir) {
      const dir = abs(relDir);
      const dirBuf = typeof dir === 'string' ? Buffer.from(dir) : dir;
      return fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }).map((d) => {
        const bytes = d.name as unknown as Buffer;
        const name = bytes.toString('utf8');
        const rel = relDir === '' ? name : `${relDir}/${name}`;
        if (typeof dir !== 'string' || !Buffer.from(name).equals(bytes)) {
          raw.set(rel, Buffer.concat([dirBuf, Buffer.from(path.sep), bytes]));
        }
        return { name, type: typeOf(d) };
      });
    },
    lstat(relPath) {
      try {
        const st = fs.lstatSync(abs(relPath));
        return { type: typeOf(st), size: st.size };
      } catch {
        return null;
      }
    },
    readlink(relPath) {
      return fs.readlinkSync(abs(relPath));
    },
    read(relPath, maxBytes) {
      // O_NONBLOCK: a FIFO that slipped through must not block the audit
      const fd = fs.openSync(abs(relPath), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      try {
        const st = fs.fstatSync(fd);
        if (!st.isFile()) {
          throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
        }
        if (st.size > maxBytes) return { size: st.size, data: null };
        // read at most maxBytes + 1: a file that grows while it is read stays bounded
        const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
        let n = 0;
        for (let got; n < buf.length && (got = fs.readSync(fd, buf, n, buf.length - n, null)) > 0;) n += got;
        if (n > maxBytes) return { size: n, data: null };
        return { size: n, data: buf.subarray(0, n) };
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}
