// The one pipeline from a model to its results, used by every target, by verify and by the rule
// tester: run the rules → load/parse problems as findings → findings of joined models (the
// build context of a Dockerfile) → inline suppressions (a finding in another file can be ignored
// at the line its `related` names) → the engine's findings about the ignores → the config's
// disables and severity overrides → the level → sorted results. Pure: no I/O, no clock.
import type { AcceptedRisk, Finding, ModelRule, Rule, TargetRef, TargetResult } from './types.js';
import type { ResolvedConfig } from './config-types.js';
import type { CatalogueEntry } from './catalogue.js';
import type { CommentSource } from './target.js';
import { applySuppressions, makeResult, runRules, type Suppression } from './run.js';
import { commentSuppressions, suppressionFindings } from './suppressions.js';
import { configureEngineFindings, knownIds, suggester } from './engine-findings.js';

/** One result of a model that is reported in parts (a compose project: one per service). */
export interface ResultPart {
  target: TargetRef;
  /** false for a part that has no level (a compose file's own problems). */
  graded: boolean;
  facts?: Record<string, unknown>;
}

export interface AuditInput<M> {
  /** What the result is about. */
  target: TargetRef;
  /** The path findings default to (relative POSIX). */
  path: string;
  /** The rules to run over the model (rules of other kinds in the list are skipped). */
  rules: readonly (ModelRule<M> | Rule)[];
  /** Every rule's metadata, the engine's own included: the ids ignore comments may name, the
   *  levels and build-breaking rules grading reads. */
  catalogue: readonly CatalogueEntry[];
  config: ResolvedConfig;
  /** Today's date (YYYY-MM-DD) for expiring ignores; passed in so the pipeline stays clock-free. */
  today?: string;
  /** Problems found while loading (parse errors), already as findings. */
  loadFindings?: readonly Finding[];
  /** Findings of other models that belong to this target (a Dockerfile's build context). */
  joined?: readonly Finding[];
  /** Files whose comments can hold inline ignores (Target.comments(model)). */
  comments?: readonly CommentSource[];
  facts?: Record<string, unknown>;
  /** Set when part of the audit failed (the result keeps its findings and carries the error). */
  error?: string;
  /** Reports the model in parts: `parts` always get a result (in this order); partOf places each
   *  finding, and a part it returns that is not among `parts` gets a result too, before them,
   *  sorted by path. */
  split?: { parts: readonly ResultPart[]; partOf(finding: Finding): ResultPart };
}

/** The target's results: one, or one per part when the input asks for a split. */
export function audit<M>(model: M, input: AuditInput<M>): TargetResult[] {
  const { config, today } = input;
  const kind = input.target.kind;
  let findings = runRules(kind, model as never, input.path, { config, rules: input.rules as readonly Rule[], ...(today !== undefined ? { today } : {}) });
  if (input.loadFindings?.length) findings = findings.concat(input.loadFindings);
  if (input.joined?.length) findings = findings.concat(input.joined);

  let risks: SuppressedRisk[] = [];
  if (config.inlineIgnores && input.comments?.length) {
    const out = suppress(findings, input.comments, input);
    findings = out.kept;
    risks = out.risks;
  }
  findings = configureEngineFindings(findings, config);

  if (!input.split) {
    return [finish(input.target, findings, true, risks.map((r) => r.risk), input, input.facts)];
  }
  const always = new Set(input.split.parts);
  const byPart = new Map<ResultPart, { findings: Finding[]; risks: AcceptedRisk[] }>(input.split.parts.map((p) => [p, { findings: [], risks: [] }]));
  const split = input.split;
  const place = (f: Finding) => {
    const part = split.partOf(f);
    let slot = byPart.get(part);
    if (!slot) {
      slot = { findings: [], risks: [] };
      byPart.set(part, slot);
    }
    return slot;
  };
  for (const f of findings) place(f).findings.push(f);
  // a risk belongs to the part its suppressed finding would have been in
  for (const r of risks) place(r.finding).risks.push(r.risk);
  const extra = [...byPart.keys()].filter((p) => !always.has(p)).sort((a, b) => (a.target.path < b.target.path ? -1 : a.target.path > b.target.path ? 1 : 0));
  return [...extra, ...input.split.parts].map((p) => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- every part is a key: the split's from the start, the others as placed
    const slot = byPart.get(p)!;
    return finish(p.target, slot.findings, p.graded, slot.risks, input, p.facts);
  });
}

function finish(
  target: TargetRef, findings: Finding[], graded: boolean, risks: AcceptedRisk[], input: AuditInput<unknown>,
  facts: Record<string, unknown> | undefined,
): TargetResult {
  const r = makeResult(target, findings, input.catalogue, facts);
  if (!graded) {
    r.level = null;
    r.missingForNextLevel = [];
    delete r.levelReason;
  }
  if (risks.length) r.acceptedRisks = risks;
  if (input.error !== undefined) r.error = input.error;
  return r;
}

/** A reasoned ignore that suppressed a finding (kept to place the risk in its part). */
interface SuppressedRisk {
  risk: AcceptedRisk;
  finding: Finding;
}

function suppress(findings: Finding[], sources: readonly CommentSource[], input: AuditInput<unknown>): { kept: Finding[]; risks: SuppressedRisk[] } {
  const known = knownIds(input.catalogue);
  const suggest = suggester(known);
  const commented = new Set(sources.map((s) => s.path));
  const dropped = new Set<Finding>();
  const engine: Finding[] = [];
  const risks: SuppressedRisk[] = [];
  for (const source of sources) {
    const suppressions: Suppression[] = commentSuppressions(source.comments, known, source.path, source.scopes);
    if (suppressions.length === 0) continue;
    // the file's own findings, and findings in files without comments of ours (a secret in
    // .env) that name a line of this file as related (the COPY that sends it)
    const candidates: Finding[] = [];
    const original = new Map<Finding, Finding>();
    for (const f of findings) {
      if (f.location.path === source.path) {
        candidates.push(f);
        original.set(f, f);
      } else if (!commented.has(f.location.path)) {
        const at = f.related?.find((r) => r.location.path === source.path);
        if (at) {
          const proxy = { ...f, location: at.location };
          candidates.push(proxy);
          original.set(proxy, f);
        }
      }
    }
    const seen = new Set<string>();
    applySuppressions(candidates, suppressions, input.today, (f, by) => {
      const orig = original.get(f) ?? f; // every candidate is in original
      dropped.add(orig);
      const key = `${by.location.startLine}:${by.location.startColumn}\0${f.ruleId}`;
      if (by.reason !== null && !seen.has(key)) {
        seen.add(key);
        risks.push({ risk: { ruleId: f.ruleId, reason: by.reason, location: by.location }, finding: orig });
      }
    });
    engine.push(...suppressionFindings(suppressions, input.today ?? '', suggest));
  }
  return { kept: findings.filter((f) => !dropped.has(f)).concat(engine), risks };
}
