// The container target: an image run by verify, or a running container, probed from inside over
// the Engine API. Containers have no comments: a rule is silenced in the config.
import type { IO } from '../../io.js';
import type { LoadError, LoadOptions, Target } from '../../engine/target.js';
import { UserError } from '../../engine/types.js';
import type { ContainerModel } from './model.js';
import type { VerifyOptions, VerifyOutcome } from './engine.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    container: ContainerModel;
  }
}

export type ContainerInput = { image: string } | { container: string };

export interface ContainerLoadOptions extends LoadOptions {
  verify: VerifyOptions;
  /** Receives the probes' explanations (the evidence table shows them). */
  onOutcome?: (outcome: VerifyOutcome) => void;
  /** Throw a problem (UserError, with its hint; ContainerStartError) instead of returning it as a LoadError. */
  throwUserErrors?: boolean;
}

export const containerTarget: Target<ContainerModel, ContainerInput, ContainerLoadOptions> = {
  kind: 'container',
  detect: () => false,
  async load(_io: IO, input: ContainerInput, options: ContainerLoadOptions): Promise<ContainerModel | LoadError> {
    const { verifyImage, verifyContainer } = await import('./engine.js');
    try {
      const outcome = 'container' in input ? await verifyContainer(input.container, options.verify) : await verifyImage(input.image, options.verify);
      options.onOutcome?.(outcome);
      return outcome.model;
    } catch (err) {
      if (err instanceof UserError && !options.throwUserErrors) return { loadError: `${err.message}${err.hint ? ` (${err.hint})` : ''}` };
      throw err;
    }
  },
  suppression: { inline: null },
};
