// The words of a COPY or ADD instruction (sources, then the destination), each with its value and
// where it is written, for the rules about destinations.
import type { SourceRange } from '../../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../../targets/dockerfile/model.js';
import { argsSourceOffset, splitWords, unquote } from '../../../targets/dockerfile/parse.js';
import { rangeAt, rangeOfText } from './ranges.js';
import { once } from '../../../targets/dockerfile/facts.js';

interface CopyWord {
  /** As written (quotes kept). */
  written: string;
  /** Quotes and escapes removed (no variable substitution). */
  value: string;
  range: SourceRange;
}

/** Sources and destination of COPY/ADD, in order (the destination is the last word); [] when the
 *  instruction has no arguments. */
export function copyWords(model: DockerfileModel, instr: Instruction): readonly CopyWord[] {
  return once(instr, copyWords, () => wordsOf(model, instr));
}

function wordsOf(model: DockerfileModel, instr: Instruction): CopyWord[] {
  if (instr.json) {
    let from = instr.argsRange.start.offset;
    return instr.json.map((value) => {
      const range = rangeOfText(model, instr, JSON.stringify(value), from);
      from = range.end.offset;
      return { written: value, value, range };
    });
  }
  const escape = model.escape;
  return splitWords(instr.args, escape).map((w) => ({
    written: w.text,
    value: unquote(w.text, escape),
    range: rangeAt(model, argsSourceOffset(instr, w.start, escape), argsSourceOffset(instr, w.end, escape, true)),
  }));
}
