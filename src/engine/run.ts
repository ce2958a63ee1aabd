// Runs the rules of one target kind over a model and turns their reports into findings,
// then applies configuration (disable, severity override), suppressions and the level.
import type {
  Finding, Level, Location, Rule, RuleContext, RuleMeta, ReportDescriptor, TargetKind, TargetModels, TargetRef, TargetResult,
} from './types.js';
import { SEVERITY_RANK } from './types.js';
import type { ResolvedConfig } from './config-types.js';

/** An inline ignore (or a hadolint pragma mapped to our ids), already parsed from the target. */
export interface Suppression {
  ruleIds: string[];
  /** Lines the suppression covers (inclusive). */
  fromLine: number;
  toLine: number;
  reason: string | null;
  /** Where the ignore comment is, to report it when unused or without a reason. */
  location: Location;
  /** ISO date after which it no longer applies, if given. */
  expires?: string;
  /** Set by applySuppressions. */
  used?: boolean;
  /** Which comment syntax it came from (hadolint pragmas are not held to tightship's hygiene rules). */
  tool?: 'tightship' | 'hadolint';
  /** Ids the comment named that no rule has; reported as an unused ignore. */
  unknownIds?: string[];
  /** Scope written in the comment. */
  scope?: 'next' | 'stage' | 'file';
}

export interface RunOptions {
  config: ResolvedConfig;
  rules: readonly Rule[];
  /** Today's date (YYYY-MM-DD) for expiring ignores; passed in so checks stay clock-free. */
  today?: string;
}

function locationFrom(path: string, d: ReportDescriptor): Location {
  if (d.range) {
    return {
      path,
      startLine: d.range.start.line,
      startColumn: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: d.range.end.column,
      ...d.location,
    };
  }
  return { path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, ...d.location };
}

const compiledOptions = new WeakMap<ResolvedConfig, Map<Rule, unknown>>();

/** A rule's options: its defaults overlaid with the config's (computed once per config and rule). */
export function compileOptions(rule: Rule, config: ResolvedConfig): unknown {
  let byRule = compiledOptions.get(config);
  if (!byRule) {
    byRule = new Map();
    compiledOptions.set(config, byRule);
  }
  if (!byRule.has(rule)) {
    const defaults: unknown = rule.options?.defaults ?? {};
    const given = config.rules[rule.id]?.options ?? {};
    byRule.set(rule, Object.freeze({ ...(defaults as object), ...given }));
  }
  return byRule.get(rule);
}

interface PlannedRule {
  rule: Rule;
  severity: Finding['severity'];
  /** The config overrides the severity (a per-finding severity is then ignored). */
  overridden: boolean;
  options: unknown;
}

type Plan = PlannedRule[] & { settings: Snapshot };
/** What a plan was computed from (a config or rule list changed in place makes it stale). */
interface Snapshot { rules: number; ids: string[]; settings: unknown[]; severities: unknown[] }

const plans = new WeakMap<ResolvedConfig, WeakMap<readonly Rule[], Map<TargetKind, Plan>>>();

function snapshot(opts: RunOptions): Snapshot {
  const ids = Object.keys(opts.config.rules);
  const settings = ids.map((id) => opts.config.rules[id]);
  return { rules: opts.rules.length, ids, settings, severities: settings.map((s) => s?.severity) };
}

function planIsCurrent(plan: Plan, opts: RunOptions): boolean {
  const snap = plan.settings;
  if (snap.rules !== opts.rules.length) return false;
  const ids = Object.keys(opts.config.rules);
  if (ids.length !== snap.ids.length) return false;
  for (let i = 0; i < ids.length; i++) {
    const setting = opts.config.rules[ids[i]];
    if (ids[i] !== snap.ids[i] || setting !== snap.settings[i] || setting?.severity !== snap.severities[i]) return false;
  }
  return true;
}

/** The enabled rules of one kind with their effective severity and options, computed once per
 *  config, rule list and kind (a batch lints many files with the same ones). */
function planRules(kind: TargetKind, opts: RunOptions): Plan {
  let byRules = plans.get(opts.config);
  if (!byRules) {
    byRules = new WeakMap();
    plans.set(opts.config, byRules);
  }
  let byKind = byRules.get(opts.rules);
  if (!byKind) {
    byKind = new Map();
    byRules.set(opts.rules, byKind);
  }
  let plan = byKind.get(kind);
  if (!plan || !planIsCurrent(plan, opts)) {
    plan = Object.assign([] as PlannedRule[], { settings: snapshot(opts) });
    for (const rule of opts.rules) {
      if (rule.target !== kind) continue;
      const setting = opts.config.rules[rule.id];
      if (setting?.severity === 'off') continue;
      plan.push({
        rule,
        severity: setting?.severity ?? rule.severity,
        overridden: Boolean(setting?.severity),
        options: compileOptions(rule, opts.config),
      });
    }
    byKind.set(kind, plan);
  }
  return plan;
}

/** Runs every enabled rule of the model's kind. A rule that throws yields one error finding
 *  (the rule id and the error message), never a crash of the batch. */
