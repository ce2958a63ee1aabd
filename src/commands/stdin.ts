// `tightship lint -`: the text of one Dockerfile or compose file read from standard input, with
// the same limits and checks as a file on disk (size, NUL bytes, UTF-8, a leading byte-order
// mark, empty input). --stdin-filename names the path it stands for: the path shown in the
// report, the folder whose .tightship.yaml applies, and what ignore globs and --exclude match.
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import type { IO } from '../io.js';
import { UserError } from '../engine/types.js';
import { MAX_DOCKERFILE_BYTES } from '../targets/dockerfile/audit.js';

export type StdinKind = 'dockerfile' | 'compose';

/** The largest input read, per kind (a compose file's parser stops earlier with a finding). */
const MAX_BYTES: Record<StdinKind, number> = { dockerfile: MAX_DOCKERFILE_BYTES, compose: 16 * 1024 * 1024 };

/** The path shown for standard input without --stdin-filename. */
export const STDIN_NAME = '-';

export interface StdinInput {
  kind: StdinKind;
  /** Absolute path the text stands for (the cwd's `-` without --stdin-filename). */
  abs: string;
  /** --stdin-filename was given: the text stands for a file of a project. */
  named: boolean;
  text: string;
}

/** --stdin-kind, else compose for a YAML --stdin-filename, else dockerfile. */
export function stdinKind(kindFlag: string | undefined, filename: string | undefined): StdinKind {
  if (kindFlag === undefined) return filename !== undefined && /\.ya?ml$/i.test(filename) ? 'compose' : 'dockerfile';
  if (kindFlag === 'dockerfile' || kindFlag === 'compose') return kindFlag;
  throw new UserError(`--stdin-kind '${kindFlag}' is not a kind of input`, 'use --stdin-kind dockerfile (default) or --stdin-kind compose');
}

/** Reads standard input whole (up to the kind's limit) and checks it is text. */
export async function readStdin(io: IO, kind: StdinKind, filename: string | undefined): Promise<StdinInput> {
  if (!io.stdin) throw new UserError('no standard input to read', "pipe the file in: 'tightship lint - < Dockerfile'");
  const max = MAX_BYTES[kind];
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin()) {
    size += chunk.length;
    if (size > max) throw new UserError(`standard input is larger than ${max / 1048576} MB: not a ${kind === 'compose' ? 'compose file' : 'Dockerfile'}?`, 'pipe one file');
    chunks.push(Buffer.from(chunk));
  }
  const buf = Buffer.concat(chunks, size);
  const what = 'standard input';
  if (buf.length === 0) throw new UserError(`${what} is empty`, "pipe a file in: 'tightship lint - < Dockerfile'");
  const nul = buf.subarray(0, 8192).indexOf(0);
  if (nul >= 0) throw new UserError(`${what} is binary (NUL byte at offset ${nul})`, 'pipe a text file');
  if (!isUtf8(buf)) {
    const bad = buf.toString('utf8').indexOf('\uFFFD');
    throw new UserError(`${what} is not valid UTF-8 text (first bad byte on line ${buf.toString('utf8').slice(0, bad).split('\n').length})`, 'convert it to UTF-8');
  }
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new UserError(`${what} holds only whitespace`, "pipe a file in: 'tightship lint - < Dockerfile'");
  const abs = path.resolve(io.cwd, filename ?? STDIN_NAME);
  return { kind, abs, named: filename !== undefined, text };
}
