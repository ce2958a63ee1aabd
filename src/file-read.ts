// Reading a file the way the targets read their inputs: its bytes (or why not: a folder, not a
// regular file, too large, unreadable), then the text a reader wants of them. A file that is
// not a regular file is never opened (a device or a named pipe named Dockerfile is only stat'ed).
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
