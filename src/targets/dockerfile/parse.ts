// The Dockerfile parser: text -> DockerfileModel, following BuildKit's parser rules
// (parser directives, escape-character continuations, comment and empty lines inside
// continuations, heredocs, builder flags, JSON form) with exact source ranges, then the
// stage structure, ARG/ENV resolution and the facts about the final stage.
// It never throws: every problem becomes a ParseError with a range.
import type { Position, SourceRange } from '../../engine/types.js';
import type {
  Comment, Directive, DockerfileModel, FinalFacts, Flag, Heredoc, Instruction, ParseError, Stage, UserFact,
} from './model.js';
import { parseImageRef } from './image-ref.js';
import { splitRun, type ScriptMap } from './shell.js';
import { readRun } from './packages.js';
import { DEFAULT_SHELL, imageText, lineOf, stageChain, isWindowsImage, WINDOWS_SHELL } from './facts.js';
import { validateInstructions } from './validate.js';

export interface ParseOptions {
  path: string;
  buildArgs?: Record<string, string>;
  /** The stage to build (`docker build --target NAME`): the final stage, whose facts `final` holds. */
  target?: string;
}

export const KNOWN_INSTRUCTIONS: ReadonlySet<string> = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const HEREDOC_FORM = new Set(['RUN', 'COPY', 'ADD']);
const DIRECTIVE_RE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const ALLOWED_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_WORD_RE = /^(\d*)<<(-?)([^<]*)$/;

/** Logical-line segment: a piece of one source line placed at logical offset `log`; `line` counts
 *  the lines from the instruction's first one. */
interface Segment { log: number; src: number; len: number; line: number }

/** The logical-line segments of an instruction, recomputed from its raw text (offsets relative to
 *  raw), read as the parser reads them (comment and blank lines inside continuations dropped). */
function rawSegments(instr: Instruction, escape: string): Segment[] {
  const raw = instr.raw;
  const escCode = escape.charCodeAt(0);
  const segments: Segment[] = [];
  let log = 0;
  let s = 0;
  let first = true;
  let line = 0;
  for (;;) {
    let e = raw.indexOf('\n', s);
    if (e < 0) e = raw.length;
    let ce = e;
    if (ce > s && raw.charCodeAt(ce - 1) === 13) ce--;
    const a = first ? s : leadingWsAt(raw, s, ce);
    if (first || !((raw.charCodeAt(a) === 35 && a < ce) || isBlankAt(raw, a, ce))) {
      let pe = pieceEnd(raw, s, ce, escCode);
      const cont = pe < 0;
      if (cont) pe = -pe - 1;
      segments.push({ log, src: s, len: pe - s, line });
      log += pe - s;
      if (!cont) break;
    }
    first = false;
    if (e >= raw.length) break;
    s = e + 1;
    line++;
  }
  return segments;
}

interface SegmentInfo { segments: Segment[]; argsLog: number; escape: string }
const segCache = new WeakMap<Instruction, SegmentInfo>();

function segmentsOf(instr: Instruction, escape: string): SegmentInfo {
  const hit = segCache.get(instr);
  if (hit && hit.escape === escape) return hit;
  const segments = rawSegments(instr, escape);
  const last = segments.length > 0 ? segments[segments.length - 1] : null;
  let end = last ? last.log + last.len : 0;
  const raw = instr.raw;
  while (end > 0 && isSpace(raw[logToSrc(segments, end - 1, false)])) end--;
  const v: SegmentInfo = { segments, argsLog: Math.max(0, end - instr.args.length), escape };
  segCache.set(instr, v);
  return v;
}

/** The source offset of position `i` of instr.args (with `end`, of a word ending there: before a continuation, not after it). */
export function argsSourceOffset(instr: Instruction, i: number, escape = '\\', end = false): number {
  if (instr.argsRange.start.line === instr.argsRange.end.line) return instr.argsRange.start.offset + i;
  const m = segmentsOf(instr, escape);
  return instr.range.start.offset + logToSrc(m.segments, m.argsLog + i, end);
}

/** The 1-based source line of position `i` of instr.args. */
export function argsSourceLine(instr: Instruction, i: number, escape = '\\'): number {
  if (instr.argsRange.start.line === instr.argsRange.end.line) return instr.argsRange.start.line;
  const m = segmentsOf(instr, escape);
  return m.segments.length === 0 ? instr.range.start.line : instr.range.start.line + m.segments[segAt(m.segments, m.argsLog + i, false)].line;
}

/** Where the positions of instr.args are in the source, for the RUN splitter: from the parser's
 *  own segments of the instruction (source offsets relative to its raw text), or, for arguments on
 *  one line, the offset of the arguments. The splitter asks in order, so the segment of the
 *  position asked before is tried first. */
class ArgsMap implements ScriptMap {
  private readonly base: number;
  private readonly line0: number;
  private readonly segments: readonly Segment[] | null;
  private readonly argsLog: number;
  private hint = 0;

  constructor(instr: Instruction, segments: readonly Segment[], argsLog: number) {
    const r = instr.argsRange;
    const one = r.start.line === r.end.line;
    this.base = one ? r.start.offset : instr.range.start.offset;
    this.line0 = one ? r.start.line : instr.range.start.line;
    this.segments = one || segments.length === 0 ? null : segments;
    this.argsLog = argsLog;
  }

  line(p: number): number {
    const segs = this.segments;
    return segs === null ? this.line0 : this.line0 + segs[this.at(segs, this.argsLog + p, false)].line;
  }

