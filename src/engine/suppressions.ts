// Inline ignores written as `#` comments, for any target whose format has them (Dockerfile,
// compose YAML):
//   # tightship ignore=<id>[,<id>] [expires=YYYY-MM-DD] -- reason      the next instruction / key
//   # tightship ignore-stage=<id>[,…] …                                  the rest of the stage
//   # tightship ignore-file=<id>[,…] …                                   the whole file
//   # hadolint ignore=DL3008,DL3009    /   # hadolint global ignore=…    mapped through equivalents
// The engine reports ignores without a reason, unused ones and expired ones as info findings.
import type { Finding, Location, SourceRange } from './types.js';
import type { Suppression } from './run.js';
import { applySuppressions } from './run.js';

export type IgnoreScope = 'next' | 'stage' | 'file';

export interface IgnoreDirective {
  tool: 'tightship' | 'hadolint';
  scope: IgnoreScope;
  /** Our rule ids (hadolint ids mapped through the rules' equivalents), and codes inside a rule
   *  (SC2086, see Finding.code). '*' means every rule. */
  ruleIds: string[];
  /** Ids the comment named that no rule has (tightship comments only). */
  unknownIds: string[];
  reason: string | null;
  /** YYYY-MM-DD */
  expires?: string;
}

/** What the parser needs to know about the rules: their ids and hadolint equivalents. */
export interface IgnoreCatalogue {
  ids: Set<string>;
  /** hadolint id (DL3008) -> our ids */
  hadolint: Map<string, string[]>;
  /** The finer ids rules' findings carry (RuleMeta.codes), e.g. ShellCheck's SC2086. */
  codes?: RegExp[];
}

export function ignoreCatalogue(rules: Iterable<{ id: string; equivalents?: { hadolint?: string[] }; codes?: string }>): IgnoreCatalogue {
  const ids = new Set<string>();
  const hadolint = new Map<string, string[]>();
  const codes: RegExp[] = [];
  for (const r of rules) {
    ids.add(r.id);
    if (r.codes) codes.push(new RegExp(`^(?:${r.codes})$`, 'i'));
    for (const h of r.equivalents?.hadolint ?? []) {
      const key = h.toUpperCase();
      hadolint.set(key, [...(hadolint.get(key) ?? []), r.id]);
    }
  }
  return { ids, hadolint, codes };
}

const isCode = (id: string, known: IgnoreCatalogue): boolean => (known.codes ?? []).some((re) => re.test(id));

