// The runtime variables the course sets for each language, and where the final stage stands on them.
// Shared by dockerfile/runtime-env-missing (the hardened criteria) and dockerfile/runtime-env-recommended.
import type { SourceRange } from '../../../engine/types.js';
import type { DockerfileModel } from '../../../targets/dockerfile/model.js';
import { fromImageRange, rangeOfText } from './ranges.js';
import { finalLanguages, type Language } from './language.js';
import { hasUnresolved } from './values.js';

interface EnvCriterion {
  name: string;
  /** The value wanted; null: any non-empty value (how Python reads its switches). */
  value: string | null;
  what: string;
}

export const HARDENED_ENV: Record<Language, readonly EnvCriterion[]> = {
  python: [
    { name: 'PYTHONDONTWRITEBYTECODE', value: null, what: 'no .pyc files written next to the code at run time' },
    { name: 'PYTHONUNBUFFERED', value: null, what: 'output reaches the log at once, not lost in a buffer when the process dies' },
  ],
  node: [
    { name: 'NODE_ENV', value: 'production', what: 'frameworks drop development behaviour (verbose errors, stack traces in answers, no caching)' },
  ],
};

export const RECOMMENDED_ENV: Record<Language, readonly EnvCriterion[]> = {
  python: [
    { name: 'PYTHONFAULTHANDLER', value: null, what: 'a crash in native code prints the Python traceback' },
    { name: 'PIP_NO_CACHE_DIR', value: null, what: 'pip keeps no download cache in the image' },
    { name: 'PIP_DISABLE_PIP_VERSION_CHECK', value: null, what: 'pip does not call out to check for a newer pip' },
  ],
  node: [],
};

interface EnvGap {
  language: Language;
  why: string;
  /** The criteria not met; `found` is the value in force when it is set to something else. */
  missing: { criterion: EnvCriterion; found: string | null }[];
  range: SourceRange;
}

/** The criteria of the table that the final stage does not meet, per language it serves. */
export function envGaps(model: DockerfileModel, table: Record<Language, readonly EnvCriterion[]>): EnvGap[] {
  const final = model.final;
  if (!final) return [];
  const env = final.stage.env;
  const out: EnvGap[] = [];
  for (const { language, why } of finalLanguages(model)) {
    const missing: EnvGap['missing'] = [];
    for (const c of table[language]) {
      const v = Object.prototype.hasOwnProperty.call(env, c.name) ? env[c.name] ?? '' : null;
      if (v !== null && hasUnresolved(v)) continue;
      const ok = v !== null && (c.value === null ? v !== '' : v === c.value);
      if (!ok) missing.push({ criterion: c, found: v === null || v === '' ? null : v });
    }
    if (missing.length === 0) continue;
    // a wrong value is shown where it was set; a missing one at the final FROM
    const wrong = missing.find((m) => m.found !== null);
    const name = wrong?.criterion.name;
    const setter = name === undefined ? undefined
      : final.chain.flatMap((s) => s.instructions).filter((i) => i.keyword === 'ENV' && i.args.includes(name)).pop();
    const range = setter && name !== undefined ? rangeOfText(model, setter, name) : fromImageRange(model, final.stage);
    out.push({ language, why, missing, range });
  }
  return out;
}

export function describeMissing(gap: EnvGap): string {
  return gap.missing.map(({ criterion: c, found }) => `${c.name}=${c.value ?? '1'}${found !== null ? ` (it is ${found})` : ''}`).join(', ');
}
