// Finding fingerprints and the baseline step. A fingerprint names a finding by what it is, not by
// where it sits: the rule, the file, the offending source text with whitespace collapsed (else the
// YAML path, image path or field and the message), hashed, and the finding's index among findings
// with the same hash. Lines added above a finding do not change it; editing the offending text
// does. SARIF's partialFingerprints, GitLab's fingerprint and the baseline file all use it.
//
// The baseline (ESLint's suppressions file, for findings): `--write-baseline` records today's
// fingerprints; `--baseline` hides the findings whose fingerprint it holds, keeps the new ones, and
// names the entries that match nothing any more, so the file only shrinks. Pure: results, sources
// and a baseline in, results out; reading and writing the file is the command's job.
import { createRequire } from 'node:module';
import type { Finding, TargetResult } from './types.js';
import { compareFindings } from './run.js';

// node:crypto on first use: a lint without a baseline or a fingerprinting format never loads it
// (a few ms of a one-Dockerfile run)
let createHash: typeof import('node:crypto').createHash | undefined;
const sha256 = (text: string): string => {
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash;
  return createHash('sha256').update(text).digest('hex');
};

/** The text a fingerprint hashes: the finding's source lines with whitespace collapsed, else its
 *  logical location and message. */
function offendingText(f: Finding, sources: Readonly<Record<string, string>> | undefined, useSource: boolean): string {
  if (!useSource) return f.message;
  const l = f.location;
  const text = sources?.[l.path];
  if (text !== undefined && l.startLine >= 1) {
    const lines = text.split('\n').slice(l.startLine - 1, Math.max(l.endLine, l.startLine));
    const joined = lines.join('\n').replace(/\s+/g, ' ').trim();
    if (joined) return joined;
  }
  return [l.yamlPath, l.imagePath, l.field, f.message].filter(Boolean).join('\u0000');
}

export interface FingerprintOptions {
  /** Whether a finding's source text may be hashed; when false only its message is (the report
   *  formats hash the message of a finding whose line holds a secret). Default: always. */
  useSource?: (f: Finding) => boolean;
  /** The path a finding's file is named by in the fingerprint and the baseline entry (a baseline
   *  file names files relative to its own folder, so it holds from any working folder). Default:
   *  the location's path as it is. */
  pathOf?: (path: string) => string;
}

/** The fingerprint of each finding of the results, `<32 hex>:<n>`, n counting findings with the
 *  same hash in the order of the report formats (targets by path, findings by compareFindings).
 *  Asked for a finding that is not one of the results, it throws. */
export function findingFingerprints(
  results: readonly TargetResult[], sources: Readonly<Record<string, string>> | undefined, options: FingerprintOptions = {},
): (f: Finding) => string {
  return fingerprintsByPath(options)(results, sources);
}

/** findingFingerprints one path at a time, for a report written as it goes: call the returned
 *  function with the results of each target path in report order (same path, sorted as the
 *  formats sort); the counts of equal hashes carry over from path to path, so every finding gets
 *  the fingerprint findingFingerprints would give it over the whole run. */
export function fingerprintsByPath(options: FingerprintOptions = {}): (results: readonly TargetResult[], sources: Readonly<Record<string, string>> | undefined) => (f: Finding) => string {
  const seen = new Map<string, number>();
  return (results, sources) => {
    const out = new Map<Finding, string>();
    const ordered = [...results].sort((a, b) => cmp(a.target.path, b.target.path) || cmp(a.target.kind, b.target.kind)
      || cmp(a.target.service ?? '', b.target.service ?? '') || cmp(a.target.image ?? '', b.target.image ?? ''));
    for (const r of ordered) {
      for (const f of [...r.findings].sort(compareFindings)) {
        const text = offendingText(f, sources, options.useSource ? options.useSource(f) : true);
        const file = options.pathOf ? options.pathOf(f.location.path) : f.location.path;
        const base = sha256(`${f.ruleId}\u0000${file}\u0000${text}`).slice(0, 32);
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        out.set(f, `${base}:${n}`);
      }
    }
    return (f) => {
      const print = out.get(f);
      if (print === undefined) throw new Error(`a finding of ${f.ruleId} that is not one of the fingerprinted results`);
      return print;
    };
  };
}

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  path: string;
  fingerprint: string;
}

/** The baseline file: entries sorted by path, rule, fingerprint. */
export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  return entries.sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
}

function entryKey(e: BaselineEntry): string {
  return `${e.path}\u0000${e.ruleId}\u0000${e.fingerprint}`;
}

/** The files a run looked at: the paths of its targets and of its findings. Entries of other
 *  files are neither matched nor stale (the run did not see them); nor are those of a file that
 *  could not be audited (unreadable today is not fixed). */
