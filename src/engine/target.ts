// The target contract: what every kind of audited thing (a Dockerfile, a compose project, an
// image, a container…) provides so that discovery, commands and the pipeline can use it without
// knowing it. Each target implements it in src/targets/<kind>/target.ts; the list of targets
// (src/targets/index.ts) is what discovery and commands ask. Types only: the engine imports no
// target.
import type { IO } from '../io.js';
import type { ResolvedConfig } from './config-types.js';
import type { CommentLike, ScopeResolver } from './suppressions.js';
import type { Finding, TargetResult } from './types.js';

/** Why an input could not be turned into a model (missing, binary, not UTF-8, not an image…):
 *  one line, becomes the result's `error`; never the end of a batch. */
export interface LoadError {
  loadError: string;
}

export function isLoadError(x: unknown): x is LoadError {
  return typeof x === 'object' && x !== null && typeof (x as LoadError).loadError === 'string';
}

/** What load() may be told; each target reads the fields it knows. */
export interface LoadOptions {
  /** Paths in models and results are relative to this folder, POSIX-style. */
  cwd: string;
  config: ResolvedConfig;
}

/** A file whose comments can hold inline ignores, with the scopes its syntax gives them. */
export interface CommentSource {
  /** Relative POSIX path of the file (as in findings' locations). */
  path: string;
  comments: readonly CommentLike[];
  /** The lines an ignore covers, from the line of its comment. */
  scopes: ScopeResolver;
}

/** How a user silences a rule of this target, for the rule pages. */
export interface SuppressionSyntax {
  /** The inline comment syntax ('# tightship ignore=<id> -- reason'), or null when the input has no comments of ours. */
  inline: string | null;
  /** Where the inline comment goes ('the line above the instruction', 'above the key'). */
  placement?: string;
}

export interface Target<M, I = string, O extends LoadOptions = LoadOptions> {
  /** The kind of target: the prefix of its rule ids and TargetRef.kind. */
  kind: string;
  /** true when the file at `path` (a relative or absolute path; `head` its first bytes, when read)
   *  is an input of this target, as a directory search finds it. */
  detect(path: string, head?: string): boolean;
  /** Reads and parses one input into the model its rules check (an input may hold several: an
   *  image tar with --all). */
  load(io: IO, input: I, options: O): Promise<M | readonly M[] | LoadError>;
  /** Problems found while loading that the model carries (parse errors), as findings. */
  problems?(model: M): Finding[];
  /** The files of the model whose comments can hold inline ignores (absent: none can). */
  comments?(model: M): readonly CommentSource[];
  /** The scopes of the model's own comments (the one-file case of comments()). */
  scopes?(model: M): ScopeResolver;
  /** How inline ignores are written for this target (docs). */
  suppression: SuppressionSyntax;
}

/** The result of a target that could not be loaded. */
export function loadErrorResult(kind: string, path: string, error: LoadError): TargetResult {
  return { target: { kind: kind as TargetResult['target']['kind'], path }, level: null, missingForNextLevel: [], findings: [], error: error.loadError };
}
