// The image target: a docker-save tar, an OCI layout (folder or tar) or an image of the local
// engine, read into ImageModels (a tar may hold several). Images have no comments: a rule is
// silenced in the config.
import type { IO } from '../../io.js';
import type { LoadError, LoadOptions, Target } from '../../engine/target.js';
import { UserError } from '../../engine/types.js';
import type { ImageModel } from './model.js';
import type { ReadOptions } from './readers.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    image: ImageModel;
  }
}

export interface ImageLoadOptions extends LoadOptions, ReadOptions {
  /** Throw a read problem (UserError, with its hint) instead of returning it as a LoadError. */
  throwUserErrors?: boolean;
}

export const imageTarget: Target<ImageModel, string, ImageLoadOptions> = {
  kind: 'image',
  // images are named on the command line, never found by a directory search
  detect: () => false,
  async load(_io: IO, input: string, options: ImageLoadOptions): Promise<readonly ImageModel[] | LoadError> {
    const { readImages } = await import('./readers.js');
    try {
      return await readImages(input, options.cwd, options);
    } catch (err) {
      if (err instanceof UserError && !options.throwUserErrors) return { loadError: `${err.message}${err.hint ? ` (${err.hint})` : ''}` };
      throw err;
    }
  },
  suppression: { inline: null },
};
