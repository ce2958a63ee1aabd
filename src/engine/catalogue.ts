// The catalogue: every rule's metadata, the target rules of the registry plus the engine's own
// rules (tightship/*: parse errors and suppression hygiene). Docs, `tightship rules`, SARIF
// rules[] and config validation all read it, so metadata has a single source.
import type { RuleMeta, TargetKind } from './types.js';
export { defineEngineRule, type EngineRuleMeta } from './engine-rule.js';
import { allRules } from '../rules/index.js';
import { tightshipRules } from '../rules/tightship/index.js';

export type CatalogueTarget = TargetKind | 'tightship';
export type CatalogueEntry = Omit<RuleMeta<any>, 'target'> & { target: CatalogueTarget };

/** Every rule, sorted by id. */
export function catalogue(): CatalogueEntry[] {
  return [...allRules, ...tightshipRules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function catalogueById(): Map<string, CatalogueEntry> {
  return new Map(catalogue().map((r) => [r.id, r]));
}

export { editDistance, didYouMean } from './did-you-mean.js';
