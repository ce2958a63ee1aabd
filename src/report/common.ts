// What every formatter receives besides the results, and helpers they share. Formatters are
// pure: (results, meta) => string, no I/O, no clock. Most formats also write their report in
// pieces (StreamFormatter): the same bytes, one target path at a time, so a run never holds the
// whole report text (report/stream.ts drives them, commands/output.ts writes the pieces).
import type { Finding, Level, Severity, TargetRef, TargetResult } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import type { AppliedFix } from '../engine/fix.js';
import { compareFindings } from '../engine/run.js';
import { SEVERITY_RANK } from '../engine/types.js';

export interface ReportMeta {
  toolVersion: string;
  /** Every rule's metadata (titles, help, levels). */
  rules: readonly CatalogueEntry[];
  /** Source text by relative path, for code frames and fingerprints; files absent here get neither. */
  sources?: Record<string, string>;
  /** ANSI colour (pretty only). */
  color?: boolean;
  /** What --fix changed, by relative path. */
  fixed?: Record<string, AppliedFix[]>;
  /** The build arguments of the run: values of secret-named ones are redacted everywhere. */
  buildArgs?: Readonly<Record<string, string>>;
  /** lint: how the projects build their images (the build map, paths relative to the cwd), the
   *  map's notes about builds it could not use, and the files considered and not audited. */
  project?: {
    builds: readonly { dockerfile: string; context: string; target?: string; source: string; file: string; line: number; name?: string }[];
    notes: readonly { file: string; line: number; message: string }[];
    skipped: readonly { path: string; reason: string }[];
  };
  /** The --fail-on threshold in force for a target (its folder's config); absent: error. The
   *  formats that say pass or fail (junit) fail exactly the findings the exit code counts. */
  failOn?: (target: TargetRef) => Severity | 'none';
  /** The policy gate's outcome (--require-level, --policy, policyPaths), when one applied. */
  policy?: import('../engine/policy.js').PolicyOutcome;
  /** What the results handed over leave out, for the summary of the pretty report: findings below
   *  --severity (quiet: --quiet, which also leaves out targets with nothing to show), findings a
   *  --baseline holds. */
  display?: {
    severity: Severity;
    quiet: boolean;
    belowSeverity: number;
    baseline?: { file: string; hidden: number };
  };
}

export type Formatter = (results: readonly TargetResult[], meta: ReportMeta) => string;

/** What a report says before or after its targets, counted over every result of the run
 *  (counts do not change with redaction; the error targets are redacted). */
export interface ReportSummary {
  totals: Totals;
  /** The rule ids of every finding, sorted, once each. */
  ruleIds: readonly string[];
  /** The targets that could not be audited, in report order. */
  errors: readonly TargetResult[];
  /** JUnit's counts: test cases, failures at the target's --fail-on, targets in error. */
  cases: { tests: number; failures: number; errors: number };
}

/** One run of a streaming format: its state (commas, fingerprint counts) lives here. Pure: each
 *  call returns the next piece of the report; begin, then one call per target path in report
 *  order (the results of that path, sorted as sortedResults sorts them, with the sources their
 *  findings are in), then end. The pieces joined are the bytes of the format's Formatter. */
export interface ReportWriter {
  begin(): string;
  path(results: readonly TargetResult[], sources: Readonly<Record<string, string>>): string;
  end(): string;
}

export type StreamFormatter = (meta: ReportMeta, summary: ReportSummary) => ReportWriter;

export const INFORMATION_URI = 'https://github.com/tightship/tightship';
export const DOCS_BASE_URI = `${INFORMATION_URI}/blob/main/docs/rules/`;

export function docsUri(ruleId: string): string {
  return `${DOCS_BASE_URI}${ruleId}.md`;
}

