// The engine's own rules: reported by the engine (parse errors, suppression hygiene), not by a
// check over a model. Listed here once, like every target's rules.
import type { EngineRuleMeta } from '../../engine/engine-rule.js';
import parseError from './parse-error.js';
import ignoreWithoutReason from './ignore-without-reason.js';
import unusedIgnore from './unused-ignore.js';
import expiredIgnore from './expired-ignore.js';

export const tightshipRules: EngineRuleMeta[] = [parseError, ignoreWithoutReason, unusedIgnore, expiredIgnore];
