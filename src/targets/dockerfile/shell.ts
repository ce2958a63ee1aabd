// The RUN shell splitter: a small purpose-built POSIX/bash parser that yields the simple commands
// of a script with their argv (quotes and escapes resolved), leading assignments, the operator to
// the next command and the source line. It descends into lists, pipelines, subshells, brace
// groups, $(…), backticks, process substitutions, if/while/until/for/case bodies and functions,
// and unwraps sudo/env/exec/command/nohup prefixes and `sh -c` strings (recorded in `via`, the
// wrapper words kept in `wrappers`). Every word carries its place in the Dockerfile (`spans`): the
// JSON form's string literals, words in backticks, heredoc scripts and `sh -c` scripts included,
// each script mapped back through the quotes and escapes of the word that holds it.
// Tested for identical command/argument splits against mvdan-sh on every RUN body of the corpus.
import type { DockerfileModel, Heredoc, Instruction, ShellCommand, WordSpan } from './model.js';

/** Where the positions of a script are: the 1-based source line, and the source offset (null when
 *  the script is not written verbatim there). `end` asks for the end of a word ending at p. */
export interface ScriptMap {
  line(p: number): number;
  offset(p: number, end: boolean): number | null;
}

const NO_OFFSETS = (line: (p: number) => number): ScriptMap => ({ line, offset: () => null });

/** Where each character of a word's value comes from in its script: value[k] is written as
 *  script[from[k]..to[k]) (the character itself, or an escape sequence that gives it). */
interface ValueMap { from: number[]; to: number[] }

/** The script of a command's argv words, for mapping a `sh -c` script word back to the source:
 *  each word's range in `script` (and, for a JSON string literal, its value map). */
interface WordSource {
  script: string;
  map: ScriptMap;
  json: boolean;
  words: { start: number; end: number; chars?: ValueMap }[];
}
type Sources = Map<ShellCommand, WordSource>;

/** The positions of a script whose characters are value[k] of a word: through the word's map. */
function throughValue(outer: ScriptMap, vm: ValueMap, line: (p: number) => number): ScriptMap {
  const n = vm.from.length;
  return {
    line,
    offset: (p, end) => {
      if (end) return p > 0 && p <= n ? outer.offset(vm.to[p - 1], true) : null;
      return p < n ? outer.offset(vm.from[p], false) : n > 0 ? outer.offset(vm.to[n - 1], false) : null;
    },
  };
}

export interface ShellOptions {
  /** Unwrap sudo/env/exec/command/nohup and sh -c (default true). */
  unwrap?: boolean;
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
/** The commands unwrapOne looks through. */
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'exec', 'command', 'nohup', ...POSIX_SHELLS]);

function basename(s: string): string {
  const i = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
  return i >= 0 ? s.slice(i + 1) : s;
}

/** The simple commands a RUN instruction runs, as the parser split them (instr.commands).
 *  Other instructions: []. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept for the rules that pass it: the parse now holds the commands
export function shellCommands(instr: Instruction, _model?: DockerfileModel): ShellCommand[] {
  return instr.commands;
}

/** Splits a RUN instruction into the simple commands it runs (called once per RUN by the parser,
 *  after the shell in force is known); `map` places the positions of instr.args in the source,
 *  `text` (the Dockerfile) is where the heredoc bodies are.
 *  Never throws: a script it cannot read yields []. Other instructions: []. */
export function splitRun(instr: Instruction, map: ScriptMap, text: string): ShellCommand[] {
  try {
    return computeCommands(instr, map, text);
  } catch {
    return [];
  }
}

function isPosixShell(argv0: string): boolean {
  return POSIX_SHELLS.has(basename(argv0).toLowerCase().replace(/\.exe$/, ''));
}

function computeCommands(instr: Instruction, map: ScriptMap, text: string): ShellCommand[] {
  if (instr.keyword !== 'RUN') return [];
  const line = instr.argsRange.start.line;
  const json = instr.json;
  if (json) {
    if (json.length === 0) return [];
    const sources: Sources = new Map();
    const cmd: ShellCommand = {
      name: basename(json[0]), argv: [...json], spans: json.map(() => null), assignments: [], text: instr.args,
      via: [], wrappers: [], next: null, line,
    };
    const elements = jsonStrings(instr.args);
    if (elements && elements.length === json.length && elements.every((e, k) => e.value === json[k])) {
      cmd.spans = elements.map((e) => {
        const start = map.offset(e.start, false);
        const end = map.offset(e.end, true);
        if (start === null || end === null) return null;
        const verbatim = e.end - e.start === e.value.length + 2 && end - start === e.end - e.start;
        return { start, end, value: verbatim ? start + 1 : null, json: true };
      });
      sources.set(cmd, { script: instr.args, map, json: true, words: elements.map((e) => ({ start: e.start, end: e.end, chars: e.chars })) });
    }
    return unwrapAll([cmd], 0, sources);
  }
  if (!isPosixShell(instr.shell[0] ?? '')) return [];
  const cmds = splitShell(instr.args, map, true);
  if (instr.heredocs.length === 0) return cmds;
  // Heredoc RUN: the bodies are the script when the arguments run nothing but a shell
  // (`RUN <<EOF`, `RUN bash <<EOF`, `RUN set -e; bash -e <<EOF` is not recognised).
  const onlyShell = cmds.length === 0 ||
    (cmds.length === 1 && cmds[0].via.length === 0 && isPosixShell(cmds[0].argv[0] ?? '') &&
      cmds[0].argv.slice(1).every((a) => a.startsWith('-') || a.startsWith('+')) && !cmds[0].argv.slice(1).some((a) => /^-[a-z]*c/.test(a)));
  if (!onlyShell) return cmds;
  const result: ShellCommand[] = [];
  for (const h of instr.heredocs) {
    const body = h.body;
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
    if (shebang) {
      const interp = basename(shebang[1]) === 'env' ? (shebang.at(2) ?? '') : shebang[1];
      if (!isPosixShell(interp)) continue;
    }
    result.push(...splitShell(body, heredocMap(text, h), true));
  }
  return result;
}

