// The registry: the only place where the list of every rule is put together.
import type { Rule } from '../engine/types.js';
import { byId, type CatalogueEntry } from '../engine/catalogue.js';
import { tightshipRules } from './tightship/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { contextRules } from './context/index.js';
import { composeRules } from './compose/index.js';
import { imageRules } from './image/index.js';
import { containerRules } from './container/index.js';
import { runRules } from './run/index.js';
import { daemonRules } from './daemon/index.js';
import { hostRules } from './host/index.js';
import { profileRules } from './profile/index.js';
import { scanRules } from './scan/index.js';

export const allRules: readonly Rule[] = [
  ...dockerfileRules,
  ...contextRules,
  ...composeRules,
  ...imageRules,
  ...containerRules,
  ...runRules,
  ...daemonRules,
  ...hostRules,
  ...profileRules,
  ...scanRules,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

/** Every rule's metadata (the target rules and the engine's own), sorted by id. */
export function catalogue(): CatalogueEntry[] {
  return [...allRules, ...tightshipRules].sort(byId);
}

export function catalogueById(): Map<string, CatalogueEntry> {
  return new Map(catalogue().map((r) => [r.id, r]));
}
