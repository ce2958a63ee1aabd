// EXPOSE entries with their written text, resolved value, parsed port range and source range.
import type { SourceRange } from '../../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../../targets/dockerfile/model.js';
import { rangeOfText } from './ranges.js';
import { once } from '../../../targets/dockerfile/facts.js';
import { hasUnresolved } from './values.js';

export interface ExposeEntry {
  text: string;
  value: string;
  range: SourceRange;
  /** Parsed when the value has the shape port[-port][/proto]. */
  port?: { from: number; to: number; proto: string | null };
  unresolved: boolean;
}

/** The entries of an EXPOSE, made once per instruction (shared: read, never change). */
export function exposeEntries(model: DockerfileModel, instr: Instruction): readonly ExposeEntry[] {
  return once(instr, exposeEntries, () => entriesOf(model, instr));
}

function entriesOf(model: DockerfileModel, instr: Instruction): ExposeEntry[] {
  const written = instr.args.trim().split(/\s+/).filter(Boolean);
  let values = instr.expanded.trim().split(/\s+/).filter(Boolean);
  if (values.length !== written.length) values = written;
  const out: ExposeEntry[] = [];
  let from = instr.argsRange.start.offset;
  written.forEach((text, i) => {
    const value = values[i].replace(/^["']|["']$/g, '');
    const range = rangeOfText(model, instr, text, from);
    from = range.end.offset;
    const entry: ExposeEntry = { text, value, range, unresolved: hasUnresolved(value) };
    const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]*))?$/.exec(value);
    if (m) entry.port = { from: Number(m[1]), to: m.at(2) === undefined ? Number(m[1]) : Number(m[2]), proto: m.at(3) ?? null };
    out.push(entry);
  });
  return out;
}
