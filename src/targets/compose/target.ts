// The compose target: compose files by name (as `docker compose` finds them), a project (base +
// overrides) loaded into a ComposeModel, and `#` comments as inline ignores scoped by indentation.
import * as path from 'node:path';
import type { IO } from '../../io.js';
import type { CommentSource, LoadError, LoadOptions, Target } from '../../engine/target.js';
import { yamlScopes, type ScopeResolver } from '../../engine/suppressions.js';
import type { ComposeModel } from './model.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    compose: ComposeModel;
  }
}

export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;
export const COMPOSE_OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'] as const;
const ALL_NAMES = new Set<string>([...COMPOSE_FILE_NAMES, ...COMPOSE_OVERRIDE_NAMES]);

export function isComposeFile(fileName: string): boolean {
  return ALL_NAMES.has(path.basename(fileName));
}

export function composeComments(model: ComposeModel): CommentSource[] {
  return model.files.map((file) => ({ path: file.path, comments: file.comments, scopes: lazyScopes(file.text) }));
}

/** The file's scopes, worked out on the first ignore comment that asks (most files have none). */
function lazyScopes(text: string): ScopeResolver {
  let scopes: ScopeResolver | undefined;
  return (directive, commentLine) => (scopes ??= yamlScopes(text))(directive, commentLine);
}

export interface ComposeLoadOptions extends LoadOptions {
  /** Variables for interpolation, over the `.env` beside the base file. */
  env?: Record<string, string>;
}

export const composeTarget: Target<ComposeModel, string[], ComposeLoadOptions> = {
  kind: 'compose',
  detect: (p) => isComposeFile(p),
  async load(_io: IO, files: string[], options: ComposeLoadOptions): Promise<ComposeModel | LoadError> {
    const { loadComposeProject } = await import('./audit.js');
    return loadComposeProject(files, options);
  },
  comments: composeComments,
  suppression: {
    inline: '# tightship ignore=<id> -- <reason>',
    placement: 'on the line above the key (it covers the key and the block below it; `ignore-file=` for the whole file)',
  },
};
