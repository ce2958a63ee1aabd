// Helpers shared by target auditors for the engine's own findings (tightship/*).
import type { Finding } from './types.js';
import type { ResolvedConfig } from './config-types.js';
import type { Rule } from './types.js';
import { ignoreCatalogue, type IgnoreCatalogue } from './suppressions.js';
import { tightshipRules } from '../rules/tightship/index.js';
import { didYouMean } from './did-you-mean.js';

/** Applies `off` and severity overrides from the config to engine findings (rules' own
 *  findings got theirs in runRules). */
export function configureEngineFindings(findings: Finding[], config: ResolvedConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const s = config.rules[f.ruleId]?.severity;
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

const catalogues = new WeakMap<readonly Rule[], IgnoreCatalogue>();

/** The ids ignore comments may name: the given rules plus the engine's own. */
export function knownIds(rules: readonly Rule[]): IgnoreCatalogue {
  let c = catalogues.get(rules);
  if (!c) {
    c = ignoreCatalogue([...rules, ...tightshipRules]);
    catalogues.set(rules, c);
  }
  return c;
}

export function suggester(known: IgnoreCatalogue): (id: string) => string | null {
  return (id) => didYouMean(id, known.ids);
}