  offset(p: number, end: boolean): number {
    const segs = this.segments;
    if (segs === null) return this.base + p;
    const q = this.argsLog + p;
    const s = segs[this.at(segs, q, end)];
    return this.base + s.src + Math.min(Math.max(q - s.log, 0), s.len);
  }

  /** segAt, trying the segment of the position before first. */
  private at(segs: readonly Segment[], p: number, isEnd: boolean): number {
    const h = this.hint;
    const n = segs.length;
    if ((h === 0 || (isEnd ? segs[h].log < p : segs[h].log <= p)) && (h + 1 >= n || !(isEnd ? segs[h + 1].log < p : segs[h + 1].log <= p))) return h;
    this.hint = segAt(segs, p, isEnd);
    return this.hint;
  }
}

/** The segment position p of the logical line is in (with `isEnd`, of a word ending there). */
function segAt(segs: readonly Segment[], p: number, isEnd: boolean): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segs[mid];
    if (isEnd ? s.log < p : s.log <= p) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function logToSrc(segs: readonly Segment[], p: number, isEnd: boolean): number {
  if (segs.length === 0) return 0;
  const s = segs[segAt(segs, p, isEnd)];
  return s.src + Math.min(Math.max(p - s.log, 0), s.len);
}


function setKey(obj: Record<string, string>, k: string, v: string): void {
  // an own data property either way; only __proto__ would reach the prototype's setter
  if (k === '__proto__') Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
  else obj[k] = v;
}
function getKey(obj: Record<string, string>, k: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(obj, k) ? obj[k] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Variable expansion (the subset of BuildKit's shell lexer that instructions use)

export type Lookup = (name: string) => string | undefined;

/** Runs of characters expandVars copies as they are, for each escape character. */
const PLAIN_BACKSLASH = /[^\\'"$]*/y;
const PLAIN_BACKTICK = /[^`'"$]*/y;

export interface Expansion { text: string; unresolved: boolean }

/**
 * Substitutes $VAR, ${VAR}, ${VAR:-x}, ${VAR-x}, ${VAR:+x}, ${VAR+x}, ${VAR:?x}, ${VAR?x}.
 * Variables the lookup does not know stay as written (and set `unresolved`); the default and
 * alternative forms treat them as unset. With keepQuotes the quotes and escapes stay in the text
 * (for `expanded`); without, they are removed as Docker does for ENV/ARG/USER/… values.
 * Nothing is substituted inside single quotes.
 */
export function expandVars(s: string, lookup: Lookup, escape = '\\', keepQuotes = true, depth = 0): Expansion {
  if (s.indexOf('$') < 0 && (keepQuotes || (s.indexOf(escape) < 0 && s.indexOf('"') < 0 && s.indexOf("'") < 0))) {
    return { text: s, unresolved: false };
  }
  let out = '';
  let unresolved = false;
  let inDouble = false;
  const n = s.length;
  let i = 0;
  let lit = 0;
  const esc = escape.charCodeAt(0);
  while (i < n) {
    const code = s.charCodeAt(i);
    if (code !== esc && code !== 39 && code !== 34 && code !== 36) {
      const run = esc === 96 ? PLAIN_BACKTICK : PLAIN_BACKSLASH;
      run.lastIndex = i + 1;
      run.test(s);
      i = run.lastIndex;
      continue;
    }
    if (i > lit) out += s.slice(lit, i);
    const c = s[i];
    if (code === esc) {
      if (i + 1 >= n) { out += c; i++; lit = i; continue; }
      const nx = s[i + 1];
      if (inDouble && nx !== '"' && nx !== '$' && nx !== escape) {
        out += c; i++; lit = i; continue;
      }
      out += keepQuotes ? c + nx : nx;
      i += 2;
      lit = i;
      continue;
    }
    if (code === 39 && !inDouble) {
      const end = s.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      out += keepQuotes ? s.slice(i, end < 0 ? n : end + 1) : s.slice(i + 1, stop);
      i = end < 0 ? n : end + 1;
      lit = i;
      continue;
    }
    if (code === 34) {
      inDouble = !inDouble;
      if (keepQuotes) out += c;
      i++;
      lit = i;
      continue;
    }
    if (code === 36 && i + 1 < n) {
      const r = expandDollar(s, i, lookup, escape, keepQuotes, depth);
      if (r) {
        out += r.text;
        if (r.unresolved) unresolved = true;
        i = r.end;
        lit = i;
        continue;
      }
    }
    out += c;
    i++;
    lit = i;
  }
  if (i > lit) out += s.slice(lit, i);
  return { text: out, unresolved };
}

function expandDollar(s: string, i: number, lookup: Lookup, escape: string, keepQuotes: boolean, depth: number):
  { text: string; unresolved: boolean; end: number } | null {
  const nx = s[i + 1];
  if (nx !== '{') {
    // a name: a letter or _, then letters, digits and _ (at most 256 characters)
    const c0 = s.charCodeAt(i + 1);
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return null;
    let end = i + 2;
    const max = Math.min(s.length, i + 257);
    for (; end < max; end++) {
      const c = s.charCodeAt(end);
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) break;
    }
    const name = s.slice(i + 1, end);
    const v = lookup(name);
    if (v === undefined) return { text: s.slice(i, end), unresolved: true, end };
    return { text: v, unresolved: false, end };
  }
  // ${...}: find the matching brace, honouring nesting and quotes
  let braces = 0;
  let j = i + 1;
  let close = -1;
  let q: string | null = null;
  for (; j < s.length; j++) {
    const c = s[j];
    if (q) { if (c === q) q = null; continue; }
    if (c === escape) { j++; continue; }
    if (c === "'" || c === '"') { if (braces > 1 || c === '"') q = c; continue; }
    if (c === '{') braces++;
    else if (c === '}') { braces--; if (braces === 0) { close = j; break; } }
  }
  if (close < 0) return { text: s.slice(i), unresolved: true, end: s.length };
  const inner = s.slice(i + 2, close);
  const written = s.slice(i, close + 1);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(inner);
  if (!m) return { text: written, unresolved: true, end: close + 1 };
  const [, name, op, word] = m as unknown as [string, string, string | undefined, string | undefined];
  const v = lookup(name);
  // nested defaults deeper than any real file are left as written
  if (depth > 32) return { text: written, unresolved: true, end: close + 1 };
  const sub = (w: string) => expandVars(w, lookup, escape, keepQuotes, depth + 1);
  if (!op) {
    if (v === undefined) return { text: written, unresolved: true, end: close + 1 };
    return { text: v, unresolved: false, end: close + 1 };
  }
  const colon = op.startsWith(':');
  const kind = op[op.length - 1];
  const isSet = v !== undefined && (!colon || v !== '');
  if (kind === '-') {
    if (isSet) return { text: v, unresolved: false, end: close + 1 };
    const r = sub(word ?? '');
    return { text: r.text, unresolved: r.unresolved, end: close + 1 };
  }
  if (kind === '+') {
    if (!isSet) return { text: '', unresolved: false, end: close + 1 };
    const r = sub(word ?? '');
    return { text: r.text, unresolved: r.unresolved, end: close + 1 };
  }
  // '?'
  if (isSet) return { text: v, unresolved: false, end: close + 1 };
  return { text: written, unresolved: true, end: close + 1 };
}

// ---------------------------------------------------------------------------------------------
// Word splitting as Docker's parseWords does for ENV/ARG/LABEL/FROM: whitespace-separated,
// quotes and escapes kept in the words.

interface RawWord { text: string; start: number; end: number }

/** Runs of characters a word holds outside quotes with nothing to look at (splitWords). */
const WORD_RUN_BACKSLASH = /[^ \t\n\r\v\f"'\\]*/y;
const WORD_RUN_BACKTICK = /[^ \t\n\r\v\f"'`]*/y;

export function splitWords(s: string, escape: string): RawWord[] {
  const words: RawWord[] = [];
  const esc = escape.charCodeAt(0);
  const run = esc === 96 ? WORD_RUN_BACKTICK : esc === 92 ? WORD_RUN_BACKSLASH : null;
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let q = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (q !== 0) {
        if (c === esc && q === 34 && i + 1 < n) { i += 2; continue; }
        if (c === q) q = 0;
        i++;
        continue;
      }
      if (c === esc && i + 1 < n) { i += 2; continue; }
      if (c === 34 || c === 39) { q = c; i++; continue; }
      if (isSpaceCode(c)) break;
      if (run) {
        run.lastIndex = i + 1;
        run.test(s);
        i = run.lastIndex;
      } else i++;
    }
    words.push({ text: s.slice(start, i), start, end: i });
  }
  return words;
}

/** isSpace by char code: space, \t, \n, \r, \v, \f. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

/** Removes quotes and escapes from a word (no expansion). */
export function unquote(s: string, escape = '\\'): string {
  if (s.indexOf(escape) < 0 && s.indexOf('"') < 0 && s.indexOf("'") < 0) return s;
  let out = '';
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q === "'") { if (c === q) q = null; else out += c; continue; }
    if (c === escape && i + 1 < s.length) {
      const nx = s[i + 1];
      if (q === '"' && nx !== '"' && nx !== '$' && nx !== escape) { out += c; continue; }
      out += nx;
      i++;
      continue;
    }
    if (c === '"') { q = q ? null : c; continue; }
    if (c === "'" && !q) { q = c; continue; }
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

class Builder {
  readonly text: string;
  readonly lineStarts: number[] = [];
  /** Where each line ends, its \r\n or \n excluded. */
  readonly lineEnds: number[] = [];
  readonly errors: ParseError[] = [];

  constructor(text: string) {
    this.text = text;
    let s = 0;
    const n = text.length;
    while (s <= n) {
      let e = text.indexOf('\n', s);
      const next = e < 0 ? n + 1 : e + 1;
      if (e < 0) e = n;
      let ce = e;
      if (ce > s && text.charCodeAt(ce - 1) === 13) ce--;
      this.lineStarts.push(s);
      this.lineEnds.push(ce);
      s = next;
      if (e === n) break;
    }
  }

  /** The line index of the last position asked: positions come mostly in order. */
  private hint = 0;

  pos(offset: number): Position {
    const starts = this.lineStarts;
    let h = this.hint;
    // the line holding offset is the last one starting at or before it
    if (!(starts[h] <= offset && (h + 1 >= starts.length || starts[h + 1] > offset))) {
      h++;
      if (!(h < starts.length && starts[h] <= offset && (h + 1 >= starts.length || starts[h + 1] > offset))) h = lineOf(starts, offset) - 1;
      this.hint = h;
    }
    return { line: h + 1, column: offset - starts[h] + 1, offset };
  }

  range(a: number, b: number): SourceRange {
    return { start: this.pos(a), end: this.pos(Math.max(a, b)) };
  }

  error(message: string, a: number, b: number): void {
    this.errors.push({ message, range: this.range(a, b) });
  }
}

/** Parses Dockerfile text. Never throws: problems are reported in model.parseErrors. */
export function parseDockerfile(text: string, opts: ParseOptions): DockerfileModel {
  const buildArgs: Record<string, string> = {};
  // JavaScript callers may pass anything: the text and values are made strings
  for (const [k, v] of Object.entries<unknown>(opts.buildArgs ?? {})) setKey(buildArgs, k, String(v));
  const input: unknown = text;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever a JavaScript caller passed, as String() makes it
  let src = typeof input === 'string' ? input : String(input ?? '');
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  try {
    return parseInner(src, opts.path, buildArgs, opts.target ?? null);
  } catch (err) {
    // A bug in the parser must not take the whole run down: report it as a parse error.
    const zero = { line: 1, column: 1, offset: 0 };
    return {
      path: opts.path, text: src, directives: [], escape: '\\', instructions: [], comments: [], stages: [],
      globalArgs: [], buildArgs, target: opts.target ?? null, final: null, lineStarts: [0], packages: [],
      parseErrors: [{ message: `internal parser error: ${(err as Partial<Error> | null | undefined)?.message ?? String(err)}`, range: { start: zero, end: zero } }],
    };
  }
}

function parseInner(text: string, path: string, buildArgs: Record<string, string>, target: string | null): DockerfileModel {
  const b = new Builder(text);
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  /** Each RUN and ONBUILD RUN trigger, with its logical-line segments: split once resolved. */
  const runs: { instr: Instruction; segments: Segment[]; argsLog: number; trigger: boolean }[] = [];
  let escape = '\\';
  let directivesDone = false;
  const seenDirectives = new Set<string>();
  const { lineStarts, lineEnds } = b;
  const nLines = lineStarts.length;
  // a final newline does not start another line
  const nReal = nLines > 1 && lineStarts[nLines - 1] === text.length ? nLines - 1 : nLines;

  let li = 0;
  while (li < nLines) {
    const lStart = lineStarts[li];
    const lEnd = lineEnds[li];
    const a = leadingWsAt(text, lStart, lEnd);
    const lead = a - lStart;

    if (!directivesDone) {
      const m = DIRECTIVE_RE.exec(text.slice(a, lEnd));
      const name = m?.[1].toLowerCase();
      if (m && name && ALLOWED_DIRECTIVES.has(name)) {
        const value = m[2];
        if (seenDirectives.has(name)) {
          b.error(`only one ${name} parser directive can be used`, a, lEnd);
        } else {
          seenDirectives.add(name);
          if (name === 'escape') {
            if (value === '\\' || value === '`') escape = value;
            else b.error(`invalid escape token '${value}': it must be \\ or \``, a, lEnd);
          }
        }
        directives.push({ name, value, range: b.range(a, lEnd) });
        li++;
        continue;
      }
      directivesDone = true;
    }

    if (isBlankAt(text, a, lEnd)) { li++; continue; }
    if (text.charCodeAt(a) === 35) {
      comments.push({ text: text.slice(a + 1, lEnd).trim(), range: b.range(a, lEnd) });
      li++;
      continue;
    }

    // An instruction: gather its continuation lines into one logical line.
    const segments: Segment[] = [];
    const startOff = lStart + lead;
    const escCode = escape.charCodeAt(0);
    let pe = pieceEnd(text, startOff, lEnd, escCode);
    let cont = pe < 0;
    if (cont) pe = -pe - 1;
    segments.push({ log: 0, src: startOff, len: pe - startOff, line: 0 });
    let logical = text.slice(startOff, pe);
    let lastLine = li;
    let j = li + 1;
    while (cont && j < nLines) {
      const cStart = lineStarts[j];
      const cEnd = lineEnds[j];
      const ca = leadingWsAt(text, cStart, cEnd);
      if (text.charCodeAt(ca) === 35 && ca < cEnd) {
        comments.push({ text: text.slice(ca + 1, cEnd).trim(), range: b.range(ca, cEnd) });
        j++;
        continue;
      }
      if (isBlankAt(text, ca, cEnd)) { j++; continue; }
      pe = pieceEnd(text, cStart, cEnd, escCode);
      cont = pe < 0;
      if (cont) pe = -pe - 1;
      segments.push({ log: logical.length, src: cStart, len: pe - cStart, line: j - li });
      logical += text.slice(cStart, pe);
      lastLine = j;
      j++;
    }
    let endOff = lineEnds[lastLine];
    li = j;

    // keyword
    const kwEnd = firstWsIndex(logical, 0);
    const keywordWritten = logical.slice(0, kwEnd);
    const keyword = keywordWritten.toUpperCase();
    const keywordRange = b.range(logToSrc(segments, 0, false), logToSrc(segments, kwEnd, true));

    // flags
    const { flags, args, argsRange, argsStart } = flagsAndArgs(logical, kwEnd, segments, b);

    // JSON form
    let json: string[] | null = null;
    if (JSON_FORM.has(keyword)) json = parseJsonArray(args);
    else if (keyword === 'HEALTHCHECK') {
      const m = /^CMD\s+/i.exec(args);
      if (m) json = parseJsonArray(args.slice(m[0].length));
    }
    if (json === null && (JSON_FORM.has(keyword) || keyword === 'HEALTHCHECK') && looksLikeJson(keyword === 'HEALTHCHECK' ? args.replace(/^CMD\s+/i, '') : args)) {
      b.error(`${keyword} arguments start like a JSON array but are not valid JSON; Docker will run them as a shell command`,
        argsRange.start.offset, argsRange.end.offset);
    }

    // heredocs
    const heredocs: Heredoc[] = [];
    if (HEREDOC_FORM.has(keyword) && json === null && args.includes('<<')) {
      for (const w of heredocWords(logical)) {
        const m = HEREDOC_WORD_RE.exec(w.text);
        if (!m || m[3].length === 0) continue;
        const rest = m[3];
        const delimiter = unquote(rest, '\\');
        if (delimiter === '') continue;
        const quoted = rest.replace(/\\./g, '').includes('"') || rest.replace(/\\./g, '').includes("'");
        const stripTabs = m[2] === '-';
        const bodyLines: string[] = [];
        const bodyStart = lastLine + 1;
        let k = lastLine + 1;
        let closed = false;
        for (; k < nReal; k++) {
          let ht = text.slice(lineStarts[k], lineEnds[k]);
          if (stripTabs) ht = ht.replace(/^\t+/, '');
          if (ht === delimiter) { closed = true; break; }
          bodyLines.push(ht);
        }
        const hStart = bodyStart < nLines ? lineStarts[bodyStart] : text.length;
        const lastHl = closed ? k : nReal - 1;
        const hEnd = lastHl >= bodyStart ? lineEnds[lastHl] : hStart;
        if (!closed) {
          const tokA = logToSrc(segments, w.start, false);
          b.error(`unterminated heredoc: no line '${delimiter}' closes the <<${stripTabs ? '-' : ''}${rest} started here`,
            tokA, logToSrc(segments, w.end, true));
        }
        heredocs.push({
          delimiter, body: bodyLines.join('\n'), expand: !quoted, stripTabs,
          range: b.range(hStart, Math.max(hStart, hEnd)), bodyStartLine: bodyStart + 1,
        });
        lastLine = closed ? k : Math.max(lastLine, nReal - 1);
        if (lastHl >= bodyStart) endOff = Math.max(endOff, hEnd);
        li = Math.max(li, closed ? k + 1 : nLines);
      }
    }

    const instr: Instruction = {
      keyword,
      range: b.range(startOff, endOff),
      keywordRange,
      raw: text.slice(startOff, endOff),
      flags,
      args,
      argsRange,
      json,
      heredocs,
      stageIndex: -1,
      expanded: args,
      shell: DEFAULT_SHELL,
      commands: [],
    };
    instructions.push(instr);
    const t = keyword === 'ONBUILD' ? onbuildTrigger(instr, logical, argsStart, segments, b) : null;
    if (t) instr.trigger = t.instr;
    // the segments, relative to raw, for placing a RUN's words
    for (const g of segments) g.src -= startOff;
    if (keyword === 'RUN') runs.push({ instr, segments, argsLog: argsStart, trigger: false });
    else if (t?.instr.keyword === 'RUN') runs.push({ instr: t.instr, segments, argsLog: t.argsStart, trigger: true });

    if (!KNOWN_INSTRUCTIONS.has(keyword)) {
      b.error(`unknown instruction: ${keywordWritten}`, keywordRange.start.offset, keywordRange.end.offset);
    }
  }

  const model: DockerfileModel = {
    path, text, directives, escape, instructions, comments, stages: [], globalArgs: [],
    parseErrors: b.errors, buildArgs, target, final: null, lineStarts: b.lineStarts, packages: [],
  };
  const runEnv = new Map<Instruction, Readonly<Record<string, string>>>();
  resolve(model, b, runEnv);
  // what the builder rejects beyond the grammar (arguments, flags, HEALTHCHECK, image references)
  for (const p of validateInstructions(model)) b.errors.push(p);
  // RUN bodies are split once, now that the shell in force at each is known; their package-manager
  // invocations are read once from the split commands
  for (const { instr, segments, argsLog, trigger } of runs) {
    instr.commands = splitRun(instr, new ArgsMap(instr, segments, argsLog), text);
    const pkg = readRun(instr, trigger, runEnv.get(instr) ?? {});
    if (pkg) model.packages.push(pkg);
  }
  model.parseErrors.sort((x, y) => x.range.start.offset - y.range.start.offset);
  return model;
}

/** The instruction an ONBUILD registers, parsed from the ONBUILD's logical line at `from`; it shares the
 *  ONBUILD's range and raw text (so argument offsets map to the source the same way). Triggers the
 *  builder rejects (ONBUILD, FROM, MAINTAINER, an unknown keyword) are parse errors. */
function onbuildTrigger(outer: Instruction, logical: string, from: number, segments: Segment[], b: Builder): { instr: Instruction; argsStart: number } | null {
  if (from >= logical.length) {
    b.error('ONBUILD requires an instruction to run in builds based on this image', outer.keywordRange.start.offset, outer.keywordRange.end.offset);
    return null;
  }
  const kwEnd = firstWsIndex(logical, from);
  const written = logical.slice(from, kwEnd);
  const keyword = written.toUpperCase();
  const keywordRange = b.range(logToSrc(segments, from, false), logToSrc(segments, kwEnd, true));
  if (keyword === 'ONBUILD' || keyword === 'FROM' || keyword === 'MAINTAINER') {
    b.error(keyword === 'ONBUILD' ? 'chaining ONBUILD via `ONBUILD ONBUILD` is not allowed' : `${keyword} is not allowed as an ONBUILD trigger`,
      keywordRange.start.offset, keywordRange.end.offset);
    return null;
  }
  if (!KNOWN_INSTRUCTIONS.has(keyword)) {
    b.error(`unknown instruction in ONBUILD: ${written}`, keywordRange.start.offset, keywordRange.end.offset);
    return null;
  }
  const { flags, args, argsRange, argsStart } = flagsAndArgs(logical, kwEnd, segments, b);
  const json = JSON_FORM.has(keyword) ? parseJsonArray(args) : null;
  const instr: Instruction = {
    keyword, range: outer.range, keywordRange, raw: outer.raw, flags, args, argsRange, json, heredocs: [],
    stageIndex: -1, expanded: args, shell: DEFAULT_SHELL, commands: [],
  };
  return { instr, argsStart };
}

/** The flags (`--name=value`) after an instruction's keyword and the arguments after them, located
 *  in the source (an instruction and an ONBUILD trigger are read alike). */
function flagsAndArgs(logical: string, kwEnd: number, segments: Segment[], b: Builder): { flags: Flag[]; args: string; argsRange: SourceRange; argsStart: number } {
  const flags: Flag[] = [];
  const fr = extractFlags(logical, kwEnd);
  for (const f of fr.flags) {
    const body = f.word.slice(2);
    const eq = body.indexOf('=');
    flags.push({
      name: (eq < 0 ? body : body.slice(0, eq)).toLowerCase(),
      value: eq < 0 ? null : body.slice(eq + 1),
      range: b.range(logToSrc(segments, f.start, false), logToSrc(segments, f.end, true)),
    });
  }
  let aStart = fr.rest;
  while (aStart < logical.length && isSpaceCode(logical.charCodeAt(aStart))) aStart++;
  let aEnd = logical.length;
  while (aEnd > aStart && isSpaceCode(logical.charCodeAt(aEnd - 1))) aEnd--;
  const args = logical.slice(aStart, aEnd);
  const argsRange = aEnd > aStart
    ? b.range(logToSrc(segments, aStart, false), logToSrc(segments, aEnd, true))
    : b.range(logToSrc(segments, aStart, true), logToSrc(segments, aStart, true));
  return { flags, args, argsRange, argsStart: aStart };
}

/** The first offset of text[from..to) past the blanks leadingWs skips (to when all are). */
function leadingWsAt(text: string, from: number, to: number): number {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13) break;
  }
  return i;
}

