// The JSON report: a versioned contract (schema/report.schema.json). Version 1 keeps at least
// version, results[].target, level, findings[].ruleId/severity/message/location; other fields
// may be added, never removed or renamed without a new version.
import type { Finding, TargetResult } from '../engine/types.js';
import { JsonElements, jsonFrame, nextLevel, sortedResults, totals, type Formatter, type ReportMeta, type StreamFormatter, type Totals } from './common.js';

export const JSON_REPORT_VERSION = 1;

function finding(f: Finding, titles: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    location: f.location,
  };
  const title = titles.get(f.ruleId);
  if (title) out.title = title;
  if (f.related?.length) out.related = f.related;
  if (f.fix) out.fix = f.fix;
  if (f.sensitive) out.sensitive = true;
  if (f.code !== undefined) out.code = f.code;
  return out;
}

function result(r: TargetResult, titles: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    target: r.target,
    level: r.level,
  };
  if (r.levelReason !== undefined) out.levelReason = r.levelReason;
  out.nextLevel = nextLevel(r.level);
  out.missingForNextLevel = r.missingForNextLevel;
  if (r.acceptedRisks?.length) out.acceptedRisks = r.acceptedRisks;
  if (r.error !== undefined) out.error = r.error;
  if (r.facts) out.facts = r.facts;
  if (r.notes?.length) out.notes = r.notes;
  out.findings = r.findings.map((f) => finding(f, titles));
  return out;
}

/** The report without its results (an empty array where they go). */
function frame(t: Totals, meta: ReportMeta, results: Record<string, unknown>[]): Record<string, unknown> {
  const report: Record<string, unknown> = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'tightship', version: meta.toolVersion },
    results,
    summary: {
      targets: t.targets,
      errors: t.error,
      warnings: t.warning,
      infos: t.info,
      targetErrors: t.targetErrors,
      levels: t.levels,
    },
  };
  if (meta.project) {
    report.builds = meta.project.builds;
    if (meta.project.notes.length) report.buildNotes = meta.project.notes;
    if (meta.project.skipped.length) report.skipped = meta.project.skipped;
  }
  if (meta.policy) {
    const o = meta.policy;
    report.policy = {
      name: o.name, requiredLevel: o.requiredLevel, pass: o.pass, checked: o.checked,
      shortfalls: o.shortfalls.map((s) => ({ target: s.target, policy: s.policy, requiredLevel: s.requiredLevel, level: s.level, reason: s.reason, missing: s.missing })),
    };
  }
  const { fixed } = meta;
  if (fixed && Object.keys(fixed).length) {
    report.fixed = Object.keys(fixed).sort().map((path) => ({ path, fixes: fixed[path] }));
  }
  return report;
}

export const formatJson: Formatter = (results, meta) => {
  const sorted = sortedResults(results);
  const titles = new Map(meta.rules.map((r) => [r.id, r.title]));
  return `${JSON.stringify(frame(totals(sorted), meta, sorted.map((r) => result(r, titles))), null, 2)}\n`;
};

/** The same report one target at a time. */
export const streamJson: StreamFormatter = (meta, summary) => {
  const titles = new Map(meta.rules.map((r) => [r.id, r.title]));
  const { head, tail } = jsonFrame(frame(summary.totals, meta, []), 'results', 1);
  const elements = new JsonElements(2);
  return {
    begin: () => head,
    path: (results) => results.map((r) => elements.next(result(r, titles))).join(''),
    end: () => tail(elements.any),
  };
};