function auditedPaths(results: readonly TargetResult[], pathOf: (p: string) => string): Set<string> {
  const paths = new Set<string>();
  for (const r of results) {
    if (r.error === undefined || r.findings.length > 0) paths.add(pathOf(r.target.path));
    for (const f of r.findings) paths.add(pathOf(f.location.path));
  }
  return paths;
}

const samePath = (p: string): string => p;

/** A baseline of the findings of these results. Entries of a previous baseline for files this
 *  run did not audit are kept, so writing the baseline of one folder keeps the others'. */
export function createBaseline(
  results: readonly TargetResult[], sources: Readonly<Record<string, string>> | undefined, previous?: Baseline, options: FingerprintOptions = {},
): Baseline {
  const pathOf = options.pathOf ?? samePath;
  const prints = findingFingerprints(results, sources, options);
  const entries: BaselineEntry[] = [];
  for (const r of results) {
    for (const f of r.findings) entries.push({ ruleId: f.ruleId, path: pathOf(f.location.path), fingerprint: prints(f) });
  }
  if (previous) {
    const audited = auditedPaths(results, pathOf);
    for (const e of previous.entries) if (!audited.has(e.path)) entries.push(e);
  }
  const unique = new Map(entries.map((e) => [entryKey(e), e]));
  return { version: BASELINE_VERSION, entries: sortEntries([...unique.values()]) };
}

export interface BaselineOutcome {
  /** The results without the findings the baseline holds (levels unchanged: a hidden finding
   *  still counts toward its target's level). */
  results: TargetResult[];
  /** How many findings were hidden. */
  hidden: number;
  /** Entries for files this run audited that matched no finding: fixed, or changed beyond
   *  recognition; rewrite the baseline to drop them. */
  stale: BaselineEntry[];
}

/** Hides the findings a baseline holds. */
export function applyBaseline(
  results: readonly TargetResult[], sources: Readonly<Record<string, string>> | undefined, baseline: Baseline, options: FingerprintOptions = {},
): BaselineOutcome {
  const pathOf = options.pathOf ?? samePath;
  const prints = findingFingerprints(results, sources, options);
  const known = new Set(baseline.entries.map(entryKey));
  const matched = new Set<string>();
  let hidden = 0;
  const out = results.map((r) => {
    const findings = r.findings.filter((f) => {
      const key = entryKey({ ruleId: f.ruleId, path: pathOf(f.location.path), fingerprint: prints(f) });
      if (!known.has(key)) return true;
      matched.add(key);
      hidden++;
      return false;
    });
    return findings.length === r.findings.length ? r : { ...r, findings };
  });
  const audited = auditedPaths(results, pathOf);
  const stale = baseline.entries.filter((e) => audited.has(e.path) && !matched.has(entryKey(e)));
  return { results: out, hidden, stale };
}

/** The baseline without the entries that matched nothing (what `--prune-baseline` writes). */
export function pruneBaseline(b: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const gone = new Set(stale.map(entryKey));
  return { version: BASELINE_VERSION, entries: b.entries.filter((e) => !gone.has(entryKey(e))) };
}

/** The baseline file's text: stable JSON, one entry per line. */
export function serializeBaseline(b: Baseline): string {
  const lines = b.entries.map((e) => `    ${JSON.stringify({ ruleId: e.ruleId, path: e.path, fingerprint: e.fingerprint })}`);
  return `{\n  "version": ${b.version},\n  "entries": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Reads a baseline file's text; a message saying what is wrong otherwise. */
export function parseBaseline(text: string): Baseline | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: 'not a baseline object' };
  const d = data as Record<string, unknown>;
  if (d.version !== BASELINE_VERSION) return { error: `unsupported version ${JSON.stringify(d.version)} (expected ${BASELINE_VERSION})` };
  if (!Array.isArray(d.entries)) return { error: 'entries is not an array' };
  const entries: BaselineEntry[] = [];
  for (const [i, e] of d.entries.entries()) {
    const x = e as Record<string, unknown> | null;
    if (typeof x !== 'object' || x === null || typeof x.ruleId !== 'string' || typeof x.path !== 'string'
      || typeof x.fingerprint !== 'string' || !/^[0-9a-f]{32}:[1-9][0-9]*$/.test(x.fingerprint)) {
      return { error: `entry ${i} is not {ruleId, path, fingerprint}` };
    }
    entries.push({ ruleId: x.ruleId, path: x.path, fingerprint: x.fingerprint });
  }
  return { version: BASELINE_VERSION, entries: sortEntries(entries) };
}
