// Redaction as a property of the report: one pure step that, given everything a target's
// report will print and every secret value found in that target, returns a copy in which none
// of those values appears — in messages, fixes, related messages, locations, facts, the target
// error, and the source text formatters take code frames from. Rules keep redacting their own
// messages; this step catches what they cannot know (a rule quoting a command line that another
// rule found a token in, a code frame, a build argument echoed in a fact).
import type { Finding, Location, TargetResult } from '../engine/types.js';
import type { ReportMeta } from '../report/common.js';
import { findTokens } from './tokens.js';
import { assessValue, isSecretName, isWordLike, redact } from './names.js';

/** Values shorter than this are not replaced: they would mangle ordinary words. */
export const MIN_SECRET_LENGTH = 4;
/** Secrets at least this long are also hidden where a piece of one line of them is quoted
 *  (a message cut after 60 characters of a key body). */
const PIECE = 16;

export interface RedactionInput {
  result: TargetResult;
  /** The text formatters show code frames from (path → file text), as they receive it in
   *  `meta.sources`. */
  sources?: Readonly<Record<string, string>>;
  /** Every raw secret value found in this target (the `secrets` of its findings, see
   *  secretsOfFindings). */
  secrets: Iterable<string>;
  /** The `--build-arg NAME=value` pairs of the build: values whose name looks like a secret
   *  (TOKEN, DB_PASSWORD…) are redacted too, found by a rule or not. */
  buildArgs?: Readonly<Record<string, string>>;
}

export interface RedactionOutput {
  result: TargetResult;
  /** Same keys; every secret masked character for character (same length, same line breaks),
   *  so that line and column numbers of every finding still point at the same place. */
  sources?: Record<string, string>;
}

/** The raw values the rules attached to their findings (`Finding.secrets`). */
export function secretsOfFindings(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) if (f.secrets) for (const s of f.secrets) out.push(s);
  return out;
}

/** The build-argument values whose names look like secrets. */
export function secretBuildArgs(buildArgs: Readonly<Record<string, string>> | undefined): string[] {
  if (!buildArgs) return [];
  return Object.entries(buildArgs).filter(([name, value]) => isSecretName(name) && value.length > 0).map(([, v]) => v);
}

interface Needle {
  text: string;
  /** A piece of a longer secret (a line of a key body): matched anywhere, and a quoted prefix too. */
  piece: boolean;
  /** A quoted prefix (its first PIECE characters or more, cut short by "…" or the end of a
   *  message) is masked too: every piece, and every long secret that is not matched whole (a
   *  44-character token quoted by its first 30 characters shows most of it). */
  prefix: boolean;
  /** Matched only as a whole occurrence, not inside a longer name (`SecurityToken` is not
   *  masked in `HTTPHeaderOssSecurityToken`): values short or made of letters only. */
  whole: boolean;
  /** A plain word (`loki` as a password): hidden in messages and frames, never in a path. */
  word: boolean;
  /** What a text must contain for this needle to be found in it: its first PIECE characters
   *  (all of a piece's quoted prefixes start with them). A text holding no needle's probe is
   *  returned as it is, without looking further. */
  probe: string;
}

/** Letters, digits and `_`: the characters a name is made of. */
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Values shorter than this, or made of letters only, are matched only as whole occurrences;
 *  longer random values (tokens, key bodies, often quoted after `\n` or inside a longer
 *  string) are matched anywhere. */
const ANYWHERE_LENGTH = 16;

/** The strings to look for: each secret, and for long multi-line ones (keys) each line of them
 *  (a key body is often shown with `\n` escapes or one line at a time). Longest first, so that
 *  a secret containing another is replaced whole. */
