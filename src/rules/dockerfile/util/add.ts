// The sources of an ADD instruction, classified: URL, git repository, local archive, local file.
import type { SourceRange } from '../../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../../targets/dockerfile/model.js';
import { rangeOfText } from './ranges.js';
import { hasUnresolved } from './values.js';

export type AddSourceKind = 'url' | 'git' | 'archive' | 'maybe-archive' | 'local' | 'heredoc' | 'unresolved';

export interface AddSource {
  /** As written. */
  text: string;
  /** After ARG/ENV substitution. */
  value: string;
  kind: AddSourceKind;
  range: SourceRange;
}

const TAR = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma)|tgz|tbz2?|txz|tzst|taz|tlz)$/i;
const COMPRESSED = /\.(gz|bz2|xz|zst|lz|lzma|z)$/i;

export function classifyAddSource(value: string): AddSourceKind {
  if (value.startsWith('<<')) return 'heredoc';
  if (hasUnresolved(value)) return 'unresolved';
  if (/^git@[^:]+:/.test(value) || /^git:\/\//i.test(value)) return 'git';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    if (/^(https?|ssh):\/\/[^#]*\.git(#.*)?$/i.test(value) || /^https?:\/\/[^#]+#[^#]+$/i.test(value) && /github\.com|gitlab\.com|bitbucket\.org/i.test(value)) return 'git';
    return 'url';
  }
  if (TAR.test(value)) return 'archive';
  if (COMPRESSED.test(value)) return 'maybe-archive';
  return 'local';
}

/** The sources of ADD/COPY (every argument but the destination). */
export function addSources(model: DockerfileModel, instr: Instruction): AddSource[] {
  let written: string[];
  let expanded: string[];
  if (instr.json) {
    written = instr.json;
    expanded = instr.json;
    if (instr.expanded.trim().startsWith('[')) {
      try {
        const e = JSON.parse(instr.expanded) as unknown;
        if (Array.isArray(e) && e.every((x) => typeof x === 'string')) expanded = e;
      } catch { /* keep the written form */ }
    }
  } else {
    written = instr.args.trim().split(/\s+/).filter(Boolean);
    expanded = instr.expanded.trim().split(/\s+/).filter(Boolean);
    if (expanded.length !== written.length) expanded = written;
  }
  const out: AddSource[] = [];
  let from = instr.argsRange.start.offset;
  for (let i = 0; i < written.length - 1; i++) {
    const text = written[i];
    const value = expanded[i];
    const range = rangeOfText(model, instr, text, from);
    from = range.end.offset;
    out.push({ text, value, kind: classifyAddSource(value), range });
  }
  return out;
}