/** Whether text[from..to) is blank as String.prototype.trim sees it. */
function isBlankAt(text: string, from: number, to: number): boolean {
  if (from >= to) return true;
  const c = text.charCodeAt(from);
  // past leadingWsAt, an ASCII character other than \n is not blank
  if (c < 128 && c !== 10) return false;
  return text.slice(from, to).trim() === '';
}

/** The end of the piece text[from..to) adds to the logical line: to, or, when the piece ends with
 *  the escape character (blanks after it ignored), -(its offset) - 1 (a continuation). */
function pieceEnd(text: string, from: number, to: number, escCode: number): number {
  let e = to;
  for (; e > from; e--) {
    const c = text.charCodeAt(e - 1);
    if (c !== 32 && c !== 9 && c !== 13) break;
  }
  if (e > from && text.charCodeAt(e - 1) === escCode) return -(e - 1) - 1;
  return to;
}

function firstWsIndex(s: string, from: number): number {
  let i = from;
  while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** BuildKit's extractBuilderFlags: every `--name[=value]` word before the arguments. */
function extractFlags(line: string, from: number): { flags: { word: string; start: number; end: number }[]; rest: number } {
  const flags: { word: string; start: number; end: number }[] = [];
  let pos = from;
  const n = line.length;
  for (;;) {
    while (pos < n && isSpaceCode(line.charCodeAt(pos))) pos++;
    if (pos >= n) return { flags, rest: n };
    if (!(line[pos] === '-' && line[pos + 1] === '-')) return { flags, rest: pos };
    const start = pos;
    let word = '';
    let q: string | null = null;
    while (pos < n) {
      const c = line[pos];
      if (q) {
        if (c === q) { q = null; pos++; continue; }
        if (c === '\\' && pos + 1 < n) { word += line[pos + 1]; pos += 2; continue; }
        word += c; pos++;
        continue;
      }
      if (isSpace(c)) break;
      if (c === '"' || c === "'") { q = c; pos++; continue; }
      if (c === '\\' && pos + 1 < n) { word += line[pos + 1]; pos += 2; continue; }
      word += c;
      pos++;
    }
    if (word === '--') {
      return { flags, rest: pos };
    }
    flags.push({ word, start, end: pos });
  }
}

/** Docker's JSON form: a JSON array whose elements are all strings. */
export function parseJsonArray(args: string): string[] | null {
  if (args[0] !== '[') return null;
  let v: unknown;
  try { v = JSON.parse(args); } catch { return null; }
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return null;
  return v;
}

/** `["a", "b"` or `["a" "b"]`: clearly meant as JSON but not valid (shell tests like `[ "$x" = y ]` are not). */
function looksLikeJson(args: string): boolean {
  return /^\[\s*"(?:[^"\\]|\\.)*"\s*(?:,|\]|$|")/.test(args) || /^\[\s*'[^']*'\s*(?:,|\]|$)/.test(args) ||
    /^\[\s*\]?$/.test(args);
}

