// The run target: the files that write container command lines (shell scripts, Makefiles, CI
// workflows, package.json, systemd units, Markdown), each loaded into a RunModel, and `#`
// comments as inline ignores: one covers the command that starts on the next line (all of its
// continuation lines), `ignore-file=` the whole file.
import type { IO } from '../../io.js';
import type { CommentSource, LoadError, LoadOptions, Target } from '../../engine/target.js';
import { hashComments, type ScopeResolver } from '../../engine/suppressions.js';
import { commandFileKind, hasShellShebang } from '../project/command-files.js';
import type { RunModel } from './model.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    run: RunModel;
  }
}

/** true when the file is one the command-line extractor reads (`head`: its first bytes, for a name without extension). */
export function isCommandFile(rel: string, head?: string): boolean {
  const kind = commandFileKind(rel);
  if (kind === null) return head !== undefined && hasShellShebang(head);
  if (kind === 'maybe-shell') return head !== undefined && hasShellShebang(head);
  return true;
}

export function runScopes(model: RunModel): ScopeResolver {
  const total = model.text.split('\n').length;
  return (directive, commentLine) => {
    if (directive.scope === 'file') return { fromLine: 1, toLine: total };
    const cmd = model.commands.find((c) => c.at.line > commentLine && c.at.line <= commentLine + 1);
    if (!cmd) return { fromLine: commentLine + 1, toLine: commentLine + 1 };
    const end = Math.max(cmd.at.endLine, ...cmd.flags.map((f) => f.at.endLine), cmd.image?.at.endLine ?? 0);
    return { fromLine: commentLine + 1, toLine: end };
  };
}

export function runComments(model: RunModel): CommentSource[] {
  return [{ path: model.path, comments: hashComments(model.text), scopes: runScopes(model) }];
}

export const runTarget: Target<RunModel> = {
  kind: 'run',
  detect: (p, head) => isCommandFile(p, head),
  async load(_io: IO, file: string, options: LoadOptions): Promise<RunModel | LoadError> {
    const { loadRunFile } = await import('./audit.js');
    return loadRunFile(file, options.cwd);
  },
  comments: runComments,
  scopes: runScopes,
  suppression: {
    inline: '# tightship ignore=<id> -- <reason>',
    placement: 'on the line above the command (it covers the whole command, continuation lines included; `ignore-file=` for the whole file)',
  },
};