export function runRules<K extends TargetKind>(
  kind: K, model: TargetModels[K], path: string, opts: RunOptions,
): Finding[] {
  const findings: Finding[] = [];
  for (const planned of planRules(kind, opts)) {
    const { rule, severity, overridden } = planned;
    const context: RuleContext<unknown> = {
      path,
      options: planned.options,
      // an own function (not a method): rules may destructure it
      report(d) {
        const f: Finding = {
          ruleId: rule.id,
          // a per-finding severity is relative to the rule's default; a configured override wins
          severity: overridden ? severity : (d.severity ?? severity),
          message: d.message,
          location: locationFrom(path, d),
        };
        if (d.related?.length) f.related = d.related;
        if (d.fix) f.fix = d.fix;
        if (d.sensitive) f.sensitive = true;
        if (d.secrets?.length) f.secrets = d.secrets;
        if (d.code !== undefined) f.code = d.code;
        findings.push(f);
      },
    };
    try {
      (rule.check as (m: unknown, c: RuleContext<unknown>) => void)(model, context);
    } catch (err) {
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        message: `internal error in rule ${rule.id}: ${thrownText(err)}`,
        location: { path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      });
    }
  }
  return findings;
}

/** Drops findings covered by a suppression and marks the suppressions that were used. */
export function applySuppressions(
  findings: Finding[], suppressions: Suppression[], today?: string, onSuppressed?: (finding: Finding, by: Suppression) => void,
): Finding[] {
  if (suppressions.length === 0) return findings;
  return findings.filter((f) => {
    for (const s of suppressions) {
      if (s.expires && today && s.expires < today) continue;
      if (!s.ruleIds.includes(f.ruleId) && !s.ruleIds.includes('*') && !(f.code !== undefined && s.ruleIds.includes(f.code))) continue;
      if (f.location.startLine >= s.fromLine && f.location.startLine <= s.toLine) {
        s.used = true;
        onSuppressed?.(f, s);
        return false;
      }
    }
    return true;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  const l = a.location;
  const m = b.location;
  return (
    cmp(l.path, m.path) || l.startLine - m.startLine || l.startColumn - m.startColumn ||
    cmp(a.ruleId, b.ruleId) || cmp(l.imagePath ?? '', m.imagePath ?? '') || cmp(l.field ?? '', m.field ?? '') ||
    cmp(a.message, b.message)
  );
}

/** What a thrown value says: its message, else the value as text. */
function thrownText(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') return err.message;
  return String(err);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What grading needs to know of a rule. */
export type GradedRule = Pick<RuleMeta<unknown>, 'id' | 'level' | 'breaksBuild'>;

export interface Grade {
  level: Level | null;
  /** Rule ids whose findings keep the target from the next level. */
  missingForNextLevel: string[];
  /** Set when level is null: the target would not build. */
  levelReason?: string;
}

const rulesById = new WeakMap<readonly GradedRule[], Map<string, GradedRule>>();

/** The level a target reaches given its findings. An error finding of a rule that marks a build
 *  failure (breaksBuild) means the target is not graded at all: the level would claim more than
 *  the evidence. Otherwise a finding (of any severity) of a rule guarding 'nonroot' keeps it at
 *  'root'; one guarding 'hardened' keeps it at 'nonroot', and missingForNextLevel names them. */
export function gradeLevel(findings: readonly Finding[], rules: readonly GradedRule[]): Grade {
  let byId = rulesById.get(rules);
  if (!byId) {
    byId = new Map(rules.map((r) => [r.id, r]));
    rulesById.set(rules, byId);
  }
  const blockingNonroot = new Set<string>();
  const blockingHardened = new Set<string>();
  const broken: Finding[] = [];
  for (const f of findings) {
    const rule = byId.get(f.ruleId);
    if (f.severity === 'error' && rule?.breaksBuild) broken.push(f);
    const level = rule?.level;
    if (level === 'nonroot') blockingNonroot.add(f.ruleId);
    else if (level === 'hardened') blockingHardened.add(f.ruleId);
  }
  if (broken.length) {
    const first = [...broken].sort(compareFindings)[0];
    const more = broken.length > 1 ? ` (and ${broken.length - 1} more)` : '';
    return { level: null, missingForNextLevel: [], levelReason: `does not build: ${first.message} (${first.ruleId}, line ${first.location.startLine})${more}` };
  }
  if (blockingNonroot.size) return { level: 'root', missingForNextLevel: [...blockingNonroot].sort() };
  if (blockingHardened.size) return { level: 'nonroot', missingForNextLevel: [...blockingHardened].sort() };
  return { level: 'hardened', missingForNextLevel: [] };
}

/** Builds the result of one target: sorted findings and the level. */
export function makeResult(target: TargetRef, findings: Finding[], rules: readonly GradedRule[], facts?: Record<string, unknown>): TargetResult {
  const sorted = [...findings].sort(compareFindings);
  const grade = gradeLevel(sorted, rules);
  const result: TargetResult = { target, level: grade.level, missingForNextLevel: grade.missingForNextLevel, findings: sorted };
  if (grade.levelReason !== undefined) result.levelReason = grade.levelReason;
  if (facts) result.facts = facts;
  return result;
}

/** true when a finding is at or above the threshold; 'none' never fails. */
export function failsAt(findings: readonly Finding[], failOn: ResolvedConfig['failOn']): boolean {
  if (failOn === 'none') return false;
  const min = SEVERITY_RANK[failOn];
  return findings.some((f) => SEVERITY_RANK[f.severity] >= min);
}

/** The CLI's exit code for a batch: 2 when a target could not be audited, 1 when a finding is at
 *  or above that target's threshold, 0 otherwise. */
export function exitCode(results: readonly TargetResult[], failOnOf: (r: TargetResult) => ResolvedConfig['failOn']): number {
  if (results.some((r) => r.error !== undefined)) return 2;
  return results.some((r) => failsAt(r.findings, failOnOf(r))) ? 1 : 0;
}
