// Metadata of the rules the engine itself reports (tightship/*): parse errors and suppression
// hygiene. They have no check over a model; the engine emits their findings.
import type { RuleMeta } from './types.js';

export interface EngineRuleMeta extends Omit<RuleMeta, 'target'> {
  target: 'tightship';
}

export function defineEngineRule(meta: EngineRuleMeta): EngineRuleMeta {
  return meta;
}
