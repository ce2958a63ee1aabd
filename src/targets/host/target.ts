// The host target: the Docker host tightship runs on, read-only (tightship host). Not found in
// folders; no comments: a rule is silenced in the config.
import type { IO } from '../../io.js';
import type { Target } from '../../engine/target.js';
import type { HostModel } from './model.js';
import type { HostLoadOptions } from './load.js';
import type { LoadOptions } from '../../engine/target.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    host: HostModel;
  }
}

export interface HostTargetOptions extends LoadOptions {
  host: HostLoadOptions;
}

export const hostTarget: Target<HostModel, null, HostTargetOptions> = {
  kind: 'host',
  detect: () => false,
  async load(io: IO, _input: null, options: HostTargetOptions): Promise<HostModel> {
    const { loadHost } = await import('./load.js');
    return (await loadHost(io, options.host)).host;
  },
  suppression: { inline: null },
};
