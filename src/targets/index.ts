// The list of targets: what discovery, commands and the rule pages ask. A new target is a folder
// under targets/ with its target.ts, a rules folder, and one line here and in src/rules/index.ts.
import type { Target } from '../engine/target.js';
import { dockerfileTarget } from './dockerfile/target.js';
import { contextTarget } from './context/target.js';
import { composeTarget } from './compose/target.js';
import { imageTarget } from './image/target.js';
import { containerTarget } from './container/target.js';
import { runTarget } from './run/target.js';
import { daemonTarget } from './daemon/target.js';
import { hostTarget } from './host/target.js';
import { profileTarget } from './profile/target.js';
import { scanTarget } from './scan/target.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list of targets of different models: each caller asks for its own kind
export const targets: readonly Target<any, any, any>[] = [dockerfileTarget, contextTarget, composeTarget, imageTarget, containerTarget, runTarget, daemonTarget, hostTarget, profileTarget, scanTarget];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as targets: the caller knows the model of the kind it asks
export function targetOf(kind: string): Target<any, any, any> | undefined {
  return targets.find((t) => t.kind === kind);
}

/** How each target's findings are silenced inline, by kind (for the rule pages). */
export function suppressionSyntax(): Map<string, Target<unknown>['suppression']> {
  return new Map(targets.map((t) => [t.kind, t.suppression]));
}
