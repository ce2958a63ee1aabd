// Policy by environment: the level each environment requires (dev: nonroot; staging, prod:
// hardened; regulated: hardened plus a recent vulnerability scan without blocking findings),
// adjusted or defined in .tightship.yaml (`policies:`, `policyPaths:`). Pure: the audited
// results and the policy of each go in, the outcome comes out; no I/O, no clock.
import type { Level, TargetRef, TargetResult } from './types.js';
import { LEVELS, UserError } from './types.js';
import type { ResolvedConfig } from './config-types.js';
import { didYouMean } from './did-you-mean.js';
import { compileConfigGlob } from './config.js';

export type ScanSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN';
export const SCAN_SEVERITIES: readonly ScanSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];

/** What a scan report must satisfy. */
export interface ScanGate {
  /** Severities that block. */
  failOn: ScanSeverity[];
  /** Only a vulnerability with a fix available blocks. */
  requireFix: boolean;
  /** A report older than this many days is stale. */
  maxAgeDays: number;
}

export const DEFAULT_SCAN_GATE: ScanGate = { failOn: ['HIGH', 'CRITICAL'], requireFix: true, maxAgeDays: 7 };

export type RequiredLevel = Exclude<Level, 'root'>;

export interface Policy {
  name: string;
  level: RequiredLevel;
  /** A scan report is required for every image (image targets, compose services with an image). */
  scan?: ScanGate;
}

/** A policy as .tightship.yaml writes it (every key optional when it adjusts a built-in one). */
export interface PolicySetting {
  level?: RequiredLevel;
  scan?: Partial<ScanGate> | boolean;
}

export const BUILTIN_POLICIES: Readonly<Record<string, Policy>> = {
  dev: { name: 'dev', level: 'nonroot' },
  staging: { name: 'staging', level: 'hardened' },
  prod: { name: 'prod', level: 'hardened' },
  regulated: { name: 'regulated', level: 'hardened', scan: DEFAULT_SCAN_GATE },
};

/** The built-in policies adjusted by, and with those defined in, the config. */
export function policiesOf(config: Pick<ResolvedConfig, 'policies'>): Record<string, Policy> {
  const out: Record<string, Policy> = { ...BUILTIN_POLICIES };
  for (const [name, s] of Object.entries(config.policies ?? {})) {
    const base: Policy | undefined = Object.hasOwn(out, name) ? out[name] : undefined;
    const level = s.level ?? base?.level ?? 'hardened';
    const p: Policy = { name, level };
    if (s.scan !== false && (s.scan !== undefined || base?.scan)) p.scan = { ...DEFAULT_SCAN_GATE, ...base?.scan, ...(typeof s.scan === 'object' ? s.scan : {}) };
    out[name] = p;
  }
  return out;
}

/** The policy of this name, or a usage error naming the closest one. */
export function resolvePolicy(name: string, policies: Record<string, Policy>, origin: string): Policy {
  const p = Object.hasOwn(policies, name) ? policies[name] : undefined;
  if (p) return p;
  const guess = didYouMean(name, Object.keys(policies));
  throw new UserError(`unknown policy '${name}' (${origin})${guess ? `; did you mean '${guess}'?` : ''}`,
    `known policies: ${Object.keys(policies).sort().join(', ')} (define more under 'policies:' in .tightship.yaml)`);
}

/** The policy a target path falls under by `policyPaths` (first matching glob), else the fallback.
 *  absPath: the target's absolute path (globs are relative to the config file's folder). */
export function policyForPath(absPath: string, config: Pick<ResolvedConfig, 'policyPaths' | 'baseDir'>, policies: Record<string, Policy>, fallback: Policy | null): Policy | null {
  if (!config.policyPaths || !config.baseDir) return fallback;
  const base = config.baseDir.replace(/\\/g, '/').replace(/\/$/, '');
  const p = absPath.replace(/\\/g, '/');
  if (!p.startsWith(`${base}/`)) return fallback;
  const rel = p.slice(base.length + 1);
  for (const [glob, name] of Object.entries(config.policyPaths)) {
    if (compileConfigGlob(glob).test(rel)) return resolvePolicy(name, policies, `policyPaths '${glob}'`);
  }
  return fallback;
}

export interface Shortfall {
  target: TargetRef;
  policy: string;
  requiredLevel: RequiredLevel;
  level: Level | null;
  /** Why it falls short, one line. */
  reason: string;
  /** Rule ids whose findings keep it below the required level (or block its scan). */
  missing: string[];
}

export interface PolicyOutcome {
  /** The policy's name; null for a bare --require-level; 'per-path' when only policyPaths applied. */
  name: string | null;
  requiredLevel: RequiredLevel | null;
  pass: boolean;
  /** How many targets a policy applied to. */
  checked: number;
  shortfalls: Shortfall[];
}

export interface PolicyInput {
  result: TargetResult;
  /** The policy this target is held to; null: none. */
  policy: Policy | null;
  /** A scan report about this target's image was given and read. */
  scanned: boolean;
}

const rank = (l: Level | null): number => (l === null ? -1 : LEVELS.indexOf(l));

/** A target a scan policy asks a report for: an image, or anything naming the image it runs. */
export function needsScan(r: TargetResult): boolean {
  return r.target.kind === 'image' || (r.target.kind === 'compose' && typeof (r.target.image ?? r.facts?.image) === 'string');
}

/** The level gate: every target under a policy reaches its level (an ungraded one does not), and
 *  under a scan policy each image has a matched scan report without scan findings. */
export function evaluatePolicy(inputs: readonly PolicyInput[], name: string | null, requiredLevel: RequiredLevel | null): PolicyOutcome {
  const shortfalls: Shortfall[] = [];
  let checked = 0;
  for (const { result: r, policy, scanned } of inputs) {
    if (!policy || r.target.kind === 'scan') continue;
    checked++;
    const base = { target: r.target, policy: policy.name, requiredLevel: policy.level, level: r.level };
    if (r.level === null) {
      shortfalls.push({ ...base, reason: `not graded: ${r.error ?? r.levelReason ?? 'no level'}`, missing: [] });
    } else if (rank(r.level) < rank(policy.level)) {
      shortfalls.push({ ...base, reason: `${r.level}, below ${policy.level}`, missing: [...r.missingForNextLevel] });
    }
    if (policy.scan && needsScan(r)) {
      const blocking = [...new Set(r.findings.filter((f) => f.ruleId.startsWith('scan/')).map((f) => f.ruleId))].sort();
      if (!scanned) shortfalls.push({ ...base, reason: 'no vulnerability scan report for this image (give one with --scan-report)', missing: [] });
      else if (blocking.length) shortfalls.push({ ...base, reason: 'its scan report does not pass', missing: blocking });
    }
  }
  return { name, requiredLevel, pass: shortfalls.length === 0, checked, shortfalls };
}