/** Words of the line with quotes and escapes kept, split as BuildKit does to find heredocs. */
function heredocWords(s: string): RawWord[] {
  return splitWords(s, '\\');
}

// ---------------------------------------------------------------------------------------------
// Stages, ARG/ENV resolution, final facts

function resolve(model: DockerfileModel, b: Builder, runEnv: Map<Instruction, Readonly<Record<string, string>>>): void {
  const { instructions, escape, buildArgs } = model;
  const globalValues = new Map<string, string | undefined>();
  const globalLookup: Lookup = (n) => globalValues.get(n);
  const userValues = new Map<Instruction, string>();
  let stage: Stage | null = null;
  let sawNonArgBeforeFrom = false;
  /** The latest stage of each (lower-cased) name: FROM <name> finds it without a search. */
  const byName = new Map<string, number>();
  /** The SHELL instruction's argv in force (null: none yet in the stage chain), and at each stage's end. */
  let shellNow: readonly string[] | null = null;
  const shellAtEnd: (readonly string[] | null)[] = [];
  /** The environment a RUN of the current stage runs with (ARG and ENV), shared until one changes. */
  let envNow: Readonly<Record<string, string>> | null = null;
  /** The current stage's variables (ENV, then ARG), and its ENV alone (for ONBUILD triggers). */
  let stageLookup: Lookup = globalLookup;
  let envLookup: Lookup = globalLookup;

  if (instructions.length === 0) {
    const end = model.text.length;
    b.error(model.text.trim() === '' ? 'empty Dockerfile: no instructions' : 'no instructions: the file holds only comments',
      0, Math.min(end, model.text.indexOf('\n') < 0 ? end : model.text.indexOf('\n')));
    return;
  }

  for (const instr of instructions) {
    const kw = instr.keyword;
    if (kw === 'FROM') {
      const index = model.stages.length;
      const words = splitWords(instr.args, escape);
      const imageWord = words[0]?.text ?? '';
      let name: string | null = null;
      if (words.length >= 3 && words[1].text.toLowerCase() === 'as') name = unquote(words[2].text, escape).toLowerCase();
      if (!imageWord) b.error('FROM requires an image name', instr.range.start.offset, instr.range.end.offset);
      else if (words.length !== 1 && !(words.length === 3 && words[1].text.toLowerCase() === 'as')) {
        b.error('FROM takes an image and an optional "AS name"', instr.argsRange.start.offset, instr.argsRange.end.offset);
      }
      const exp = expandVars(imageWord, globalLookup, escape, false);
      const resolvedImage = exp.text;
      const lower = resolvedImage.toLowerCase();
      let baseStage: number | null = byName.get(lower) ?? null;
      if (baseStage === null && /^\d+$/.test(lower) && Number(lower) < index) baseStage = Number(lower);
      const isScratch = baseStage === null && lower === 'scratch';
      const platformFlag = instr.flags.find((f) => f.name === 'platform');
      const platform = platformFlag?.value != null ? expandVars(platformFlag.value, globalLookup, escape, false).text : null;
      const env: Record<string, string> = {};
      if (baseStage !== null) Object.assign(env, model.stages[baseStage].env);
      instr.stageIndex = index;
      instr.expanded = expandVars(instr.args, globalLookup, escape, true).text;
      if (stage) shellAtEnd[stage.index] = shellNow;
      const ref = baseStage !== null || isScratch || exp.unresolved ? null : parseImageRef(resolvedImage);
      const base = baseStage !== null ? model.stages[baseStage] : null;
      stage = {
        index, name, from: instr, image: unquote(imageWord, escape), resolvedImage, ref,
        baseStage, root: base ? base.root : index, windows: base ? base.windows : !isScratch && isWindowsImage(imageText(ref, resolvedImage)),
        isScratch, unresolved: exp.unresolved, platform, instructions: [], env, args: {},
      };
      model.stages.push(stage);
      const made = stage;
      stageLookup = (n) => getKey(made.env, n) ?? getKey(made.args, n);
      envLookup = (n) => getKey(made.env, n);
      if (name !== null) byName.set(name, index);
      shellNow = baseStage !== null ? shellAtEnd[baseStage] ?? null : null;
      instr.shell = shellNow ?? (stage.windows ? WINDOWS_SHELL : DEFAULT_SHELL);
      continue;
    }
    if (!stage) {
      if (kw === 'ARG') {
        model.globalArgs.push(instr);
        instr.expanded = expandVars(instr.args, globalLookup, escape, true).text;
        for (const a of parseArgWords(instr, escape, b)) {
          let v: string | undefined;
          if (Object.prototype.hasOwnProperty.call(buildArgs, a.name)) v = buildArgs[a.name];
          else if (a.value !== null) v = expandVars(a.value, globalLookup, escape, false).text;
          globalValues.set(a.name, v);
        }
      } else if (KNOWN_INSTRUCTIONS.has(kw) && !sawNonArgBeforeFrom) {
        sawNonArgBeforeFrom = true;
        b.error(`${kw} before the first FROM: only ARG instructions may come before FROM`,
          instr.keywordRange.start.offset, instr.keywordRange.end.offset);
      }
      continue;
    }
    const st: Stage = stage;
    instr.stageIndex = st.index;
    if (kw === 'ARG' || kw === 'ENV' || st.instructions.length === 0) envNow = null;
    if (kw === 'RUN') runEnv.set(instr, envNow ??= { ...st.args, ...st.env });
    // a trigger runs in a later build: the stage's ENV is inherited through the image, its ARGs are not
    if (instr.trigger?.keyword === 'RUN') runEnv.set(instr.trigger, { ...st.env });
    st.instructions.push(instr);
    instr.shell = shellNow ?? (st.windows ? WINDOWS_SHELL : DEFAULT_SHELL);
    if (kw === 'SHELL' && instr.json && instr.json.length > 0) shellNow = instr.json;
    const lookup = stageLookup;
    instr.expanded = expandVars(instr.args, lookup, escape, true).text;
    if (instr.trigger) {
      // a trigger runs in a later build: the stage's ENV is inherited through the image, its ARGs are not
      instr.trigger.stageIndex = st.index;
      instr.trigger.shell = instr.shell;
      instr.trigger.expanded = expandVars(instr.trigger.args, envLookup, escape, true).text;
    }
    if (kw === 'ARG') {
      for (const a of parseArgWords(instr, escape, b)) {
        let v: string | undefined;
        if (Object.prototype.hasOwnProperty.call(buildArgs, a.name)) v = buildArgs[a.name];
        else if (a.value !== null) v = expandVars(a.value, lookup, escape, false).text;
        else v = globalValues.get(a.name);
        if (v !== undefined) setKey(st.args, a.name, v);
        else Reflect.deleteProperty(st.args, a.name);
      }
    } else if (kw === 'ENV') {
      const pairs = parseEnvWords(instr, escape, b);
      const values = pairs.map((p) => expandVars(p.value, lookup, escape, false).text);
      pairs.forEach((p, k) => { setKey(st.env, p.name, values[k]); });
    } else if (kw === 'USER') {
      userValues.set(instr, expandVars(instr.args, lookup, escape, false).text.trim());
      if (instr.args === '') b.error('USER requires a user name', instr.range.start.offset, instr.range.end.offset);
    } else if (kw === 'SHELL' && instr.json === null) {
      b.error('SHELL requires the arguments in JSON form, e.g. SHELL ["/bin/bash", "-c"]', instr.argsRange.start.offset, instr.argsRange.end.offset);
    }
  }

  if (model.stages.length === 0) {
    const first = instructions[0];
    b.error('no FROM instruction: a Dockerfile must start a build stage with FROM', first.range.start.offset, first.range.start.offset);
    return;
  }
  model.final = finalFacts(model, userValues, b);
}