/** The positions of a heredoc body in the Dockerfile `text`: line by line (the body's lines are
 *  the source lines after the instruction, without their line ends and, with <<-, leading tabs). */
function heredocMap(text: string, h: Heredoc): ScriptMap {
  const lines = h.body.split('\n');
  const bodyStarts: number[] = [];
  const srcStarts: number[] = [];
  let b = 0;
  let src = h.range.start.offset;
  for (const ln of lines) {
    let s = src;
    if (h.stripTabs) while (text.charCodeAt(s) === 9) s++;
    if (!text.startsWith(ln, s)) return scriptMap(h.body, h.bodyStartLine, null);
    bodyStarts.push(b);
    srcStarts.push(s);
    b += ln.length + 1;
    const nl = text.indexOf('\n', s + ln.length);
    if (nl < 0) break;
    src = nl + 1;
  }
  /** The body line of position p (with `end`, of a word ending there). */
  const at = (p: number, end: boolean): number => {
    let lo = 0;
    let hi = bodyStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (end ? bodyStarts[mid] < p : bodyStarts[mid] <= p) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  return {
    line: (p) => h.bodyStartLine + at(p, false),
    offset: (p, end) => {
      const k = at(p, end);
      return srcStarts[k] + p - bodyStarts[k];
    },
  };
}

/** The string literals of a JSON array of strings (Docker's exec form): each one's range in
 *  `text` (quotes included), its value, and where each value character is written (JSON escapes
 *  such as \" or \u00e9 give one character). Null when `text` is not such an array. */
function jsonStrings(text: string): { start: number; end: number; value: string; chars: ValueMap }[] | null {
  const out: { start: number; end: number; value: string; chars: ValueMap }[] = [];
  const ws = (i: number) => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    return i;
  };
  let i = ws(0);
  if (text[i] !== '[') return null;
  i = ws(i + 1);
  if (text[i] === ']') return out;
  for (;;) {
    if (text[i] !== '"') return null;
    const start = i++;
    let value = '';
    const chars: ValueMap = { from: [], to: [] };
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        // past the end an index reads undefined: chars are read as string | undefined in place
        const e = text[i + 1] as string | undefined;
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
          value += String.fromCharCode(parseInt(hex, 16));
          chars.from.push(i);
          chars.to.push(i + 6);
          i += 6;
          continue;
        }
        const c = e === undefined ? undefined : JSON_ESCAPES[e];
        if (c === undefined) return null;
        value += c;
        chars.from.push(i);
        chars.to.push(i + 2);
        i += 2;
        continue;
      }
      value += text[i];
      chars.from.push(i);
      chars.to.push(i + 1);
      i++;
    }
    if (i >= text.length) return null;
    out.push({ start, end: i + 1, value, chars });
    i = ws(i + 1);
    if (text[i] === ']') return out;
    if (text[i] !== ',') return null;
    i = ws(i + 1);
  }
}

const JSON_ESCAPES: Partial<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses a shell script into its simple commands (wrappers unwrapped). */
export function parseShell(script: string, firstLine = 1, opts: ShellOptions = {}): ShellCommand[] {
  return splitShell(script, scriptMap(script, firstLine, 0), opts.unwrap !== false);
}

/** Lines of a script counted from firstLine; offsets from `base` (null: unknown). */
function scriptMap(script: string, firstLine: number, base: number | null): ScriptMap {
  const nl: number[] = [];
  for (let i = script.indexOf('\n'); i >= 0; i = script.indexOf('\n', i + 1)) nl.push(i);
  const lineAt = (p: number) => {
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nl[mid] < p) lo = mid + 1; else hi = mid;
    }
    return firstLine + lo;
  };
  return base === null ? NO_OFFSETS(lineAt) : { line: lineAt, offset: (p) => base + p };
}

function splitShell(script: string, map: ScriptMap, unwrap: boolean, sources: Sources = new Map()): ShellCommand[] {
  const p = new Parser(script, map, sources);
  p.parseList(TOP);
  return unwrap ? unwrapAll(p.out, 0, sources) : p.out;
}

/** Where the characters of the shell word script[start..end) (whose value is `value`) come from:
 *  quotes and escapes resolved, expansions kept as written; null when the word holds an ANSI-C
 *  string ($'…', whose characters are not written as such). */
function shellValueMap(script: string, start: number, end: number, value: string): ValueMap | null {
  const p = new Parser(script, NO_OFFSETS(() => 1), new Map());
  p.pos = start;
  const track: Track = { from: [], to: [], ok: true };
  p.track = track;
  const w = p.readWord();
  if (!w || w.end !== end || w.value !== value || !track.ok || track.from.length !== value.length) return null;
  return track;
}

// ---------------------------------------------------------------------------------------------

