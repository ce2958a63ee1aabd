// The policy step of lint and image: read the --scan-report files (I/O), match each to the
// audited image(s), add the scan rules' findings to the matched target, then hold every target
// to its policy (engine/policy.ts, pure). A report about none of the audited images is a finding
// (scan/report-mismatch), an unreadable one an error result; the rest of the batch is reported.
import * as path from 'node:path';
import type { TargetResult } from '../../engine/types.js';
import type { ResolvedConfig } from '../../engine/config-types.js';
import { isLoadError } from '../../engine/target.js';
import {
  DEFAULT_SCAN_GATE, evaluatePolicy, needsScan, policiesOf, policyForPath, resolvePolicy,
  type Policy, type PolicyOutcome, type RequiredLevel,
} from '../../engine/policy.js';
import { scanRules } from '../../rules/scan/index.js';
import type { ImageIdentity } from './model.js';
import { matchImage } from './match.js';
import { loadScanReport, scanFindings } from './audit.js';

export interface PolicyRequest {
  policy?: string;
  requireLevel?: RequiredLevel;
  scanReports: string[];
}

/** The image a target is about, as a scan report would name it. */
function subjectOf(r: TargetResult): ImageIdentity {
  const facts = r.facts ?? {};
  const s: ImageIdentity = { repoDigests: [] };
  // an image result's facts.name; a compose service's facts.image
  const name = typeof facts.name === 'string' ? facts.name : typeof facts.image === 'string' ? facts.image : r.target.image;
  if (name) s.name = name;
  if (r.target.kind === 'image' && typeof facts.id === 'string') s.imageId = facts.id;
  return s;
}

function wantsPolicy(req: PolicyRequest, config: ResolvedConfig): boolean {
  return req.policy !== undefined || req.requireLevel !== undefined || req.scanReports.length > 0 || Boolean(config.policyPaths);
}

/** The default policy of a run: --policy NAME, its level replaced by --require-level. */
export function defaultPolicy(req: PolicyRequest, config: ResolvedConfig): Policy | null {
  const named = req.policy !== undefined ? resolvePolicy(req.policy, policiesOf(config), '--policy') : null;
  if (!req.requireLevel) return named;
  return { ...(named ?? {}), name: named?.name ?? `require-level ${req.requireLevel}`, level: req.requireLevel };
}

export async function applyPolicy(
  results: TargetResult[], req: PolicyRequest, ctx: { cwd: string; config: ResolvedConfig; now: string },
): Promise<{ results: TargetResult[]; outcome: PolicyOutcome | null }> {
  if (!wantsPolicy(req, ctx.config)) return { results, outcome: null };
  const policies = policiesOf(ctx.config);
  const fallback = defaultPolicy(req, ctx.config);
  const policyOf = new Map<TargetResult, Policy | null>();
  for (const r of results) {
    policyOf.set(r, r.target.kind === 'image' ? fallback : policyForPath(path.resolve(ctx.cwd, r.target.path), ctx.config, policies, fallback));
  }

  const out = [...results];
  const candidates = results.filter(needsScan);
  const scanned = new Set<TargetResult>();
  for (const file of req.scanReports) {
    const abs = path.resolve(ctx.cwd, file);
    const model = await loadScanReport(abs, ctx.cwd, { gate: DEFAULT_SCAN_GATE, now: ctx.now });
    if (isLoadError(model)) {
      out.push({ target: { kind: 'scan', path: path.relative(ctx.cwd, abs).split(path.sep).join('/') }, level: null, missingForNextLevel: [], findings: [], error: model.loadError });
      continue;
    }
    const matched = candidates.filter((r) => matchImage(model.artifact, subjectOf(r)).matches);
    for (const r of matched) {
      r.findings.push(...scanFindings(model, [subjectOf(r)], policyOf.get(r)?.scan ?? DEFAULT_SCAN_GATE, ctx.config, scanRules));
      scanned.add(r);
    }
    if (matched.length) continue;
    const mismatch = scanFindings(model, candidates.map(subjectOf), DEFAULT_SCAN_GATE, ctx.config, scanRules)
      .filter((f) => f.ruleId === 'scan/report-mismatch');
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only) {
      only.findings.push(...mismatch);
    } else {
      const target = { kind: 'scan' as const, path: model.path, ...(model.artifact.name ? { image: model.artifact.name } : {}) };
      out.push({ target, level: null, levelReason: 'a scan report is not graded', missingForNextLevel: [], findings: mismatch });
    }
  }
  const inputs = out.map((r) => ({ result: r, policy: policyOf.get(r) ?? null, scanned: scanned.has(r) }));
  if (!inputs.some((i) => i.policy)) return { results: out, outcome: null };
  const name = req.policy ?? (req.requireLevel ? null : 'per-path');
  return { results: out, outcome: evaluatePolicy(inputs, name, fallback?.level ?? null) };
}

/** The exit code with the policy's verdict: a failed policy makes a clean run exit 1. */
export function withPolicy(code: number, outcome: PolicyOutcome | null): number {
  return code === 0 && outcome && !outcome.pass ? 1 : code;
}