interface NameValue { name: string; value: string | null }

function parseArgWords(instr: Instruction, escape: string, b: Builder): NameValue[] {
  const out: NameValue[] = [];
  const words = splitWords(instr.args, escape);
  if (words.length === 0) b.error('ARG requires a name', instr.range.start.offset, instr.range.end.offset);
  for (const w of words) {
    const eq = w.text.indexOf('=');
    const name = eq < 0 ? w.text : w.text.slice(0, eq);
    if (!/^[^\s=]+$/.test(name)) {
      b.error(`ARG name ${JSON.stringify(name)} is not valid`, instr.argsRange.start.offset, instr.argsRange.end.offset);
      continue;
    }
    out.push({ name, value: eq < 0 ? null : w.text.slice(eq + 1) });
  }
  return out;
}

function parseEnvWords(instr: Instruction, escape: string, b: Builder): { name: string; value: string }[] {
  const words = splitWords(instr.args, escape);
  if (words.length === 0) {
    b.error('ENV requires a name and a value', instr.range.start.offset, instr.range.end.offset);
    return [];
  }
  if (!words[0].text.includes('=')) {
    // legacy form: ENV NAME value with spaces
    if (words.length < 2) {
      b.error(`ENV ${words[0].text} has no value; write ENV ${words[0].text}=value`, instr.range.start.offset, instr.range.end.offset);
      return [];
    }
    return [{ name: words[0].text, value: instr.args.slice(words[1].start) }];
  }
  const out: { name: string; value: string }[] = [];
  for (const w of words) {
    const eq = w.text.indexOf('=');
    if (eq <= 0) {
      b.error(`ENV syntax error: can't find = in ${JSON.stringify(w.text)}; write name=value`, instr.argsRange.start.offset, instr.argsRange.end.offset);
      continue;
    }
    out.push({ name: w.text.slice(0, eq), value: w.text.slice(eq + 1) });
  }
  return out;
}

