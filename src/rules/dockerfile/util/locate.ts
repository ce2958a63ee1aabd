// Finding the source position of the words of a shell command, so that findings point at the
// word that matters and fixes can insert text right after it. The answers come from the model:
// the parser gives each command's words their place in the Dockerfile (ShellCommand.spans: shell
// words, JSON-form string literals, words in backticks, heredocs and `sh -c` scripts) and keeps
// the wrapper words it drops before a command (ShellCommand.wrappers: sudo, env, sh -c, …). A word
// the Dockerfile does not hold (a script given as $'…') has no place: the rules then point at the
// command's line and offer no fix.
import type { DockerfileModel, Instruction, ShellCommand, WordSpan } from '../../../targets/dockerfile/model.js';

export interface Word {
  /** The word with quotes and escapes resolved (no expansion). */
  value: string;
  /** The word as written: quotes included (a JSON-form element: its string literal). */
  start: number;
  end: number;
  /** Where the value is written verbatim (inside the quotes), or null when quotes or escapes
   *  change it: an edit of the value's characters needs it. */
  valueStart: number | null;
  /** An element of a JSON-form argv (text inserted after it is a new element). */
  json: boolean;
}

function wordOf(value: string, span: WordSpan): Word {
  return { value, start: span.start, end: span.end, valueStart: span.value, json: span.json === true };
}

/** Where the words of each command of one instruction are in the source, from the commands' spans. */
export class CommandLocator {
  constructor(
    readonly model: DockerfileModel, readonly instr: Instruction, readonly cmds: readonly ShellCommand[],
  ) {}

  /** Source words of argv[0..] of the command: all of them when they are all located, else
   *  argv[0..need]; null when not even those are. */
  locate(cmd: ShellCommand, need = 0): Word[] | null {
    if (need > cmd.argv.length - 1 || cmd.name === '') return null;
    const upTo = (last: number): Word[] | null => {
      const out: Word[] = [];
      for (let k = 0; k <= last; k++) {
        const sp = cmd.spans[k];
        if (!sp) return null;
        out.push(wordOf(cmd.argv[k], sp));
      }
      return out;
    };
    return upTo(cmd.argv.length - 1) ?? upTo(need);
  }

  /** The wrapper (e.g. sudo) the command was reached through, matched by its name without a
   *  path (the nearest one to the command when there are several): its word (null when it has no
   *  place in the source) and its own arguments; null when there is none. */
  wrapper(cmd: ShellCommand, name: string): { word: Word | null; args: readonly string[] } | null {
    let nearest: { word: Word | null; args: readonly string[] } | null = null;
    for (const w of cmd.wrappers) {
      if (baseName(w.word) === name) nearest = { word: w.span ? wordOf(w.word, w.span) : null, args: w.args };
    }
    return nearest;
  }
}

function baseName(word: string): string {
  const i = word.lastIndexOf('/');
  return i === -1 ? word : word.slice(i + 1);
}
