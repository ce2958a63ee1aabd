// A report in pieces: the results of a run, redacted as one report (a secret any target's rule
// found is hidden in every target) and sorted as every format sorts them, handed to a streaming
// format one target path at a time. Pure: a generator of strings; the command writes each piece
// before the next is made, so the whole report text, and a redacted copy of every result, never
// exist at once.
import type { TargetResult } from '../engine/types.js';
import { compareFindings } from '../engine/run.js';
import { findTokens } from '../secrets/tokens.js';
import { assessValue, isWordLike } from '../secrets/names.js';
import { MIN_SECRET_LENGTH, redactTargetResult, secretBuildArgs, secretsOfFindings } from '../secrets/redact.js';
import { compareTargets, summarise, type ReportMeta, type StreamFormatter } from './common.js';

/** The values redactReport hides in every target of a report: the strong secrets the rules
 *  found, and whatever has a token's shape in an error, a message or a source text. */
function reportSecrets(results: readonly TargetResult[], sources: Readonly<Record<string, string>> | undefined): string[] {
  const secrets = results.flatMap((r) => secretsOfFindings(r.findings)).filter(worthMaskingEverywhere);
  for (const r of results) {
    if (r.error !== undefined) secrets.push(...tokensIn(r.error));
    if (r.levelReason) secrets.push(...tokensIn(r.levelReason));
    for (const f of r.findings) {
      secrets.push(...tokensIn(f.message));
      for (const rel of f.related ?? []) secrets.push(...tokensIn(rel.message));
    }
  }
  for (const text of Object.values(sources ?? {})) secrets.push(...tokensIn(text));
  return secrets;
}

function tokensIn(text: string): string[] {
  return findTokens(text).map((t) => text.slice(t.index, t.index + t.length));
}

function worthMaskingEverywhere(value: string): boolean {
  if (findTokens(value).length > 0 || value.includes('\n')) return true;
  return !isWordLike(value) && assessValue(value) === 'strong';
}

/** The report of `results` in the pieces of a streaming format: the same bytes as the format's
 *  Formatter behind loadFormatter's redaction. One result is redacted at a time, when its path
 *  comes. */
export function* reportPieces(results: readonly TargetResult[], meta: ReportMeta, format: StreamFormatter): Generator<string> {
  const secrets = reportSecrets(results, meta.sources);
  const buildArgs = meta.buildArgs;
  const redact = (result: TargetResult, sources?: Record<string, string>) =>
    redactTargetResult({ result, secrets, ...(buildArgs ? { buildArgs } : {}), ...(sources ? { sources } : {}) });
  // nothing to hide (no value long enough to be masked): the targets and sources are as they are
  const none = secrets.every((v) => typeof v !== 'string' || v.length < MIN_SECRET_LENGTH) && secretBuildArgs(buildArgs).every((v) => v.length < MIN_SECRET_LENGTH);
  // the order of the redacted targets (a path may hold a token), ties in the order given
  const targets = none ? results.map((r) => r.target) : results.map((r) => redact({ target: r.target, level: null, missingForNextLevel: [], findings: [] }).result.target);
  const keyed = results.map((r, i) => ({ ...r, target: targets[i] }));
  const order = results.map((_, i) => i).sort((a, b) => compareTargets(keyed[a], keyed[b]) || a - b);
  const summary = summarise(order.map((i) => keyed[i]), meta);
  const full = (i: number) => {
    const r = redact(results[i]).result;
    return { ...r, findings: [...r.findings].sort(compareFindings) };
  };
  const writer = format(meta, { ...summary, errors: order.filter((i) => results[i].error !== undefined).map(full) });
  yield writer.begin();
  for (let at = 0; at < order.length;) {
    const path = targets[order[at]].path;
    const group: TargetResult[] = [];
    for (; at < order.length && targets[order[at]].path === path; at++) group.push(full(order[at]));
    const sources: Record<string, string> = {};
    for (const r of group) {
      for (const f of r.findings) {
        const p = f.location.path;
        const text = meta.sources?.[p];
        if (text !== undefined && !Object.hasOwn(sources, p)) sources[p] = text;
      }
    }
    const masked = none ? sources : Object.keys(sources).length ? redact({ target: group[0].target, level: null, missingForNextLevel: [], findings: [] }, sources).sources ?? {} : {};
    yield writer.path(group, masked);
  }
  yield writer.end();
}
