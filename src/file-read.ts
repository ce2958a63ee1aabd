// Reading a file the way the targets read their inputs: its bytes (or why not: a folder, not a
// regular file, too large, unreadable), then the text a reader wants of them. A file that is
// not a regular file is never opened (a device or a named pipe named Dockerfile is only stat'ed).
// `SharedReads` lets two readers of a run (the build map's guess and lint's read-ahead) read each
// Dockerfile once: the first reads it and holds the other's view until the other asks.
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** A file's bytes, or the one-line reason it cannot be read (as the Dockerfile audit words it). */
export type FileBytes = { bytes: Buffer } | { error: string };

/** What reading a text file for an audit gave: its text, or why it cannot be audited. */
export type TextRead = { text: string } | { error: string };

/** The bytes of a regular file of at most maxBytes. */
export function readFileBytes(absPath: string, maxBytes: number): FileBytes {
  try {
    const st = statSync(absPath);
    if (st.isDirectory()) return { error: 'is a directory' };
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > maxBytes) {
      return { error: `file too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB): not a Dockerfile?` };
    }
    return { bytes: readFileSync(absPath) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file (or a broken symbolic link)' };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'permission denied' };
    if (code === 'ELOOP') return { error: 'symbolic link loop' };
    return { error: `cannot read: ${code ?? (err as Error).message}` };
  }
}

/** The text of a file to audit: UTF-8 without a leading byte-order mark, not empty, not binary. */
export function auditText(read: FileBytes): TextRead {
  if ('error' in read) return read;
  const buf = read.bytes;
  if (buf.length === 0) return { error: 'empty file' };
  const nul = buf.subarray(0, 8192).indexOf(0);
  if (nul >= 0) return { error: `binary file (NUL byte at offset ${nul}): not a Dockerfile` };
  let text = buf.toString('utf8');
  // decoding replaces every invalid sequence with U+FFFD: only a text that has one needs the check
  if (!text.includes('\uFFFD') || isUtf8(buf)) {
    // as TextDecoder does: a leading byte-order mark is not part of the text
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else {
    const bad = text.indexOf('\uFFFD');
    const line = bad >= 0 ? text.slice(0, bad).split('\n').length : 1;
    return { error: `not valid UTF-8 text (first bad byte on line ${line}); save the file as UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { error: 'empty file (only whitespace)' };
  return { text };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file as a project's tree reads it (targets/project/tree.ts): any UTF-8 file
 *  within the limit, empty included; null otherwise. */
export function treeText(read: FileBytes): string | null {
  if ('error' in read) return null;
  try {
    return utf8.decode(read.bytes);
  } catch {
    return null;
  }
}

/** Characters held for the second reader at most (the texts of a large batch would otherwise be
 *  held all at once when one reader runs far ahead of the other). */
const MAX_HELD_CHARS = 4 * 1024 * 1024;

/** Each Dockerfile of a run read once for its two readers: the build map (the tree's view:
 *  `forMap`) and the audit (`forAudit`), both under the same limit. The first to ask reads the
 *  file and keeps the other's view of the same bytes until the other asks; a view is kept only
 *  while the other may still ask for it (`mapDone`, `passed`) and within MAX_HELD_CHARS. */
export class SharedReads {
  private readonly forMapHeld = new Map<string, string | null>();
  private readonly forAuditHeld = new Map<string, TextRead>();
  private readonly auditAsked = new Set<string>();
  private readonly mapAsked = new Set<string>();
  private held = 0;
  private mapOpen = true;

  constructor(readonly maxBytes: number, private readonly maxHeld = MAX_HELD_CHARS) {}

  /** The tree's view of a Dockerfile (null: unreadable, too large or not UTF-8). */
  forMap(abs: string): string | null {
    const kept = this.forMapHeld.get(abs);
    if (kept !== undefined) {
      this.forMapHeld.delete(abs);
      this.held -= kept?.length ?? 0;
      return kept;
    }
    const bytes = readFileBytes(abs, this.maxBytes);
    const text = treeText(bytes);
    if (!this.auditAsked.has(abs) && !this.mapAsked.has(abs)) this.hold(this.forAuditHeld, abs, auditText(bytes));
    this.mapAsked.add(abs);
    return text;
  }

  /** The audit's view of a Dockerfile. */
  forAudit(abs: string): TextRead {
    this.auditAsked.add(abs);
    const kept = this.forAuditHeld.get(abs);
    if (kept !== undefined) {
      this.forAuditHeld.delete(abs);
      this.held -= 'text' in kept ? kept.text.length : 0;
      return kept;
    }
    const bytes = readFileBytes(abs, this.maxBytes);
    if (this.mapOpen && !this.mapAsked.has(abs)) this.hold(this.forMapHeld, abs, treeText(bytes));
    return auditText(bytes);
  }

  /** The audit will not ask for this file (its folder's config ignores it): its view goes. */
  passed(abs: string): void {
    this.auditAsked.add(abs);
    const kept = this.forAuditHeld.get(abs);
    if (kept === undefined) return;
    this.forAuditHeld.delete(abs);
    this.held -= 'text' in kept ? kept.text.length : 0;
  }

  /** The build maps are made: what was kept for them goes, and nothing more is kept. */
  mapDone(): void {
    this.mapOpen = false;
    for (const text of this.forMapHeld.values()) this.held -= text?.length ?? 0;
    this.forMapHeld.clear();
    this.mapAsked.clear();
  }

  private hold<T extends string | null | TextRead>(into: Map<string, T>, abs: string, view: T): void {
    const size = view === null ? 0 : typeof view === 'string' ? view.length : 'text' in view ? view.text.length : 0;
    if (this.held + size > this.maxHeld) return;
    this.held += size;
    into.set(abs, view);
  }
}
