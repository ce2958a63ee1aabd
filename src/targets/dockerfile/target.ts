// The Dockerfile target: which files are Dockerfiles, how one is loaded into a DockerfileModel,
// and where its inline ignores are and what they cover.
import * as path from 'node:path';
import type { IO } from '../../io.js';
import type { Finding } from '../../engine/types.js';
import type { CommentSource, LoadError, LoadOptions, Target } from '../../engine/target.js';
import type { ScopeResolver } from '../../engine/suppressions.js';
import type { DockerfileModel } from './model.js';
import { parseDockerfile } from './parse.js';
import { parseOnce, type ParseMemo } from './parse-memo.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    dockerfile: DockerfileModel;
  }
}

/** Dockerfile, *.Dockerfile, Dockerfile.* (any case), not *.dockerignore. */
export function isDockerfileName(name: string): boolean {
  const n = path.basename(name).toLowerCase();
  if (n.endsWith('.dockerignore')) return false;
  return n === 'dockerfile' || n.endsWith('.dockerfile') || n.startsWith('dockerfile.');
}

/** The scopes of a Dockerfile: `ignore` covers the next instruction (all its lines),
 *  `ignore-stage` the rest of the stage the next instruction belongs to. */
export function dockerfileScopes(model: DockerfileModel): ScopeResolver {
  const instructions = model.instructions;
  return (d, commentLine) => {
    const next = instructions.find((i) => i.range.start.line > commentLine);
    if (!next) return null;
    if (d.scope === 'next') return { fromLine: next.range.start.line, toLine: next.range.end.line };
    const nextStage = model.stages.at(next.stageIndex < 0 ? 0 : next.stageIndex + 1);
    return { fromLine: commentLine, toLine: nextStage ? nextStage.from.range.start.line - 1 : Number.MAX_SAFE_INTEGER };
  };
}

export type DockerfileLoadOptions = LoadOptions;

/** Parse errors as findings of tightship/parse-error. */
export function parseErrorFindings(model: DockerfileModel): Finding[] {
  return model.parseErrors.map((e) => ({
    ruleId: 'tightship/parse-error',
    severity: 'error' as const,
    message: e.message,
    location: {
      path: model.path,
      startLine: e.range.start.line,
      startColumn: e.range.start.column,
      endLine: e.range.end.line,
      endColumn: e.range.end.column,
    },
  }));
}

/** Parses Dockerfile text as the file at `rel`; a parser crash becomes a load error. `build`:
 *  the stage built (the final stage follows it) and the build's own args (the config's win).
 *  With the run's parse memo (options.parsed), a parse made earlier in the run (the build map's)
 *  of the same text, args and stage is taken instead of parsing again. */
export function parseModel(text: string, rel: string, options: LoadOptions & { parsed?: ParseMemo }, build?: { target?: string; args?: Record<string, string> }): DockerfileModel | LoadError {
  try {
    const buildArgs = build?.args ? { ...build.args, ...options.config.buildArgs } : options.config.buildArgs;
    const opts = { path: rel, buildArgs, ...(build?.target !== undefined ? { target: build.target } : {}) };
    return options.parsed ? parseOnce(options.parsed, path.resolve(options.cwd, rel), text, opts) : parseDockerfile(text, opts);
  } catch (err) {
    return { loadError: `internal error while parsing: ${(err as Partial<Error> | null | undefined)?.message ?? String(err)}` };
  }
}

/** The comments of ours in a Dockerfile, and what each one's scope covers. */
export function dockerfileComments(model: DockerfileModel): CommentSource[] {
  return [{ path: model.path, comments: model.comments, scopes: dockerfileScopes(model) }];
}

export const dockerfileTarget: Target<DockerfileModel> = {
  kind: 'dockerfile',
  detect: (p) => isDockerfileName(p),
  async load(_io: IO, absPath: string, options: DockerfileLoadOptions): Promise<DockerfileModel | LoadError> {
    const { readTextFile, relativePath } = await import('./audit.js');
    const read = await readTextFile(absPath);
    if ('error' in read) return { loadError: read.error };
    return parseModel(read.text, relativePath(options.cwd, absPath), options);
  },
  problems: parseErrorFindings,
  comments: dockerfileComments,
  scopes: dockerfileScopes,
  suppression: { inline: '# tightship ignore=<id> -- <reason>', placement: 'on the line above the instruction (`ignore-stage=` for the rest of the stage, `ignore-file=` for the whole file; `# hadolint ignore=DLxxxx` is honoured too)' },
};
