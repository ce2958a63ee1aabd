// Locations shared by the context rules: the COPY line that sends a file, a word inside it,
// a line of another file.
import type { Location, SourceRange } from '../../../engine/types.js';
import type { Instruction } from '../../../targets/dockerfile/model.js';
import type { ContextFile, ContextModel } from '../../../targets/context/model.js';

/** The first line of an instruction (where `COPY … ` starts), as a range. */
export function instructionHead(instr: Instruction): SourceRange {
  const nl = instr.raw.indexOf('\n');
  const len = (nl < 0 ? instr.raw.length : nl).valueOf();
  const text = instr.raw.slice(0, len).replace(/[\s\\`]+$/, '');
  return {
    start: instr.range.start,
    end: { line: instr.range.start.line, column: instr.range.start.column + text.length, offset: instr.range.start.offset + text.length },
  };
}

/** The range of a source word inside the instruction (falls back to the instruction's head). */
export function wordRange(instr: Instruction, word: string): SourceRange {
  const at = instr.raw.indexOf(word, instr.keyword.length);
  if (at < 0 || word === '') return instructionHead(instr);
  const before = instr.raw.slice(0, at);
  const lines = before.split('\n');
  const line = instr.range.start.line + lines.length - 1;
  const column = lines.length === 1 ? instr.range.start.column + at : lines[lines.length - 1].length + 1;
  return {
    start: { line, column, offset: instr.range.start.offset + at },
    end: { line, column: column + word.length, offset: instr.range.start.offset + at + word.length },
  };
}

export function toLocation(path: string, r: SourceRange): Location {
  return { path, startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

/** `related` entries: every COPY/ADD that sends the file. */
export function copiedByRelated(model: ContextModel, file: ContextFile): { message: string; location: Location }[] {
  return file.copiedBy.map((i) => {
    const c = model.copies[i];
    const where = c.inFinalImage ? 'into the image' : `into build stage ${stageName(model, c.stageIndex)}`;
    return {
      message: `${c.keyword} on line ${c.instruction.range.start.line} sends ${file.relPath} ${where}`,
      location: toLocation(model.dockerfilePath, instructionHead(c.instruction)),
    };
  });
}

export function stageName(model: ContextModel, index: number): string {
  const s = index >= 0 ? model.dockerfile.stages.at(index) : undefined;
  return s?.name ? `"${s.name}"` : `#${index}`;
}

/** Where the copies of a file end up: the final image (error) or only build stages (warning). */
export function reachesFinalImage(model: ContextModel, file: ContextFile): boolean {
  return file.copiedBy.some((i) => model.copies[i].inFinalImage);
}

/** "COPY on line 3" or "COPY on lines 3 and 7" */
export function copyLines(model: ContextModel, file: ContextFile): string {
  const lines = [...new Set(file.copiedBy.map((i) => model.copies[i].instruction.range.start.line))];
  const kw = model.copies[file.copiedBy[0]].keyword;
  return lines.length === 1 ? `${kw} on line ${lines[0]}` : `${kw} on lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}
