// The shape of the catalogue: every rule's metadata, the target rules plus the engine's own
// rules (tightship/*: parse errors and suppression hygiene). Docs, `tightship rules`, SARIF
// rules[], config validation, ignore comments and grading all read it, so metadata has a single
// source. The catalogue itself is put together by the registry (src/rules/index.ts) and handed
// to the engine: the engine imports no registry.
import type { RuleMeta, TargetKind } from './types.js';
export { defineEngineRule, type EngineRuleMeta } from './engine-rule.js';

export type CatalogueTarget = TargetKind | 'tightship';
export type CatalogueEntry = Omit<RuleMeta<unknown>, 'target'> & { target: CatalogueTarget };

export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export { editDistance, didYouMean } from './did-you-mean.js';
