// Facts of a parsed Dockerfile that rules and targets ask about: positions from offsets, stage
// chains, the final stage, Windows-ness and the shell in force. Each is one function of the model
// with one answer; what costs more than a lookup is computed once by the parser (parse.ts) and kept
// on the model, so asking for every stage or every RUN of a large file stays linear.
import type { Position, SourceRange } from '../../engine/types.js';
import type { DockerfileModel, ImageRef, Instruction, Stage } from './model.js';

/** Docker's default shell on Linux images. */
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];
/** Docker's default shell on Windows images. */
export const WINDOWS_SHELL: readonly string[] = ['cmd', '/S', '/C'];

// ---------------------------------------------------------------------------------------------
// Facts derived on first asking

const held = new WeakMap<object, Map<unknown, unknown>>();

/** A fact of a part of the model (the model, a stage, an instruction, a command) computed on
 *  first asking and kept with that part: every rule that asks again gets the same value, and a
 *  fact no rule asks for costs nothing. `key` names the fact (the function that computes it, or a
 *  string when one function makes several); `compute` must depend only on the part (and on the
 *  model it belongs to), so the answer cannot differ between askers. The value is shared: read it,
 *  never change it. Nothing is added to the model itself (a worker's structured clone, the JSON of
 *  a result and equality tests see the same plain data). */
export function once<T>(part: object, key: unknown, compute: () => T): T {
  let facts = held.get(part);
  if (facts === undefined) {
    facts = new Map();
    held.set(part, facts);
  } else if (facts.has(key)) {
    return facts.get(key) as T;
  }
  const value = compute();
  facts.set(key, value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Positions

/** The 1-based line of an offset, by binary search over the line starts. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

/** The line/column (1-based, columns in UTF-16 code units) of an offset of the model's text. */
export function positionAt(model: DockerfileModel, offset: number): Position {
  const line = lineOf(model.lineStarts, offset);
  return { line, column: offset - model.lineStarts[line - 1] + 1, offset };
}

/** The range between two offsets of the model's text. */
export function rangeAt(model: DockerfileModel, start: number, end: number): SourceRange {
  return { start: positionAt(model, start), end: positionAt(model, end) };
}

/** Offset of the first character of a 1-based line (clamped to the lines of the text). */
export function lineStart(model: DockerfileModel, line: number): number {
  const starts = model.lineStarts;
  return starts[Math.min(Math.max(line, 1), starts.length) - 1];
}

/** The range of a line without its leading blanks and trailing continuation/blanks. */
export function lineRange(model: DockerfileModel, line: number): SourceRange {
  const { text, lineStarts: starts } = model;
  const start = starts[line - 1] ?? text.length;
  let end = line < starts.length ? starts[line] - 1 : text.length;
  let s = start;
  while (s < end && (text[s] === ' ' || text[s] === '\t')) s++;
  while (end > s && /[\s\\`\r]/.test(text[end - 1])) end--;
  return rangeAt(model, s, Math.max(end, s));
}

// ---------------------------------------------------------------------------------------------
// Stages

/** The stages whose instructions take effect in `stage`, oldest first: the root of its
 *  FROM <stage> chain, …, its base stage, then the stage itself. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  // a base stage always comes earlier in the file, so the walk ends
  for (let s: Stage | undefined = stage; s; s = s.baseStage === null ? undefined : model.stages[s.baseStage]) chain.push(s);
  return chain.reverse();
}

/** The stage the build produces: the `target` stage when one is given, else the last stage. */
export function finalStage(model: DockerfileModel): Stage | null {
  return model.final?.stage ?? null;
}

/** Indexes of the final stage and the stages it is built FROM (its filesystem ancestors). */
export function finalChain(model: DockerfileModel): Set<number> {
  return new Set((model.final?.chain ?? []).map((s) => s.index));
}

/** true for a Windows base image: a windows, nanoserver or servercore repository or tag, or an
 *  LTSC release tag (mcr.microsoft.com/windows/servercore:ltsc2022, …/dotnet/sdk:8.0-nanoserver-1809). */
export function isWindowsImage(image: string): boolean {
  return /(^|\/)windows(\/|$)|nanoserver|servercore|(^|[^a-z])ltsc20\d\d/.test(image.toLowerCase());
}

/** The text isWindowsImage judges for a stage's FROM: the parsed reference, else the resolved name. */
export function imageText(ref: ImageRef | null, resolvedImage: string): string {
  return ref ? `${ref.registry ?? ''}/${ref.repository}:${ref.tag ?? ''}` : resolvedImage;
}

/** true when the stage is built on a Windows image (its chain's root image is one). */
export function isWindowsStage(_model: DockerfileModel, stage: Stage | null): boolean {
  return stage?.windows ?? false;
}

/** The SHELL in force for an instruction, following FROM <stage> chains; without a SHELL
 *  instruction Docker's default: /bin/sh -c, or cmd /S /C in a Windows stage. */
export function shellAt(_model: DockerfileModel, instr: Instruction): string[] {
  return [...instr.shell];
}