const NEXT: Record<Level, Level | null> = { root: 'nonroot', nonroot: 'hardened', hardened: null };
export function nextLevel(level: Level | null): Level | null {
  return level ? NEXT[level] : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareTargets(a: TargetResult, b: TargetResult): number {
  const s = a.target;
  const t = b.target;
  return cmp(s.path, t.path) || cmp(s.kind, t.kind) || cmp(s.service ?? '', t.service ?? '') || (s.line ?? 0) - (t.line ?? 0) || cmp(s.image ?? '', t.image ?? '')
    || cmp(s.context ?? '', t.context ?? '') || cmp(s.stage ?? '', t.stage ?? '');
}

/** Results sorted by target, findings sorted by location: the deterministic order of every format. */
export function sortedResults(results: readonly TargetResult[]): TargetResult[] {
  return [...results].sort(compareTargets).map((r) => ({ ...r, findings: [...r.findings].sort(compareFindings) }));
}

export interface Totals {
  targets: number;
  error: number;
  warning: number;
  info: number;
  targetErrors: number;
  levels: Record<Level, number>;
}

export function totals(results: readonly TargetResult[]): Totals {
  const t: Totals = { targets: results.length, error: 0, warning: 0, info: 0, targetErrors: 0, levels: { root: 0, nonroot: 0, hardened: 0 } };
  for (const r of results) {
    if (r.error !== undefined) t.targetErrors++;
    if (r.level) t.levels[r.level]++;
    for (const f of r.findings) t[f.severity]++;
  }
  return t;
}

/** The report summary of results (report order for the error targets). */
export function summarise(results: Iterable<TargetResult>, meta: ReportMeta): ReportSummary {
  const t: Totals = { targets: 0, error: 0, warning: 0, info: 0, targetErrors: 0, levels: { root: 0, nonroot: 0, hardened: 0 } };
  const ids = new Set<string>();
  const errors: TargetResult[] = [];
  const cases = { tests: 0, failures: 0, errors: 0 };
  for (const r of results) {
    t.targets++;
    if (r.error !== undefined) {
      t.targetErrors++;
      errors.push(r);
      cases.errors++;
    }
    if (r.level) t.levels[r.level]++;
    const failOn = meta.failOn ? meta.failOn(r.target) : 'error';
    for (const f of r.findings) {
      t[f.severity]++;
      ids.add(f.ruleId);
      if (atOrAbove(f.severity, failOn)) cases.failures++;
    }
    cases.tests += Math.max(1, r.findings.length + (r.error !== undefined ? 1 : 0));
  }
  return { totals: t, ruleIds: [...ids].sort(), errors, cases };
}

/** `JSON.stringify(value, null, 2)` indented to sit `depth` levels deep in a larger document
 *  (a JSON text has line breaks only between its tokens, never inside a string). */
function indentedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/** The elements of a JSON array written one at a time, as JSON.stringify(array, null, 2) nested
 *  at `depth` writes them: `next(value)` is the text of one more element (the comma before it
 *  included), `any` whether one has been written. */
export class JsonElements {
  any = false;
  readonly #indent: string;
  readonly #depth: number;
  constructor(depth: number) {
    this.#depth = depth;
    this.#indent = `\n${'  '.repeat(depth)}`;
  }
  next(value: unknown): string {
    const comma = this.any ? ',' : '';
    this.any = true;
    return `${comma}${this.#indent}${indentedJson(value, this.#depth)}`;
  }
}

/** A JSON document whose array at `key` (an empty array in `frame`) is written element by
 *  element: the text before its first element and after its last, as JSON.stringify(frame,
 *  null, 2) would surround the elements. `depth`: the nesting of the key's line. */
export function jsonFrame(frame: unknown, key: string, depth: number): { head: string; tail: (any: boolean) => string } {
  const text = `${JSON.stringify(frame, null, 2)}\n`;
  const marker = `\n${'  '.repeat(depth)}${JSON.stringify(key)}: []`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no ${key} array in the report frame`);
  const open = at + marker.length - 1;
  return { head: text.slice(0, open), tail: (any) => `${any ? `\n${'  '.repeat(depth)}` : ''}${text.slice(open)}` };
}

/** Whether a finding counts toward the exit code under a threshold. */
export function atOrAbove(severity: Severity, failOn: Severity | 'none'): boolean {
  return failOn !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

/** A target's name for people: its path, with the compose service or image. */
export function targetName(t: TargetRef): string {
  if (t.service) return `${t.path} (service ${t.service})`;
  if (t.image) return `${t.path} (image ${t.image})`;
  return t.path;
}

/** Whether a finding's source lines may be shown: never for secrets. */
export function showsSource(f: Finding): boolean {
  return !f.sensitive && !/secret|credential|password|token|private-key/i.test(f.ruleId);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
