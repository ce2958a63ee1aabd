// Source ranges of what rules point at: the written form of a word inside an instruction, the
// first line of an instruction, the FROM image. Positions come from the model's line index.
import type { SourceRange } from '../../../engine/types.js';
import type { DockerfileModel, Instruction, Stage } from '../../../targets/dockerfile/model.js';
import { lineStart, rangeAt } from '../../../targets/dockerfile/facts.js';

export { lineStart, rangeAt };

/** The range of the first occurrence of needle inside the instruction's source, searching
 *  from `from` (an absolute offset); null when it is not written literally (e.g. continued). */
export function findInInstruction(
  model: DockerfileModel, instr: Instruction, needle: string, from = instr.argsRange.start.offset,
): SourceRange | null {
  if (!needle) return null;
  const start = Math.max(from, instr.range.start.offset);
  const at = model.text.indexOf(needle, start);
  if (at === -1 || at + needle.length > instr.range.end.offset) return null;
  return rangeAt(model, at, at + needle.length);
}

/** The range of the needle in the instruction, or of the instruction's arguments when absent. */
export function rangeOfText(model: DockerfileModel, instr: Instruction, needle: string, from?: number): SourceRange {
  return findInInstruction(model, instr, needle, from) ?? instr.argsRange;
}

/** The range of the first line of an instruction (keyword to end of line), for findings about a whole instruction. */
export function firstLineRange(model: DockerfileModel, instr: Instruction): SourceRange {
  const nl = model.text.indexOf('\n', instr.range.start.offset);
  const end = nl === -1 || nl > instr.range.end.offset ? instr.range.end.offset : nl;
  const endTrimmed = model.text.slice(instr.range.start.offset, end).replace(/[\s\\`]+$/, '').length + instr.range.start.offset;
  return rangeAt(model, instr.range.start.offset, endTrimmed);
}

/** The FROM image token (first argument after flags), e.g. `node:22` or `${BASE}`. */
export function fromImageRange(model: DockerfileModel, stage: Stage): SourceRange {
  const token = stage.image || stage.from.args.trim().split(/\s+/)[0] || '';
  return rangeOfText(model, stage.from, token);
}

/** The range of a shell command's name in its RUN instruction (searching from the command's line). */
export function commandNameRange(model: DockerfileModel, instr: Instruction, cmd: { argv: string[]; name: string; line: number }): SourceRange {
  const word = cmd.argv[0] ?? cmd.name;
  const from = Math.max(lineStart(model, cmd.line), instr.range.start.offset);
  return findInInstruction(model, instr, word, from) ?? findInInstruction(model, instr, word) ?? instr.argsRange;
}
