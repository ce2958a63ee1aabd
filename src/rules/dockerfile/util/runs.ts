// RUN instructions as the package-manager and shell-practice rules see them: each RUN with its
// split commands, a locator for word positions, the stage it belongs to (the package rules read the
// model's package fact through packages.ts instead).
import type { Edit, SourceRange } from '../../../engine/types.js';
import type { DockerfileModel, Instruction, ShellCommand, Stage } from '../../../targets/dockerfile/model.js';
import { shellCommands } from '../../../targets/dockerfile/shell.js';
import { unwrapXargs } from '../../../targets/dockerfile/packages.js';
import { lineRange, once, rangeAt } from '../../../targets/dockerfile/facts.js';
import { CommandLocator, type Word } from './locate.js';

export interface RunInfo {
  readonly instr: Instruction;
  readonly stage: Stage | null;
  readonly cmds: readonly ShellCommand[];
  /** The command names (argv[0] without path) of the RUN, to skip RUNs a rule has no interest in. */
  readonly names: ReadonlySet<string>;
  readonly locator: CommandLocator;
}

/** Every RUN instruction with its commands, in file order; an `ONBUILD RUN` counts as a RUN (its
 *  trigger instruction), as it runs in every build based on the image. One walk per model: the
 *  list is made on first asking and shared by every rule (read it, never change it). */
export function runs(model: DockerfileModel): readonly RunInfo[] {
  return once(model, runs, () => {
    const out: RunInfo[] = [];
    for (const outer of model.instructions) {
      const instr = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!instr || instr.keyword !== 'RUN') continue;
      const stage = instr.stageIndex >= 0 ? model.stages[instr.stageIndex] ?? null : null;
      const commands = shellCommands(instr, model);
      const cmds = commands.some((c) => c.name === 'xargs') ? commands.map(unwrapXargs) : commands;
      out.push({ instr, stage, cmds, names: new Set(cmds.map((c) => c.name)), locator: new CommandLocator(model, instr, cmds) });
    }
    return out;
  });
}

/** True when the RUN runs any of the commands. */
export function runsAny(run: RunInfo, ...names: string[]): boolean {
  return names.some((n) => run.names.has(n));
}

/** Where to point a finding about a command: its words from argv[0] to argv[upTo] when they
 *  can be found, otherwise the command's line. */
export function commandRange(model: DockerfileModel, run: RunInfo, cmd: ShellCommand, words: Word[] | null): SourceRange {
  if (words && words.length) return rangeAt(model, words[0].start, words[words.length - 1].end);
  const line = cmd.line >= run.instr.range.start.line && cmd.line <= run.instr.range.end.line ? cmd.line : run.instr.range.start.line;
  const r = lineRange(model, line);
  // on the instruction's first line, start at the arguments (not at RUN and its flags)
  const argsStart = run.instr.argsRange.start;
  if (argsStart.line === line && argsStart.offset > r.start.offset && argsStart.offset < r.end.offset) return rangeAt(model, argsStart.offset, r.end.offset);
  return r;
}

/** Where to point a finding about one argument of a command: the word itself when it can be
 *  found, otherwise the command (see commandRange). */
export function argRange(model: DockerfileModel, run: RunInfo, cmd: ShellCommand, argIndex: number): SourceRange {
  const words = run.locator.locate(cmd, argIndex);
  const w = words?.[argIndex];
  return w ? rangeAt(model, w.start, w.end) : commandRange(model, run, cmd, words);
}

/** The message of the *-unpinned rules: "unpinned apk packages: a, b (use pkg=version)". */
export function unpinnedMessage(noun: string, operands: { value: string }[], hint: string, qualifier = ''): string {
  return `unpinned ${noun}${operands.length > 1 ? 's' : ''}${qualifier}: ${operands.map((o) => o.value).join(', ')} (${hint})`;
}

/** An edit inserting words right after a located word: `text` as written in a shell script
 *  (e.g. ' -y'), or, after an element of a JSON-form argv, each of its words as a new element
 *  (`, "-y"`). */
export function insertAfter(word: Word, text: string): Edit {
  if (word.json) return { start: word.end, end: word.end, text: text.trim().split(/\s+/).map((w) => `, ${JSON.stringify(w)}`).join('') };
  return { start: word.end, end: word.end, text };
}

/** An edit replacing the last `count` characters of a located word's value, when they are written
 *  verbatim (plain, or inside quotes); null otherwise. */
export function replaceValueEnd(word: Word, count: number, text: string): Edit | null {
  if (word.valueStart === null || count > word.value.length) return null;
  const end = word.valueStart + word.value.length;
  return { start: end - count, end, text };
}

/** Commands joined by `|` into pipelines (a command alone is a pipeline of one); made once per
 *  list of commands (a RUN's), whichever rule asks (shared: read, never change). */
export function pipelines(cmds: readonly ShellCommand[]): readonly (readonly ShellCommand[])[] {
  return once(cmds, pipelines, () => splitPipelines(cmds));
}

function splitPipelines(cmds: readonly ShellCommand[]): ShellCommand[][] {
  const out: ShellCommand[][] = [];
  let current: ShellCommand[] = [];
  for (const c of cmds) {
    current.push(c);
    if (c.next !== '|') {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** The text of the RUN that shell reads: the arguments and any heredoc bodies. */
export function runScriptText(instr: Instruction): string {
  return [instr.args, ...instr.heredocs.map((h) => h.body)].join('\n');
}