const TIGHTSHIP = /^tightship[\s:]+(ignore|ignore-stage|ignore-file)\s*=\s*(.*)$/i;
const HADOLINT = /^hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]*?)\s*$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses the text of one comment (with or without the leading '#'); null when it is not an ignore. */
export function parseIgnoreComment(comment: string, known: IgnoreCatalogue): IgnoreDirective | null {
  const text = comment.replace(/^\s*#\s*/, '').trim();
  let m = TIGHTSHIP.exec(text);
  if (m) {
    const scope: IgnoreScope = m[1].toLowerCase() === 'ignore' ? 'next' : m[1].toLowerCase() === 'ignore-stage' ? 'stage' : 'file';
    let rest = m[2];
    let reason: string | null = null;
    const sep = rest.search(/\s--(\s|$)|^--(\s|$)/);
    if (sep >= 0) {
      reason = rest.slice(sep).replace(/^\s*--/, '').trim() || null;
      rest = rest.slice(0, sep);
    }
    // ids are a comma list, possibly with spaces after commas; then optional key=value words
    const idPart = /^([^\s,]+(?:\s*,\s*[^\s,]+)*)(.*)$/.exec(rest.trim());
    const ids = (idPart?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    let expires: string | undefined;
    for (const word of (idPart?.[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
      const kv = /^expires=(.*)$/i.exec(word);
      if (kv && DATE.test(kv[1])) expires = kv[1];
      else if (kv) ids.push(`expires=${kv[1]}`); // reported as unknown: a malformed date must not be ignored silently
    }
    const ruleIds: string[] = [];
    const unknownIds: string[] = [];
    for (const id of ids) {
      if (id === '*' || known.ids.has(id)) ruleIds.push(id);
      else if (isCode(id, known)) ruleIds.push(id.toUpperCase());
      else unknownIds.push(id);
    }
    const d: IgnoreDirective = { tool: 'tightship', scope, ruleIds, unknownIds, reason };
    if (expires) d.expires = expires;
    return d;
  }
  m = HADOLINT.exec(text);
  if (m) {
    const ruleIds = new Set<string>();
    for (const h of m[2].split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)) {
      for (const id of known.hadolint.get(h) ?? []) ruleIds.add(id);
      if (isCode(h, known)) ruleIds.add(h);
    }
    return { tool: 'hadolint', scope: m[1] ? 'file' : 'next', ruleIds: [...ruleIds].sort(), unknownIds: [], reason: null };
  }
  return null;
}

export interface CommentLike {
  /** The comment's text, with or without the leading '#'. */
  text: string;
  range: SourceRange;
}

/** Lines a directive covers, given the line of its comment; null when it covers nothing. */
export type ScopeResolver = (directive: IgnoreDirective, commentLine: number) => { fromLine: number; toLine: number } | null;

/** Turns the ignore comments of a file into suppressions. */
export function commentSuppressions(
  comments: readonly CommentLike[], known: IgnoreCatalogue, path: string, scopeOf: ScopeResolver,
): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    const d = parseIgnoreComment(c.text, known);
    if (!d) continue;
    const scope = d.scope === 'file' ? { fromLine: 1, toLine: Number.MAX_SAFE_INTEGER } : scopeOf(d, c.range.start.line);
    const location: Location = {
      path,
      startLine: c.range.start.line,
      startColumn: c.range.start.column,
      endLine: c.range.end.line,
      endColumn: c.range.end.column,
    };
    const s: Suppression = {
      ruleIds: d.ruleIds,
      fromLine: scope?.fromLine ?? 0,
      toLine: scope?.toLine ?? -1,
      reason: d.reason,
      location,
      tool: d.tool,
      scope: d.scope,
      unknownIds: d.unknownIds,
    };
    if (d.expires) s.expires = d.expires;
    out.push(s);
  }
  return out;
}

/** Info findings about the suppressions themselves; call after applySuppressions. */
export function suppressionFindings(suppressions: readonly Suppression[], today: string, suggest?: (id: string) => string | null): Finding[] {
  const out: Finding[] = [];
  for (const s of suppressions) {
    if (s.tool === 'hadolint') continue; // migration aid: pragmas are honoured, not policed
    const what = s.ruleIds.concat(s.unknownIds ?? []).join(',');
    if (s.reason === null) {
      out.push({ ruleId: 'tightship/ignore-without-reason', severity: 'info', location: s.location,
        message: `ignore of ${what} gives no reason; add one after ' -- '` });
    }
    for (const id of s.unknownIds ?? []) {
      const hint = suggest?.(id);
      out.push({ ruleId: 'tightship/unused-ignore', severity: 'info', location: s.location,
        message: id.startsWith('expires=')
          ? `ignore has a malformed date '${id}' (use expires=YYYY-MM-DD)`
          : `ignore names unknown rule '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}` });
    }
    const expired = s.expires !== undefined && s.expires < today;
    if (expired) {
      out.push({ ruleId: 'tightship/expired-ignore', severity: 'info', location: s.location,
        message: `ignore of ${s.ruleIds.join(',')} expired on ${s.expires}; its findings are reported again` });
    } else if (!s.used && s.ruleIds.length > 0) {
      out.push({ ruleId: 'tightship/unused-ignore', severity: 'info', location: s.location,
        message: `ignore of ${s.ruleIds.join(',')} suppresses nothing${s.toLine < s.fromLine ? ' (no instruction follows it)' : ''}` });
    }
  }
  return out;
}

/** Drops suppressed findings and adds the findings about the suppressions (one call for a target). */
export function applyCommentIgnores(
  findings: Finding[], suppressions: Suppression[], today: string, suggest?: (id: string) => string | null,
): Finding[] {
  const kept = applySuppressions(findings, suppressions, today);
  return kept.concat(suppressionFindings(suppressions, today, suggest));
}

/** Full-line `#` comments of a YAML-like text (a `#` inside a value is not a comment we need). */
export function hashComments(text: string): CommentLike[] {
  const out: CommentLike[] = [];
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const col = line.search(/\S/);
    if (col >= 0 && line[col] === '#') {
      out.push({
        text: line.slice(col + 1).trim(),
        range: {
          start: { line: i + 1, column: col + 1, offset: offset + col },
          end: { line: i + 1, column: line.length + 1, offset: offset + line.length },
        },
      });
    }
    offset += raw.length + 1;
  });
  return out;
}

/** YAML scopes by indentation: `ignore` covers the next non-blank, non-comment line and, when
 *  that line opens a block (a key whose value is on the following, deeper-indented lines), the
 *  whole block; `ignore-stage` is treated like `ignore` (YAML has no stages). */
export function yamlScopes(text: string): ScopeResolver {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const indentOf = (l: string) => l.search(/\S/);
  const isContent = (l: string) => indentOf(l) >= 0 && l[indentOf(l)] !== '#';
  return (_d, commentLine) => {
    let i = commentLine; // 0-based index of the line after the comment
    while (i < lines.length && !isContent(lines[i])) i++;
    if (i >= lines.length) return null;
    const start = i;
    const indent = indentOf(lines[start]);
    // a list item's own content continues at indent + 2
    let end = start;
    for (let j = start + 1; j < lines.length; j++) {
      const l = lines[j];
      if (!isContent(l)) continue;
      if (indentOf(l) > indent) end = j;
      else break;
    }
    return { fromLine: start + 1, toLine: end + 1 };
  };
}
