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

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest known id, when it is close enough to be a plausible typo. */
export function didYouMean(id: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  const tail = id.includes('/') ? id.slice(id.indexOf('/') + 1) : id;
  for (const k of known) {
    const kTail = k.slice(k.indexOf('/') + 1);
    const score = Math.min(editDistance(id, k), editDistance(tail, kTail) + (id.includes('/') ? 1 : 0));
    if (score < bestScore) { bestScore = score; best = k; }
  }
  if (best === null) return null;
  return bestScore <= Math.max(3, Math.floor(id.length / 3)) ? best : null;
}