/** The last instruction of a keyword in a chain, looking at the newest stage first. */
function lastIn(chain: Stage[], kw: string): Instruction | null {
  for (let c = chain.length - 1; c >= 0; c--) {
    const s = chain[c];
    for (let k = s.instructions.length - 1; k >= 0; k--) {
      if (s.instructions[k].keyword === kw) return s.instructions[k];
    }
  }
  return null;
}

function finalFacts(model: DockerfileModel, userValues: Map<Instruction, string>, b: Builder): FinalFacts {
  let stage = model.stages[model.stages.length - 1];
  if (model.target !== null) {
    const want = model.target.toLowerCase();
    let named: Stage | null = null;
    for (const s of model.stages) if (s.name === want) named = s;
    if (named) stage = named;
    else {
      const first = model.stages[0].from;
      b.error(`target stage ${JSON.stringify(model.target)} is not defined: no FROM … AS ${model.target}`,
        first.range.start.offset, first.range.start.offset);
    }
  }
  const chain = stageChain(model, stage);
  const userInstr = lastIn(chain, 'USER');
  let user: UserFact | null = null;
  if (userInstr) {
    const value = userValues.get(userInstr) ?? userInstr.args;
    const colon = value.indexOf(':');
    user = {
      raw: userInstr.args, value,
      user: colon < 0 ? value : value.slice(0, colon),
      group: colon < 0 ? null : value.slice(colon + 1),
      instruction: userInstr,
    };
  }
  let shell: string[] = [...DEFAULT_SHELL];
  for (let c = chain.length - 1; c >= 0; c--) {
    const list = chain[c].instructions;
    let found: string[] | null = null;
    for (let k = list.length - 1; k >= 0 && !found; k--) {
      const i = list[k];
      if (i.keyword === 'SHELL' && i.json && i.json.length > 0) found = i.json;
    }
    if (found) { shell = [...found]; break; }
  }
  const root = chain[0];
  return {
    stage, chain, user, shell,
    healthcheck: lastIn(chain, 'HEALTHCHECK'),
    baseImage: root.isScratch ? null : root.ref,
    stageCount: model.stages.length,
  };
}