type Stop = ReadonlySet<string>;
const TOP: Stop = new Set();
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')', '\r']);
/** Per ASCII code: 1 = ends a word (META), 2 = needs word-level handling (quotes, escapes, $, `), 0 = plain. */
const SPECIAL = new Uint8Array(128);
for (const c of META) SPECIAL[c.charCodeAt(0)] = 1;
for (const c of ['\\', "'", '"', '$', '`']) SPECIAL[c.charCodeAt(0)] = 2;
const STOP_PAREN: Stop = new Set([')']);
const STOP_THEN: Stop = new Set(['then']);
const STOP_ELSE: Stop = new Set(['elif', 'else', 'fi']);
const STOP_FI: Stop = new Set(['fi']);
const STOP_DO: Stop = new Set(['do']);
const STOP_DONE: Stop = new Set(['done']);
const STOP_BRACE: Stop = new Set(['}']);
const STOP_CASE: Stop = new Set([';;', 'esac']);
/** Sticky scanners for runs of plain characters (outside quotes / inside double quotes). */
const PLAIN_RUN = /[^ \t\n\r;&|<>()\\'"$`]*/y;
const DQ_RUN = /[^"\\$`]*/y;
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'select', 'while', 'until', 'do', 'done', 'case', 'esac',
  '{', '}', '!', 'function', '[[', 'time', 'coproc']);

interface Word { value: string; start: number; end: number; raw: string }
/** A value map being built while a word is read again (shellValueMap); ok false: not mappable. */
interface Track extends ValueMap { ok: boolean }

class Parser {
  readonly s: string;
  readonly n: number;
  pos = 0;
  readonly out: ShellCommand[] = [];
  readonly map: ScriptMap;
  pendingHeredocs: { delim: string; strip: boolean }[] = [];
  depth = 0;
  readonly sources: Sources;
  /** Set by shellValueMap: where the characters of the word being read come from. Off (null) while
   *  an expansion is read, whose text the value keeps as written. */
  track: Track | null = null;

  constructor(s: string, map: ScriptMap, sources: Sources) {
    this.s = s;
    this.n = s.length;
    this.map = map;
    this.sources = sources;
  }

  /** Tracking: value characters written as themselves at s[a..b). */
  verbatim(a: number, b: number): void {
    const t = this.track;
    if (t) for (let k = a; k < b; k++) { t.from.push(k); t.to.push(k + 1); }
  }

  /** Tracking: one value character written as the escape s[a..b). */
  escaped(a: number, b: number): void {
    const t = this.track;
    if (t) { t.from.push(a); t.to.push(b); }
  }

  /** Skips blanks and escaped newlines (not newlines). */
  blanks(): void {
    const { s, n } = this;
    let p = this.pos;
    while (p < n) {
      const c = s.charCodeAt(p);
      // ' ', \t, \r; a backslash before \n or \r\n
      if (c === 32 || c === 9 || c === 13) p++;
      else if (c === 92 && s.charCodeAt(p + 1) === 10) p += 2;
      else if (c === 92 && s.charCodeAt(p + 1) === 13 && s.charCodeAt(p + 2) === 10) p += 3;
      else break;
    }
    this.pos = p;
  }

  comment(): void {
    const e = this.s.indexOf('\n', this.pos);
    this.pos = e < 0 ? this.n : e;
  }

