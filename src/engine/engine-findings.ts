// Helpers for the engine's own findings (tightship/*).
import type { Finding } from './types.js';
import type { ResolvedConfig } from './config-types.js';
import { ignoreCatalogue, type IgnoreCatalogue } from './suppressions.js';
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

type Named = { id: string; equivalents?: { hadolint?: string[] } };
const catalogues = new WeakMap<readonly Named[], IgnoreCatalogue>();

/** The ids ignore comments may name: those of the catalogue given (the target rules and the
 *  engine's own), computed once per catalogue. */
export function knownIds(entries: readonly Named[]): IgnoreCatalogue {
  let c = catalogues.get(entries);
  if (!c) {
    c = ignoreCatalogue(entries);
    catalogues.set(entries, c);
  }
  return c;
}

export function suggester(known: IgnoreCatalogue): (id: string) => string | null {
  return (id) => didYouMean(id, known.ids);
}