function needles(secrets: Iterable<string>): Needle[] {
  const seen = new Set<string>();
  const out: Needle[] = [];
  const add = (text: string, piece: boolean) => {
    if (text.length < MIN_SECRET_LENGTH || seen.has(text)) return;
    seen.add(text);
    const whole = !piece && (text.length < ANYWHERE_LENGTH || /^[A-Za-z]+$/.test(text));
    const word = !piece && !worthMaskingEverywhere(text);
    out.push({ text, piece, prefix: piece || (!whole && !word && text.length >= 2 * PIECE), whole, word, probe: text.slice(0, PIECE) });
  };
  for (const s of secrets) {
    if (typeof s !== 'string') continue;
    add(s, false);
    if (s.length >= 2 * PIECE) {
      for (const part of s.split(/\\[nrt]|[\r\n\t "',|]+/)) if (part.length >= PIECE) add(part, true);
    }
  }
  return out.sort((a, b) => b.text.length - a.text.length);
}

/** The needles of a report, and one expression that finds any of their probes: a text it does
 *  not match shows none of them. */
interface Needles {
  all: Needle[];
  probe: RegExp | null;
  /** The length of the shortest probe: a shorter text (most keys, most values of a location)
   *  holds none. */
  shortest: number;
}

function needleSet(secrets: Iterable<string>): Needles {
  const all = needles(secrets);
  const probes = [...new Set(all.map((n) => n.probe))];
  const probe = probes.length > 0 ? new RegExp(probes.map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')) : null;
  return { all, probe, shortest: probes.reduce((n, p) => Math.min(n, p.length), Infinity) };
}

/** The needles to look for in a path: not the plain words. */
function withoutWords(list: Needles): Needles {
  return { ...list, all: list.all.filter((n) => !n.word) };
}

/** Every [start, end) span of text that shows a secret or a quoted piece of one. */
function spans(text: string, list: Needle[]): [number, number][] {
  const found: [number, number][] = [];
  for (const n of list) {
    for (let i = text.indexOf(n.text); i >= 0; i = text.indexOf(n.text, i + 1)) {
      if (n.whole && !isWholeOccurrence(text, i, n.text)) continue;
      found.push([i, i + n.text.length]);
    }
    if (!n.prefix) continue;
    // a quoted prefix of a piece or a long secret, cut short ("…" or the end of a message)
    const head = n.text.slice(0, PIECE);
    for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
      let j = PIECE;
      while (j < n.text.length && text[i + j] === n.text[j]) j++;
      found.push([i, i + j]);
    }
  }
  if (found.length === 0) return found;
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [found[0]];
  for (const [s, e] of found.slice(1)) {
    const last = merged[merged.length - 1];
    if (s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** The value at `at` is not part of a longer name: a name character on its edge is not
 *  continued by another outside it. */
function isWholeOccurrence(text: string, at: number, value: string): boolean {
  const before = at > 0 ? text[at - 1] : undefined;
  const after = text.at(at + value.length);
  if (before !== undefined && NAME_CHAR.test(before) && NAME_CHAR.test(value[0])) return false;
  if (after !== undefined && NAME_CHAR.test(after) && NAME_CHAR.test(value[value.length - 1])) return false;
  return true;
}

/** Whether text may show one of the needles (it holds one's probe): false means spans() would
 *  find nothing. */
function mayHold(text: string, list: Needles): boolean {
  return list.probe !== null && text.length >= list.shortest && list.probe.test(text);
}


/** Whether any string (or key) of a JSON-like value may show one of the needles, to the depth
 *  redactDeep goes; true too for an object that is not plain data, which only redactDeep's copy
 *  gives back as the report has always shown it. */
function mayHoldDeep(value: unknown, list: Needles, depth: number): boolean {
  if (typeof value === 'string') return mayHold(value, list);
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (!isPlainData(value)) return true;
  if (Array.isArray(value)) {
    for (const v of value as unknown[]) if (mayHoldDeep(v, list, depth + 1)) return true;
    return false;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    if (mayHold(k, list) || mayHoldDeep((value as Record<string, unknown>)[k], list, depth + 1)) return true;
  }
  return false;
}

/** A plain object or array: one that redactDeep's copy gives back equal when no string of it
 *  changes (it turns a Date or a Map into a plain object). */
function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** text with every secret replaced by its redact() form (a short prefix and stars). */
function redactString(text: string, list: Needles): string {
  if (!mayHold(text, list)) return text;
  const found = spans(text, list.all);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of found) {
    out += text.slice(at, s) + redact(text.slice(s, e));
    at = e;
  }
  return out + text.slice(at);
}

/** text with every secret masked in place: same length, line breaks kept. */
function maskString(text: string, list: Needles): string {
  if (!mayHold(text, list)) return text;
  const found = spans(text, list.all);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of found) {
    const value = text.slice(s, e);
    const keep = value.length > 8 ? Math.min(4, Math.floor(value.length / 4)) : 0;
    out += text.slice(at, s) + value.slice(0, keep) + value.slice(keep).replace(/[^\r\n]/g, '*');
    at = e;
  }
  return out + text.slice(at);
}

/** The target with its secrets redacted; its path only of values that look like secrets. */
function redactTarget(t: TargetResult['target'], list: Needles): TargetResult['target'] {
  if (!mayHoldDeep(t, list, 0)) return t;
  const out = redactDeep(t, list) as TargetResult['target'];
  if (typeof t.path === 'string') out.path = redactString(t.path, withoutWords(list));
  return out;
}

/** Any JSON-like value with every string redacted (facts are plain data); plain data in which no
 *  string can change is given back as it is. */
function redactDeep(value: unknown, list: Needles, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value, list);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (!mayHoldDeep(value, list, depth)) return value;
  return copyRedacted(value, list, depth);
}

function copyRedacted(value: object, list: Needles, depth: number): unknown {
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, list, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redactString(k, list)] = redactDeep(v, list, depth + 1);
  return out;
}

/** A location with its secrets redacted; a path only of values that look like secrets (a
 *  password `loki` must not turn `cmd/loki-canary/Dockerfile` into `cmd/****-canary/…`). */
function redactLocation(l: Location, list: Needles): Location {
  if (!mayHoldDeep(l, list, 0)) return l;
  const out = redactDeep(l, list) as Location;
  if (typeof l.path === 'string') out.path = redactString(l.path, withoutWords(list));
  return out;
}

/** Whether anything of the finding redactFinding rewrites may show one of the needles. */
function findingMayHold(f: Finding, list: Needles): boolean {
  if (mayHold(f.message, list) || mayHoldDeep(f.location, list, 0)) return true;
  for (const r of f.related ?? []) if (mayHold(r.message, list) || mayHoldDeep(r.location, list, 0)) return true;
  if (f.fix) {
    if (mayHold(f.fix.description, list)) return true;
    for (const e of f.fix.edits) if (mayHold(e.text, list)) return true;
  }
  return false;
}

/** The finding with its secrets redacted and without its raw `secrets`; the finding itself when
 *  there is nothing to change. */
function redactFinding(f: Finding, list: Needles): Finding {
  if (!f.secrets && !findingMayHold(f, list)) return f;
  const out: Finding = { ...f, message: redactString(f.message, list), location: redactLocation(f.location, list) };
  if (f.related) out.related = f.related.map((r) => ({ message: redactString(r.message, list), location: redactLocation(r.location, list) }));
  if (f.fix) {
    out.fix = {
      ...f.fix,
      description: redactString(f.fix.description, list),
      // edit texts are printed by formatters (SARIF fixes, JSON); a fix that writes a secret
      // back keeps its offsets but shows no value
      edits: f.fix.edits.map((e) => ({ ...e, text: redactString(e.text, list) })),
    };
  }
  if (f.secrets) delete out.secrets;
  return out;
}

/**
 * The target's report with every secret redacted: the secrets the rules found (`secrets`) and
 * the secret-named build arguments. Pure; the input is not changed. The returned findings carry
 * no `secrets` field, so nothing downstream can print a raw value by mistake.
 *
 * Note on `fix.edits[].text`: redacted too, so an edit that would write a secret is no longer
 * applicable as is — the engine must apply fixes before this step (as it does: `--fix` runs on
 * the rule findings, the report is formatted after).
 */
export function redactTargetResult(input: RedactionInput): RedactionOutput {
  const list = needleSet([...input.secrets, ...secretBuildArgs(input.buildArgs)]);
  const out: RedactionOutput = { result: redactResultWith(input.result, list) };
  if (input.sources) {
    const sources: Record<string, string> = {};
    for (const [path, text] of Object.entries(input.sources)) sources[path] = list.all.length ? maskString(text, list) : text;
    out.sources = sources;
  }
  return out;
}

/** One target's result with the needles redacted (see redactTargetResult). */
function redactResultWith(r: TargetResult, list: Needles): TargetResult {
  const result: TargetResult = {
    ...r,
    target: redactTarget(r.target, list),
    findings: r.findings.map((f) => redactFinding(f, list)),
  };
  if (r.error !== undefined) result.error = redactString(r.error, list);
  if (r.levelReason != null) result.levelReason = redactString(r.levelReason, list);
  if (r.facts) result.facts = redactDeep(r.facts, list) as Record<string, unknown>;
  return result;
}

/** One string with the given secrets redacted (for callers outside a TargetResult, e.g. a
 *  one-line error printed before any report exists). */
export function redactSecretsIn(text: string, secrets: Iterable<string>): string {
  return redactString(text, needleSet(secrets));
}

/** The values a report hides in every one of its targets: the strong secrets its rules found
 *  (a weak value — a word such as `loki` used as a password — is redacted where it was found, by
 *  its rule; masked in every string it would turn `cmd/loki-canary` into `cmd/****-canary`), and
 *  whatever no rule could find but has a token's shape — in a parse error of a file no rule read,
 *  a message, or a source line shown as a code frame. */
function reportSecrets(results: readonly TargetResult[], sources: Readonly<Record<string, string>> | undefined): string[] {
  const secrets = results.flatMap((r) => secretsOfFindings(r.findings)).filter(worthMaskingEverywhere);
  for (const r of results) {
    if (r.error !== undefined) secrets.push(...tokensIn(r.error));
    if (r.levelReason) secrets.push(...tokensIn(r.levelReason));
    for (const f of r.findings) {
      secrets.push(...tokensIn(f.message));
      if (f.related) for (const rel of f.related) secrets.push(...tokensIn(rel.message));
    }
  }
  for (const text of Object.values(sources ?? {})) secrets.push(...tokensIn(text));
  return secrets;
}

/** A report's redaction, its secrets gathered and its needles built once: `result` redacts one
 *  target's result, `sources` masks code-frame texts (same length, same line breaks), `none` says
 *  the report has nothing to hide (both then give back what they get). */
export interface ReportRedactor {
  none: boolean;
  result(r: TargetResult): TargetResult;
  target(t: TargetResult['target']): TargetResult['target'];
  sources(texts: Readonly<Record<string, string>>): Record<string, string>;
}

export function reportRedactor(results: readonly TargetResult[], meta: ReportMeta): ReportRedactor {
  // one list for every target and the sources: the same secrets and build arguments for all
  const list = needleSet([...reportSecrets(results, meta.sources), ...secretBuildArgs(meta.buildArgs)]);
  const none = list.all.length === 0;
  return {
    none,
    result: (r) => (none ? r : redactResultWith(r, list)),
    target: (t) => (none ? t : redactTarget(t, list)),
    sources: (texts) => {
      const out: Record<string, string> = {};
      for (const [path, text] of Object.entries(texts)) out[path] = none ? text : maskString(text, list);
      return out;
    },
  };
}

/** A whole report (every target of a run and the sources its code frames come from) with every
 *  secret found in any of its targets redacted in all of them: a token one target's rule found
 *  is hidden too where another target's message or frame quotes it. */
export function redactReport(results: readonly TargetResult[], meta: ReportMeta): { results: TargetResult[]; meta: ReportMeta } {
  const redactor = reportRedactor(results, meta);
  const out = results.map((result) => redactor.result(result));
  if (!meta.sources || redactor.none) return { results: out, meta };
  return { results: out, meta: { ...meta, sources: redactor.sources(meta.sources) } };
}

function tokensIn(text: string): string[] {
  return findTokens(text).map((t) => text.slice(t.index, t.index + t.length));
}

function worthMaskingEverywhere(value: string): boolean {
  if (findTokens(value).length > 0 || value.includes('\n')) return true;
  return !isWordLike(value) && assessValue(value) === 'strong';
}