  newline(): void {
    // consume a newline and any heredoc bodies it starts
    this.pos++;
    if (this.pendingHeredocs.length === 0) return;
    const docs = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const d of docs) {
      while (this.pos < this.n) {
        const e = this.s.indexOf('\n', this.pos);
        const lineEnd = e < 0 ? this.n : e;
        let ln = this.s.slice(this.pos, lineEnd).replace(/\r$/, '');
        if (d.strip) ln = ln.replace(/^\t+/, '');
        this.pos = e < 0 ? this.n : e + 1;
        if (ln === d.delim) break;
      }
    }
  }

  /** The reserved word at the current position, if any (only meaningful at command position). */
  peekReserved(): string | null {
    const { s } = this;
    const c = s[this.pos];
    if (c === '{' || c === '}' || c === '!') {
      const nx = s[this.pos + 1] as string | undefined;
      if (nx === undefined || META.has(nx)) return c;
      return null;
    }
    if (c === '[' && s[this.pos + 1] === '[') {
      const nx = s[this.pos + 2] as string | undefined;
      if (nx === undefined || nx === ' ' || nx === '\t' || nx === '\n') return '[[';
      return null;
    }
    let e = this.pos;
    for (let k = s.charCodeAt(e); e < this.n && k >= 97 && k <= 122; k = s.charCodeAt(++e));
    if (e === this.pos) return null;
    const nx = s[e] as string | undefined;
    if (nx !== undefined && !META.has(nx)) return null;
    const w = s.slice(this.pos, e);
    return RESERVED.has(w) ? w : null;
  }

  expectReserved(w: string): boolean {
    this.skipSeparators();
    if (this.peekReserved() === w) { this.pos += w.length; return true; }
    return false;
  }

  skipSeparators(): void {
    for (;;) {
      this.blanks();
      const c = this.s[this.pos];
      if (c === '\n') this.newline();
      else if (c === ';' && this.s[this.pos + 1] !== ';' && this.s[this.pos + 1] !== '&') this.pos++;
      else if (c === '#') this.comment();
      else return;
    }
  }

  /** Parses a command list until a stop word (not consumed) or, with ')' in stop, a ')' . */
  parseList(stop: Stop): ShellCommand | null {
    const { s } = this;
    let last: ShellCommand | null = null;
    let sep: string | null = null;
    let guard = -1;
    while (this.pos < this.n) {
      if (guard === this.pos) { this.pos++; continue; }
      guard = this.pos;
      this.blanks();
      if (this.pos >= this.n) break;
      const c = s[this.pos];
      const c2 = s[this.pos + 1];
      if (c === '\n') { this.newline(); if (last && !last.next) sep = sep ?? '\n'; continue; }
      if (c === '#') { this.comment(); continue; }
      if (c === ';') {
        if (c2 === ';' || c2 === '&') { if (stop.has(';;')) return last; this.pos += 2; continue; }
        this.pos++;
        if (last && !last.next) sep = ';';
        continue;
      }
      if (c === '&' && c2 !== '>') {
        if (c2 === '&') { if (last && !last.next) last.next = '&&'; this.pos += 2; sep = null; continue; }
        this.pos++;
        if (last && !last.next) last.next = '&';
        sep = null;
        continue;
      }
      if (c === '|') {
        if (c2 === '|') { if (last && !last.next) last.next = '||'; this.pos += 2; sep = null; continue; }
        this.pos += c2 === '&' ? 2 : 1;
        if (last && !last.next) last.next = '|';
        sep = null;
        continue;
      }
      if (c === ')') {
        if (stop.has(')')) return last;
        this.pos++;
        continue;
      }
      const r = this.peekReserved();
      if (r && stop.has(r)) return last;
      const cmd = this.parseCommand(stop, r);
      if (cmd) {
        if (last && sep && !last.next) last.next = sep;
        last = cmd;
        sep = null;
      }
    }
    return last;
  }

  /** One command (simple or compound) with its redirections; returns the last simple command it produced. */
  parseCommand(stop: Stop, r = this.peekReserved()): ShellCommand | null {
    if (r && this.depth < 200) {
      this.depth++;
      try {
        const res = this.compound(r, stop);
        if (res !== undefined) { this.trailingRedirects(); return res; }
      } finally {
        this.depth--;
      }
    }
    if (this.s[this.pos] === '(' && this.depth < 200) {
      this.depth++;
      try {
        if (this.s[this.pos + 1] === '(') {
          // (( arithmetic )): no commands
          this.skipBalanced('(', ')');
          this.trailingRedirects();
          return null;
        }
        this.pos++;
        const last = this.parseList(STOP_PAREN);
        if (this.s[this.pos] === ')') this.pos++;
        this.trailingRedirects();
        return last;
      } finally {
        this.depth--;
      }
    }
    return this.simple();
  }

  /** Compound commands; returns undefined when the reserved word is not handled here. */
  compound(r: string, stop: Stop): ShellCommand | null | undefined {
    const s = this.s;
    switch (r) {
      case 'if': {
        this.pos += 2;
        let last = this.parseList(STOP_THEN);
        this.expectReserved('then');
        last = this.parseList(STOP_ELSE) ?? last;
        for (;;) {
          this.skipSeparators();
          const w = this.peekReserved();
          if (w === 'elif') {
            this.pos += 4;
            last = this.parseList(STOP_THEN) ?? last;
            this.expectReserved('then');
            last = this.parseList(STOP_ELSE) ?? last;
          } else if (w === 'else') {
            this.pos += 4;
            last = this.parseList(STOP_FI) ?? last;
          } else {
            if (w === 'fi') this.pos += 2;
            break;
          }
        }
        return last;
      }
      case 'while':
      case 'until': {
        this.pos += r.length;
        let last = this.parseList(STOP_DO);
        this.expectReserved('do');
        last = this.parseList(STOP_DONE) ?? last;
        this.expectReserved('done');
        return last;
      }
      case 'for':
      case 'select': {
        this.pos += r.length;
        this.blanks();
        let last: ShellCommand | null = null;
        if (s[this.pos] === '(' && s[this.pos + 1] === '(') {
          this.skipBalanced('(', ')');
        } else {
          this.readWord(); // the variable name
          this.blanks();
          if (s[this.pos] === '\n') this.skipSeparators();
          if (this.peekReserved() === null && s.startsWith('in', this.pos) && (this.pos + 2 >= this.n || META.has(s[this.pos + 2]))) {
            this.pos += 2;
            for (;;) {
              this.blanks();
              const c = s[this.pos] as string | undefined;
              if (c === undefined || c === ';' || c === '\n' || c === '&' || c === '|' || c === ')') break;
              if (c === '#') { this.comment(); break; }
              // a redirection or '(' is no word of the list: take it as the shell would read it, so
              // that the loop always moves on (a word that reads nothing would otherwise repeat forever)
              const before = this.pos;
              this.readWord();
              if (this.pos === before && !this.redirect()) this.pos++;
            }
          }
        }
        this.skipSeparators();
        if (this.peekReserved() === '{') {
          this.pos++;
          last = this.parseList(STOP_BRACE);
          this.expectReserved('}');
          return last;
        }
        this.expectReserved('do');
        last = this.parseList(STOP_DONE);
        this.expectReserved('done');
        return last;
      }
      case 'case': {
        this.pos += 4;
        this.blanks();
        this.readWord();
        this.skipSeparators();
        if (s.startsWith('in', this.pos)) this.pos += 2;
        let last: ShellCommand | null = null;
        let guard = -1;
        while (this.pos < this.n) {
          if (guard === this.pos) { this.pos++; continue; }
          guard = this.pos;
          this.skipSeparators();
          if (this.peekReserved() === 'esac') { this.pos += 4; break; }
          if (s[this.pos] === '(') this.pos++;
          // patterns up to ')'
          for (;;) {
            this.blanks();
            const c = s[this.pos] as string | undefined;
            if (c === undefined || c === ')') { if (c === ')') this.pos++; break; }
            if (c === '|' || c === '\n') { this.pos++; continue; }
            const before = this.pos;
            this.readWord();
            if (this.pos === before) this.pos++;
          }
          last = this.parseList(STOP_CASE) ?? last;
          if (s[this.pos] === ';') {
            this.pos += 2;
            if (s[this.pos] === '&' ) this.pos++;
          }
        }
        return last;
      }
      case '{': {
        this.pos++;
        const last = this.parseList(STOP_BRACE);
        this.expectReserved('}');
        return last;
      }
      case '!':
      case 'time': {
        this.pos += r.length;
        this.blanks();
        if (r === 'time' && s.startsWith('-p', this.pos) && META.has(s[this.pos + 2] ?? ' ')) { this.pos += 2; this.blanks(); }
        const c = s[this.pos] as string | undefined;
        if (c === undefined || c === ';' || c === '\n' || c === '&' || c === '|' || c === ')') return null;
        return this.parseCommand(stop);
      }
      case '[[': {
        this.pos += 2;
        // test clause: its words may hold command substitutions; it is not a command itself
        for (;;) {
          this.blanks();
          const c = s[this.pos] as string | undefined;
          if (c === undefined || c === '\n' || c === ';') break;
          if (c === ']' && s[this.pos + 1] === ']' && (this.pos + 2 >= this.n || META.has(s[this.pos + 2]))) { this.pos += 2; break; }
          if (c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') { this.pos++; continue; }
          const before = this.pos;
          this.readWord();
          if (this.pos === before) this.pos++;
        }
        return null;
      }
      case 'function': {
        this.pos += 8;
        this.blanks();
        this.readWord();
        this.blanks();
        if (s[this.pos] === '(' && s[this.pos + 1] === ')') this.pos += 2;
        this.skipSeparators();
        return this.parseCommand(stop);
      }
      case 'coproc':
        return undefined;
      default:
        // then/do/done/fi/else/elif/esac/} out of place: read them as ordinary words
        return undefined;
    }
  }

  trailingRedirects(): void {
    for (;;) {
      this.blanks();
      if (!this.redirect()) return;
    }
  }

  /** Reads a redirection at the current position; returns false when there is none. */
  redirect(): boolean {
    const s = this.s;
    let p = this.pos;
    while (p < this.n && s[p] >= '0' && s[p] <= '9') p++;
    if (p === this.pos && s[p] === '{') {
      const m = /^\{[A-Za-z_][A-Za-z0-9_]*\}[<>]/.exec(s.slice(p, p + 64));
      if (m) p += m[0].length - 1;
    }
    const c = s[p];
    const c2 = s[p + 1];
    let op: string | null = null;
    if (c === '&' && c2 === '>' && p === this.pos) op = s[p + 2] === '>' ? '&>>' : '&>';
    else if (c === '>') {
      if (c2 === '(') return false;
      op = c2 === '>' ? '>>' : c2 === '|' ? '>|' : c2 === '&' ? '>&' : '>';
    } else if (c === '<') {
      if (c2 === '(') return false;
      if (c2 === '<') op = s[p + 2] === '<' ? '<<<' : s[p + 2] === '-' ? '<<-' : '<<';
      else op = c2 === '&' ? '<&' : c2 === '>' ? '<>' : '<';
    }
    if (!op) return false;
    this.pos = p + op.length;
    this.blanks();
    const w = this.readWord();
    if ((op === '<<' || op === '<<-') && w) {
      const delim = w.raw.replace(/\\(.)/g, '$1').replace(/['"]/g, '');
      this.pendingHeredocs.push({ delim, strip: op === '<<-' });
    }
    return true;
  }

  simple(): ShellCommand | null {
    const s = this.s;
    const start = this.pos;
    const index = this.out.length;
    const cmd: ShellCommand = { name: '', argv: [], spans: [], assignments: [], text: '', via: [], wrappers: [], next: null, line: this.map.line(start) };
    this.out.push(cmd);
    const words: Word[] = [];
    let end = start;
    const lastTarget: ShellCommand | null = null;
    for (;;) {
      this.blanks();
      if (this.pos >= this.n) break;
      const c = s.charCodeAt(this.pos);
      // \n ; | ) end the command, and & unless it is &>
      if (c === 10 || c === 59 || c === 124 || c === 41) break;
      if (c === 38 && s.charCodeAt(this.pos + 1) !== 62) break;
      if (c === 35) { this.comment(); break; }
      // a redirection starts with a digit, {, <, > or &
      if (((c >= 48 && c <= 57) || c === 60 || c === 62 || c === 38 || c === 123) && this.redirect()) { end = this.pos; continue; }
      if (c === 40) {
        // name() { …; }: a function definition
        if (cmd.argv.length === 1 && s.charCodeAt(this.pos + 1) === 41) {
          this.out.splice(index, 1);
          this.pos += 2;
          this.skipSeparators();
          return this.parseCommand(TOP);
        }
        this.pos++;
        continue;
      }
      const w = this.readWord();
      if (!w) { this.pos++; continue; }
      end = w.end;
      if (cmd.argv.length === 0 && w.raw.indexOf('=') > 0 && /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/.test(w.raw)) {
        cmd.assignments.push(w.value);
      } else {
        cmd.argv.push(w.value);
        cmd.spans.push(this.span(w));
        words.push(w);
      }
    }
    if (cmd.argv.length === 0 && cmd.assignments.length === 0) {
      this.out.splice(index, 1);
      return lastTarget;
    }
    cmd.name = cmd.argv.length ? basename(cmd.argv[0]) : '';
    // the words of a command that may be a wrapper, for reading a `sh -c` script where it is written
    if (words.length > 2 && WRAPPERS.has(cmd.name)) this.sources.set(cmd, { script: s, map: this.map, json: false, words });
    cmd.text = s.slice(start, Math.max(end, start)).trim();
    return cmd;
  }

  /** Where a word is in the source: its offsets, and where its value is written verbatim (a plain
   *  word, or a quoted one without escapes or expansions, on one stretch of source). */
  span(w: Word): WordSpan | null {
    const start = this.map.offset(w.start, false);
    const end = this.map.offset(w.end, true);
    if (start === null || end === null) return null;
    let value: number | null = null;
    if (end - start === w.raw.length) {
      if (w.raw === w.value) value = start;
      else if (w.raw.length >= 2 && (w.raw[0] === "'" || w.raw[0] === '"') && w.raw[w.raw.length - 1] === w.raw[0] &&
        w.raw.length === w.value.length + 2 && w.raw.startsWith(w.value, 1) && (w.raw[0] === "'" || !/[\\$`]/.test(w.value))) value = start + 1;
    }
    return { start, end, value };
  }

  /** Skips from an opening character to its balanced close (for $(( )), (( )), ${ }). */
  skipBalanced(open: string, close: string): void {
    const s = this.s;
    let depth = 0;
    while (this.pos < this.n) {
      const c = s[this.pos];
      if (c === '\\') { this.pos += 2; continue; }
      if (c === "'" && open === '{') { const e = s.indexOf("'", this.pos + 1); this.pos = e < 0 ? this.n : e + 1; continue; }
      if (c === '"') { this.dquoted(); continue; }
      if (c === '$' && s[this.pos + 1] === '(' && s[this.pos + 2] !== '(') { this.pos++; this.cmdSubst(); continue; }
      if (c === '`') { this.backtick(); continue; }
      if (c === open) depth++;
      else if (c === close) { depth--; if (depth === 0) { this.pos++; return; } }
      this.pos++;
    }
  }

  /** $( … ) at this.pos pointing to '('. */
  cmdSubst(): void {
    this.pos++;
    if (this.depth > 200) { this.pos = this.n; return; }
    this.depth++;
    const saved = this.pendingHeredocs;
    this.pendingHeredocs = [];
    try {
      this.parseList(STOP_PAREN);
    } finally {
      this.depth--;
      this.pendingHeredocs = saved;
    }
    if (this.s[this.pos] === ')') this.pos++;
  }

  /** `…` at this.pos pointing to the opening backtick; the inner text is parsed as a script. */
  backtick(): void {
    const s = this.s;
    const open = this.pos;
    let i = this.pos + 1;
    let inner = '';
    // where each character of the inner script is (an escaped ` \ $ is the backslash and it)
    const chars: ValueMap = { from: [], to: [] };
    while (i < this.n && s[i] !== '`') {
      if (s[i] === '\\' && i + 1 < this.n) {
        const nx = s[i + 1];
        if (nx === '`' || nx === '\\' || nx === '$') { inner += nx; chars.from.push(i); chars.to.push(i + 2); i += 2; continue; }
      }
      inner += s[i];
      chars.from.push(i);
      chars.to.push(i + 1);
      i++;
    }
    this.pos = Math.min(i + 1, this.n);
    if (this.depth > 200) return;
    const line = this.map.line(open);
    const sub = new Parser(inner, throughValue(this.map, chars, () => line), this.sources);
    sub.depth = this.depth + 1;
    sub.parseList(TOP);
    this.out.push(...sub.out);
  }

  /** "…" at this.pos; returns the resolved value. */
  dquoted(): string {
    const s = this.s;
    this.pos++;
    let v = '';
    let lit = this.pos;
    while (this.pos < this.n) {
      const code = s.charCodeAt(this.pos);
      // plain characters: anything but " \ $ `
      if (code !== 34 && code !== 92 && code !== 36 && code !== 96) {
        DQ_RUN.lastIndex = this.pos + 1;
        DQ_RUN.test(s);
        this.pos = DQ_RUN.lastIndex;
        continue;
      }
      if (this.pos > lit) { v += s.slice(lit, this.pos); this.verbatim(lit, this.pos); }
      if (code === 34) { this.pos++; return v; }
      if (code === 92) {
        const nx = s[this.pos + 1];
        if (nx === '\n') this.pos += 2;
        else if (nx === '$' || nx === '`' || nx === '"' || nx === '\\') { v += nx; this.escaped(this.pos, this.pos + 2); this.pos += 2; }
        else { v += '\\'; this.verbatim(this.pos, this.pos + 1); this.pos++; }
      } else {
        // an expansion: its text is kept as written
        const a = this.pos;
        const t = this.track;
        this.track = null;
        if (code === 36) v += this.dollar();
        else { this.backtick(); v += s.slice(a, this.pos); }
        this.track = t;
        this.verbatim(a, this.pos);
      }
      lit = this.pos;
    }
    if (this.pos > lit) { v += s.slice(lit, this.pos); this.verbatim(lit, this.pos); }
    return v;
  }

  /** An expansion at '$'; returns its source text (or '$' alone). */
  dollar(): string {
    const s = this.s;
    const a = this.pos;
    const nx = s[this.pos + 1] as string | undefined;
    if (nx === '(') {
      if (s[this.pos + 2] === '(') { this.pos++; this.skipBalanced('(', ')'); return s.slice(a, this.pos); }
      this.pos++;
      this.cmdSubst();
      return s.slice(a, this.pos);
    }
    if (nx === '{') { this.pos++; this.skipBalanced('{', '}'); return s.slice(a, this.pos); }
    if (nx === '[') { this.pos++; this.skipBalanced('[', ']'); return s.slice(a, this.pos); }
    if (nx !== undefined && /[A-Za-z_]/.test(nx)) {
      let e = this.pos + 2;
      while (e < this.n && /[A-Za-z0-9_]/.test(s[e])) e++;
      this.pos = e;
      return s.slice(a, e);
    }
    if (nx !== undefined && /[0-9@*#?$!-]/.test(nx)) { this.pos += 2; return s.slice(a, this.pos); }
    this.pos++;
    return '$';
  }

  /** A word at the current position (null when none); value has quotes and escapes resolved. */
  readWord(): Word | null {
    const s = this.s;
    const n = this.n;
    const start = this.pos;
    let v = '';
    let lit = this.pos; // start of the pending run of plain characters
    while (this.pos < n) {
      const code = s.charCodeAt(this.pos);
      if (code >= 128 || SPECIAL[code] === 0) {
        // skip the run of plain characters natively
        PLAIN_RUN.lastIndex = this.pos + 1;
        PLAIN_RUN.test(s);
        this.pos = PLAIN_RUN.lastIndex;
        continue;
      }
      // a blank or operator ends the word (not ( and not the ( of <( … ) or >( … ))
      if (SPECIAL[code] === 1 && code !== 40 && !((code === 60 || code === 62) && s.charCodeAt(this.pos + 1) === 40)) break;
      if (this.pos > lit) { v += s.slice(lit, this.pos); this.verbatim(lit, this.pos); }
      const c = s[this.pos];
      const a = this.pos;
      // expansions and other nested text are kept as written (not tracked inside)
      const t = this.track;
      if (SPECIAL[code] === 1) {
        this.track = null;
        // <( … ) and >( … ) process substitutions are part of a word
        if ((c === '<' || c === '>') && s[this.pos + 1] === '(') {
          this.pos++;
          this.cmdSubst();
          v += s.slice(a, this.pos);
        } else if (c === '(' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(s.slice(start, this.pos))) {
          // arr=( … ) array assignment
          this.arrayValue();
          v += s.slice(a, this.pos);
        } else if (c === '(' && this.pos > start && '@!+*?'.includes(s[this.pos - 1])) {
          // extended globs @( … ) etc.
          this.skipBalanced('(', ')');
          v += s.slice(a, this.pos);
        } else {
          this.track = t;
          lit = this.pos;
          break;
        }
        this.track = t;
        this.verbatim(a, this.pos);
      } else if (c === '\\') {
        const nx = s[this.pos + 1] as string | undefined;
        if (nx === undefined) { v += c; this.verbatim(a, a + 1); this.pos++; }
        else if (nx === '\n') this.pos += 2;
        else { v += nx; this.escaped(a, a + 2); this.pos += 2; }
      } else if (c === "'") {
        const e = s.indexOf("'", this.pos + 1);
        const stop = e < 0 ? n : e;
        v += s.slice(this.pos + 1, stop);
        this.verbatim(this.pos + 1, stop);
        this.pos = e < 0 ? n : e + 1;
      } else if (c === '"') {
        v += this.dquoted();
      } else if (c === '$') {
        const nx = s[this.pos + 1];
        if (nx === "'") { this.pos++; v += this.ansiC(); if (t) t.ok = false; }
        else if (nx === '"') { this.pos++; v += this.dquoted(); }
        else { this.track = null; v += this.dollar(); this.track = t; this.verbatim(a, this.pos); }
      } else if (c === '`') {
        this.track = null;
        this.backtick();
        v += s.slice(a, this.pos);
        this.track = t;
        this.verbatim(a, this.pos);
      }
      lit = this.pos;
    }
    if (this.pos === start) return null;
    // a word of plain characters only: its value is its text (one string for both)
    if (lit === start) { const raw = s.slice(start, this.pos); this.verbatim(start, this.pos); return { value: raw, start, end: this.pos, raw }; }
    if (this.pos > lit) { v += s.slice(lit, this.pos); this.verbatim(lit, this.pos); }
    return { value: v, start, end: this.pos, raw: s.slice(start, this.pos) };
  }

  arrayValue(): void {
    this.pos++;
    for (;;) {
      this.blanks();
      const c = this.s[this.pos] as string | undefined;
      if (c === undefined) return;
      if (c === ')') { this.pos++; return; }
      if (c === '\n') { this.pos++; continue; }
      if (c === '#') { this.comment(); continue; }
      const before = this.pos;
      this.readWord();
      if (this.pos === before) this.pos++;
    }
  }

  /** $'…' with this.pos at the quote. */
  ansiC(): string {
    const s = this.s;
    this.pos++;
    let v = '';
    while (this.pos < this.n) {
      const c = s[this.pos];
      if (c === "'") { this.pos++; return v; }
      if (c === '\\' && this.pos + 1 < this.n) {
        const nx = s[this.pos + 1];
        const simple: Partial<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
        const esc = simple[nx];
        if (esc !== undefined) { v += esc; this.pos += 2; continue; }
        const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(this.pos + 1, this.pos + 4));
        if (hex) { v += String.fromCharCode(parseInt(hex[1], 16)); this.pos += 1 + hex[0].length; continue; }
        const oct = /^[0-7]{1,3}/.exec(s.slice(this.pos + 1, this.pos + 4));
        if (oct) { v += String.fromCharCode(parseInt(oct[0], 8) & 0xff); this.pos += 1 + oct[0].length; continue; }
        v += c + nx;
        this.pos += 2;
        continue;
      }
      v += c;
      this.pos++;
    }
    return v;
  }
}

// ---------------------------------------------------------------------------------------------
// Unwrapping wrappers

const SUDO_ARG_OPTS = new Set(['u', 'g', 'C', 'D', 'h', 'p', 'r', 't', 'U', 'T', 'R']);
const SUDO_LONG_ARG = new Set(['--user', '--group', '--close-from', '--chdir', '--host', '--prompt', '--role', '--type',
  '--other-user', '--command-timeout', '--chroot']);

function unwrapAll(cmds: ShellCommand[], depth: number, sources: Sources): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const c of cmds) {
    // most commands wrap nothing: no array of one for them
    if (c.argv.length < 2 || !WRAPPERS.has(c.name)) out.push(c);
    else for (const u of unwrapOne(c, depth, sources)) out.push(u);
  }
  return out;
}

/** The wrapper a command is, for the `wrappers` of the command it runs from argv[from] on: its
 *  first word and the words before argv[from]. */
function wrapperOf(c: ShellCommand, from: number): ShellCommand['wrappers'][number] {
  return { word: c.argv[0], span: c.spans[0] ?? null, args: c.argv.slice(1, from) };
}

/** The command from argv[from] on, reached through a wrapper. */
function withRest(c: ShellCommand, from: number, via: string, sources: Sources, assignments: string[] = []): ShellCommand {
  const rest = c.argv.slice(from);
  const cmd: ShellCommand = {
    name: basename(rest[0] ?? ''), argv: rest, spans: c.spans.slice(from), assignments: [...c.assignments, ...assignments], text: c.text,
    via: [...c.via, via], wrappers: [...c.wrappers, wrapperOf(c, from)], next: c.next, line: c.line,
  };
  const src = sources.get(c);
  if (src) sources.set(cmd, { ...src, words: src.words.slice(from) });
  return cmd;
}

/** Where the characters of argv[i] of a command are written, when they are. */
function valueMapOf(c: ShellCommand, i: number, sources: Sources): { map: ScriptMap; chars: ValueMap } | null {
  const src = sources.get(c);
  const w = src?.words[i];
  if (!src || !w) return null;
  const chars = w.chars ?? (src.json ? null : shellValueMap(src.script, w.start, w.end, c.argv[i]));
  return chars && chars.from.length === c.argv[i].length ? { map: src.map, chars } : null;
}

function unwrapOne(c: ShellCommand, depth: number, sources: Sources): ShellCommand[] {
  if (depth > 8 || c.argv.length < 2) return [c];
  const a = c.argv;
  const name = c.name;
  let i = 1;
  switch (name) {
    case 'sudo':
    case 'doas': {
      while (i < a.length && a[i].startsWith('-')) {
        const o = a[i];
        i++;
        if (o === '--') break;
        if (o.startsWith('--')) { if (!o.includes('=') && SUDO_LONG_ARG.has(o)) i++; continue; }
        const last = o[o.length - 1];
        if (SUDO_ARG_OPTS.has(last) && !(name === 'doas' && last !== 'u' && last !== 'C')) i++;
      }
      const assigns: string[] = [];
      while (i < a.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a[i])) assigns.push(a[i++]);
      if (i >= a.length) return [c];
      return unwrapOne(withRest(c, i, name, sources, assigns), depth + 1, sources);
    }
    case 'env': {
      while (i < a.length && a[i].startsWith('-')) {
        const o = a[i];
        i++;
        if (o === '--') break;
        if (o === '-S' || o.startsWith('--split-string')) return [c];
        if (o === '-u' || o === '-C' || o === '--unset' || o === '--chdir') i++;
      }
      const assigns: string[] = [];
      while (i < a.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a[i])) assigns.push(a[i++]);
      if (i >= a.length) return [c];
      return unwrapOne(withRest(c, i, 'env', sources, assigns), depth + 1, sources);
    }
    case 'exec': {
      while (i < a.length && a[i].startsWith('-')) {
        const o = a[i];
        i++;
        if (o === '--') break;
        if (o === '-a') i++;
      }
      if (i >= a.length) return [c];
      return unwrapOne(withRest(c, i, 'exec', sources), depth + 1, sources);
    }
    case 'command': {
      while (i < a.length && a[i].startsWith('-')) {
        const o = a[i];
        if (/[vV]/.test(o)) return [c];
        i++;
        if (o === '--') break;
      }
      if (i >= a.length) return [c];
      return unwrapOne(withRest(c, i, 'command', sources), depth + 1, sources);
    }
    case 'nohup': {
      if (a[1] === '--') i++;
      if (i >= a.length) return [c];
      return unwrapOne(withRest(c, i, 'nohup', sources), depth + 1, sources);
    }
    default:
      break;
  }
  if (POSIX_SHELLS.has(name) && name !== 'busybox') {
    let sawC = false;
    while (i < a.length) {
      const o = a[i];
      if (o === '--' || o === '-') { i++; break; }
      if (!/^[-+]/.test(o)) break;
      i++;
      if (o.startsWith('--')) continue;
      if (o.slice(1).includes('c')) sawC = true;
      if (/o$/.test(o) || /O$/.test(o)) i++; // -o option / +O shopt take a name
    }
    if (sawC && i < a.length) {
      // the script's words are in the source through the quotes and escapes of the script word
      const script = valueMapOf(c, i, sources);
      const map = script ? throughValue(script.map, script.chars, () => c.line) : NO_OFFSETS(() => c.line);
      const inner = splitShell(a[i], map, false, sources);
      const wrapper = wrapperOf(c, i);
      for (const x of inner) {
        x.line = c.line;
        x.via = [...c.via, `${name} -c`];
        x.wrappers = [...c.wrappers, wrapper];
      }
      if (inner.length > 0) inner[inner.length - 1].next = c.next;
      return unwrapAll(inner, depth + 1, sources);
    }
  }
  return [c];
}
