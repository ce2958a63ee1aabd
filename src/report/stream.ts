// A report in pieces: the results of a run, redacted as one report (a secret any target's rule
// found is hidden in every target) and sorted as every format sorts them, handed to a streaming
// format one target path at a time. Pure: a generator of strings; the command writes each piece
// before the next is made, so the whole report text, and a redacted copy of every result, never
// exist at once.
import type { TargetResult } from '../engine/types.js';
import { compareFindings } from '../engine/run.js';
import { reportRedactor } from '../secrets/redact.js';
import { compareTargets, summarise, type ReportMeta, type StreamFormatter } from './common.js';

/** The report of `results` in the pieces of a streaming format: the same bytes as the format's
 *  Formatter behind loadFormatter's redaction. One result is redacted at a time, when its path
 *  comes. */
export function* reportPieces(results: readonly TargetResult[], meta: ReportMeta, format: StreamFormatter): Generator<string> {
  // the secrets gathered and the needles built once for the whole report
  const redactor = reportRedactor(results, meta);
  // the order of the redacted targets (a path may hold a token), ties in the order given
  const targets = results.map((r) => redactor.target(r.target));
  const keyed = results.map((r, i) => ({ ...r, target: targets[i] }));
  const order = results.map((_, i) => i).sort((a, b) => compareTargets(keyed[a], keyed[b]) || a - b);
  const summary = summarise(order.map((i) => keyed[i]), meta);
  const full = (i: number) => {
    const r = redactor.result(results[i]);
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
    const masked = redactor.sources(sources);
    yield writer.path(group, masked);
  }
  yield writer.end();
}
