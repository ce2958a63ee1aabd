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

/** The disk under root. Synchronous on purpose: thousands of tiny calls cost far less this way. */
export function diskFs(root: string): ContextFs {
  const base = root.endsWith(path.sep) ? root : root + path.sep;
  const abs = (rel: string): string => (rel === '' ? root : base + rel);
  return {
    list(relDir) {
      return fs.readdirSync(abs(relDir), { withFileTypes: true }).map((d) => ({ name: d.name, type: typeOf(d) }));
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
        const size = fs.fstatSync(fd).size;
        if (size > maxBytes) return { size, data: null };
        return { size, data: fs.readFileSync(fd) };
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}
