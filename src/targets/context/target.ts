// The build-context target: never found on its own (a context is what a Dockerfile's build
// sends), loaded beside a parsed Dockerfile; its findings join the Dockerfile's result, so its
// ignores are the Dockerfile's comments (at the COPY a finding names as related).
import type { IO } from '../../io.js';
import type { LoadError, LoadOptions, Target } from '../../engine/target.js';
import { UserError } from '../../engine/types.js';
import type { DockerfileModel } from '../dockerfile/model.js';
import { dockerfileScopes } from '../dockerfile/target.js';
import type { ContextModel } from './model.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    context: ContextModel;
  }
}

export interface ContextInput {
  dockerfile: DockerfileModel;
  dockerfileAbsPath: string;
}

export interface ContextLoadTargetOptions extends LoadOptions {
  /** Build context folder given with --context (default: the Dockerfile's folder). */
  contextDir?: string;
}

export const contextTarget: Target<ContextModel, ContextInput, ContextLoadTargetOptions> = {
  kind: 'context',
  detect: () => false,
  async load(_io: IO, input: ContextInput, options: ContextLoadTargetOptions): Promise<ContextModel | LoadError> {
    const { loadContext } = await import('./audit.js');
    try {
      return loadContext(input.dockerfile, input.dockerfileAbsPath, {
        cwd: options.cwd, ...(options.contextDir !== undefined ? { contextDir: options.contextDir } : {}),
      });
    } catch (err) {
      if (err instanceof UserError) return { loadError: err.message };
      throw err;
    }
  },
  // the Dockerfile's comments: a finding in a sent file is ignored at the COPY it names as related
  comments: (model) => [{ path: model.dockerfilePath, comments: model.dockerfile.comments, scopes: dockerfileScopes(model.dockerfile) }],
  suppression: {
    inline: '# tightship ignore=<id> -- <reason>',
    placement: 'in the Dockerfile, on the line above the COPY or ADD that sends the file',
  },
};
