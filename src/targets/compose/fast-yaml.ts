// A fast reader for the YAML that compose files are written in, producing the same raw tree
// (values, anchors, tags and offsets) as the `yaml` library's Parser + Composer. Measured on the
// 294 files of the real-world corpus (264 KB), `yaml`'s lexer alone takes 0.3–0.6 s in a fresh
// process and parsing + composing 0.6–1.2 s: more than the whole compose audit may take (0.3 s).
// This reader handles the subset compose files use — one document of block mappings and
// sequences, plain / quoted / block scalars, flow collections, comments, anchors, aliases and
// merge keys — and returns null for anything else, or anything it is unsure of (tabs, CRs,
// document markers, directives, complex keys, multi-line plain or quoted scalars, escapes other
// than the common ones, duplicate keys, other tags, anything the library would report as an
// error…): the caller then parses with `yaml`. test/targets/compose/fast-yaml.test.ts proves the
// two give the same result on every corpus file and on tables of tricky YAML.

/** Raw tree, shared by this reader and the `yaml` path (see parse.ts). Offsets are UTF-16 indexes. */
export type RNode = RScalar | RMap | RSeq | RAlias;
interface RBase {
  start: number;
  /** End of the value (the library's range[1]). */
  end: number;
  anchor?: string;
  tag?: string;
}
export interface RScalar extends RBase { k: 0; value: unknown }
export interface RMap extends RBase { k: 1; pairs: RPair[] }
export interface RSeq extends RBase { k: 2; items: (RNode | null)[] }
export interface RAlias extends RBase { k: 3; source: string }
export interface RPair {
  key: RNode | null;
  keyText: string;
  keyStart: number;
  keyEnd: number;
  /** `<<` (a merge key). */
  merge: boolean;
  value: RNode | null;
}

class Unsupported extends Error {}
const NO = new Unsupported();
function no(): never {
  throw NO;
}

/** Core-schema resolution of a plain scalar, as the `yaml` library does it (YAML 1.2 core). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // fast exit: most plain scalars are words
  if (!(c >= 48 && c <= 57) && c !== 43 && c !== 45 && c !== 46 && c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70 && s !== '') return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

const SP = 32;
const NL = 10;
const HASH = 35;

/** The raw tree of `text` (null for a document without content: blank lines and comments), or
 *  undefined when it is outside the subset (parse it with `yaml` then). */
export function fastParse(text: string): RNode | null | undefined {
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    // outside the subset, or nested too deep for the stack: the library decides
    if (e === NO || e instanceof RangeError) return undefined;
    throw e;
  }
}

class Reader {
  private readonly t: string;
  private readonly n: number;
  private p = 0;
  constructor(text: string) {
    this.t = text;
    this.n = text.length;
  }

  document(): RNode | null {
    let at = this.nextContent(0);
    if (at < 0) return null; // empty, or comments only
    let col = at - this.lineStart(at);
    if (col !== 0) no();
    if (this.t.startsWith('---', at) && isSpaceOrEnd(this.t, at + 3)) {
      // a document start marker on its own line
      at = this.nextContent(this.endOfLine(at + 3));
      if (at < 0) no();
      col = at - this.lineStart(at);
      if (col !== 0) no();
    }
    const c = this.t.charCodeAt(at);
    if (c === 45 /* - */ || c === 37 /* % */ || c === 46 /* . */) no(); // document markers, directives, top-level sequences
    this.p = at;
    const map = this.blockMap(0, at);
    if (this.nextContent(this.p) >= 0) no();
    return map;
  }

  // ---- lines ----

  private lineStart(at: number): number {
    return this.t.lastIndexOf('\n', at - 1) + 1;
  }

  /** Offset of the first content character at or after `from` (which is a line start or mid-line
   *  after content), skipping blank and comment lines; -1 at the end. */
  private nextContent(from: number): number {
    const t = this.t;
    let i = from;
    for (;;) {
      while (i < this.n && t.charCodeAt(i) === SP) i++;
      if (i >= this.n) return -1;
      const c = t.charCodeAt(i);
      if (c === NL) {
        i++;
        continue;
      }
      if (c === HASH) {
        const nl = t.indexOf('\n', i);
        if (nl < 0) return -1;
        i = nl + 1;
        continue;
      }
      return i;
    }
  }

  /** After a value on a line: spaces, an optional comment, the newline. Returns the offset after
   *  the newline (or the end); fails on anything else. */
  private endOfLine(i: number): number {
    const t = this.t;
    while (i < this.n && t.charCodeAt(i) === SP) i++;
    if (i >= this.n) return this.n;
    const c = t.charCodeAt(i);
    if (c === NL) return i + 1;
    if (c === HASH && t.charCodeAt(i - 1) === SP) {
      const nl = t.indexOf('\n', i);
      return nl < 0 ? this.n : nl + 1;
    }
    return no();
  }

  /** Indentation of the line holding offset `at`. */
  private indentOf(at: number): number {
    const ls = this.lineStart(at);
    let k = ls;
    while (this.t.charCodeAt(k) === SP) k++;
    return k - ls;
  }

  // ---- block collections ----

  /** A block mapping whose keys are at column `indent`; the first key starts at `at`. Leaves
   *  this.p at the start of the line after it (or the end). `end2` (the library's range[2]) is
   *  kept in this.lastEnd2. */
  private lastEnd2 = 0;
  /** Whether the last value read can take the comment lines after it (the library appends an
   *  indented comment to the end of a scalar, alias or flow collection, not to a block scalar). */
  private lastAbsorbs = false;
  /** The blank and comment lines after a finished block collection, handed to its parent when the
   *  parent ends at the same place: whether they hold a comment, the deepest comment's column. */
  private pending: { hasComment: boolean; maxCol: number; next: number } | null = null;

  private blockMap(indent: number, at: number): RMap {
    const pairs: RPair[] = [];
    const seen = new Set<string>();
    const map: RMap = { k: 1, start: at, end: at, pairs };
    let i = at;
    for (;;) {
      const pair = this.pair(indent, i);
      if (pair.merge ? seen.has('<<') : seen.has(pair.keyText)) no();
      seen.add(pair.merge ? '<<' : pair.keyText);
      pairs.push(pair);
      map.end = this.lastEnd2;
      const next = this.nextContent(this.p);
      if (next < 0) break;
      const col = next - this.lineStart(next);
      if (col < indent) break;
      if (col > indent) no();
      i = next;
    }
    this.finish(map, indent);
    return map;
  }

  /** The library's range of a block collection that just ended: its last value may take the
   *  indented comment lines after it (range[1]); the remaining blank and comment lines stay with
   *  the collection (range[2]) when one of them is at least as indented as it, else they go to
   *  the parent (Parser.pop). Sets this.lastEnd2 to range[2]. */
  private finish(coll: RMap | RSeq, indent: number): void {
    let info = this.pending;
    if (!info || !this.lastWasBlock) {
      const t = this.t;
      let end = coll.end;
      let i = end;
      let hasComment = false;
      let maxCol = -1;
      let next = this.n;
      while (i < this.n) {
        let k = i;
        while (k < this.n && t.charCodeAt(k) === SP) k++;
        if (k >= this.n) break;
        const c = t.charCodeAt(k);
        if (c === NL) {
          i = k + 1;
          continue;
        }
        if (c !== HASH) {
          next = k;
          break;
        }
        const nl = t.indexOf('\n', k);
        const after = nl < 0 ? this.n : nl + 1;
        const col = k - i;
        if (!hasComment && this.lastAbsorbs && col > indent) {
          end = after;
        } else {
          hasComment = true;
          if (col > maxCol) maxCol = col;
        }
        i = after;
      }
      coll.end = end;
      info = { hasComment, maxCol, next };
    }
    if (info.hasComment && indent !== 0 && info.maxCol >= indent) {
      this.lastEnd2 = info.next;
      this.pending = { hasComment: false, maxCol: -1, next: info.next };
    } else {
      this.lastEnd2 = coll.end;
      this.pending = info;
    }
    this.lastWasBlock = true;
    this.lastAbsorbs = false;
  }

  private lastWasBlock = false;

  private pair(indent: number, at: number): RPair {
    const t = this.t;
    let keyText: string;
    let keyEnd: number;
    let key: RScalar;
    let merge = false;
    let colon: number;
    const c = t.charCodeAt(at);
    if (c === 34 || c === 39) {
      const q = this.quoted(at);
      key = q;
      keyEnd = q.end;
      keyText = String(q.value);
      let j = keyEnd;
      while (t.charCodeAt(j) === SP) j++;
      if (t.charCodeAt(j) !== 58 /* : */) no();
      colon = j;
    } else {
      if (!plainStart(t, at, false)) no();
      // the key runs to ': ' or ':' at the end of the line
      const j = this.plainColon(at);
      if (j < 0 || j - at > 1000) no(); // the library refuses implicit keys of more than 1024 characters
      keyEnd = j;
      while (t.charCodeAt(keyEnd - 1) === SP) keyEnd--;
      const raw = t.slice(at, keyEnd);
      if (raw === '<<') {
        merge = true;
        key = { k: 0, start: at, end: keyEnd, value: Symbol('<<') };
        keyText = '<<';
      } else {
        const v = resolvePlain(raw);
        key = { k: 0, start: at, end: keyEnd, value: v };
        keyText = String(v);
      }
      colon = j;
    }
    const value = this.valueAfter(colon + 1, indent, true);
    return { key, keyText, keyStart: at, keyEnd, merge, value };
  }

  /** A value after `key:` or `- ` at offset i (on the same line), for a node of a collection at
   *  column `indent`. Sets this.p to the next line and this.lastEnd2. */
  private valueAfter(i: number, indent: number, inMap: boolean): RNode | null {
    const t = this.t;
    let anchor: string | undefined;
    let tag: string | undefined;
    for (;;) {
      while (i < this.n && t.charCodeAt(i) === SP) i++;
      const c = t.charCodeAt(i);
      if (c === 38 /* & */ && anchor === undefined) {
        const e = this.nameEnd(i + 1);
        anchor = t.slice(i + 1, e);
        i = e;
        continue;
      }
      if (c === 33 /* ! */ && tag === undefined) {
        const e = this.nameEnd(i + 1);
        tag = t.slice(i, e);
        if (tag !== '!reset' && tag !== '!override') no();
        i = e;
        continue;
      }
      break;
    }
    const c = i < this.n ? t.charCodeAt(i) : NL;
    let node: RNode;
    if (c === NL || (c === HASH && t.charCodeAt(i - 1) === SP)) {
      // the value is on the next lines, or empty
      const eol = this.endOfLine(i);
      const next = this.nextContent(eol);
      const col = next < 0 ? -1 : next - this.lineStart(next);
      if (next >= 0 && col > indent) {
        node = this.blockNode(col, next, indent);
      } else if (next >= 0 && inMap && col === indent && t.charCodeAt(next) === 45 && isSpaceOrEnd(t, next + 1)) {
        node = this.blockSeq(col, next);
      } else {
        // an empty value; the library places comments after it in odd places: leave those to it
        node = { k: 0, start: i, end: i, value: tag ? '' : null };
        this.p = eol;
        this.lastEnd2 = i;
        this.lastWasBlock = false;
        this.lastAbsorbs = false;
        const nx = next < 0 ? this.n : next;
        if (c === HASH || t.slice(eol, nx).includes('#')) {
          // Comments after an empty value: the library keeps them with the value (range[2]),
          // up to the next content, or, when the next key is at the same column, up to the
          // second line break not followed by a comment deeper than the mapping.
          if (!inMap) no();
          let end2 = nx;
          if (next >= 0 && col === indent) {
            const nl: number[] = [];
            let k = i;
            while (k < nx) {
              const ch = t.charCodeAt(k);
              if (ch === NL) {
                nl.push(k);
                k++;
              } else if (ch === HASH) {
                const lineIndent = this.indentOf(k);
                if (lineIndent > indent) nl.length = 0;
                const e = t.indexOf('\n', k);
                k = e < 0 ? this.n : e;
              } else k++;
            }
            if (nl.length >= 2) end2 = nl[1];
          }
          this.lastEnd2 = end2;
          this.lastWasBlock = true;
          this.pending = { hasComment: false, maxCol: -1, next: nx };
        }
      }
    } else {
      if (c === HASH) no();
      node = this.inlineValue(i, indent);
    }
    if (anchor !== undefined) node.anchor = anchor;
    if (tag !== undefined) node.tag = tag;
    return node;
  }

  private nameEnd(i: number): number {
    const t = this.t;
    const s = i;
    while (i < this.n) {
      const c = t.charCodeAt(i);
      if (c === SP || c === NL || c === 44 || c === 91 || c === 93 || c === 123 || c === 125) break;
      i++;
    }
    if (i === s) no();
    return i;
  }

  /** A block node (mapping or sequence) whose first line starts at `at`, column `col`. */
  private blockNode(col: number, at: number, parentIndent: number): RNode {
    const t = this.t;
    if (t.charCodeAt(at) === 45 && isSpaceOrEnd(t, at + 1)) return this.blockSeq(col, at);
    const c = t.charCodeAt(at);
    if (c === 91 || c === 123) return this.inlineValue(at, parentIndent); // a flow collection on the next line
    if (!this.looksLikeKey(at)) no(); // a multi-line scalar or something stranger
    return this.blockMap(col, at);
  }

  /** true when the line at `at` is `key: …` (plain or quoted key). */
  private looksLikeKey(at: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = t.indexOf(c === 34 ? '"' : "'", at + 1);
      const nl = t.indexOf('\n', at);
      if (close < 0 || (nl >= 0 && close > nl)) no();
      return t.charCodeAt(close + 1) === 58;
    }
    return this.plainColon(at) >= 0;
  }

  /** The line from `at`: [end of line, start of a comment (or the end of line)]. */
  private lineBounds(at: number): [string, number] {
    const nl = this.t.indexOf('\n', at);
    const line = this.t.slice(at, nl < 0 ? this.n : nl);
    const h = line.indexOf(' #');
    return [line, h < 0 ? line.length : h];
  }

  /** Offset of the `:` of a plain mapping key starting at `at` (`: ` or `:` at the end of the
   *  line, before any comment), or -1. */
  private plainColon(at: number): number {
    const [line, h] = this.lineBounds(at);
    const j = line.indexOf(': ');
    if (j >= 0 && j < h) return at + j;
    if (h === line.length && line.charCodeAt(h - 1) === 58) return at + h - 1;
    return -1;
  }

  private blockSeq(indent: number, at: number): RSeq {
    const t = this.t;
    const items: (RNode | null)[] = [];
    const seq: RSeq = { k: 2, start: at, end: at, items };
    let i = at;
    for (;;) {
      // i is at '-'
      let j = i + 1;
      while (j < this.n && t.charCodeAt(j) === SP) j++;
      const c = j < this.n ? t.charCodeAt(j) : NL;
      let item: RNode | null;
      if (c !== NL && c !== HASH && c !== 38 && c !== 33 && this.looksLikeKey(j)) {
        // `- key: value` — a compact mapping at the key's column
        item = this.blockMap(j - this.lineStart(j), j);
      } else {
        if (c === 45 && isSpaceOrEnd(t, j + 1)) no(); // `- - x`
        item = this.valueAfter(i + 1, indent, false);
      }
      items.push(item);
      seq.end = this.lastEnd2;
      const next = this.nextContent(this.p);
      if (next < 0) break;
      const col = next - this.lineStart(next);
      if (col < indent) break;
      if (col > indent) no();
      if (!(t.charCodeAt(next) === 45 && isSpaceOrEnd(t, next + 1))) {
        break; // a key of the parent mapping at the same column
      }
      i = next;
    }
    this.finish(seq, indent);
    return seq;
  }

  // ---- values on one line ----

  private inlineValue(i: number, indent: number): RNode {
    const t = this.t;
    const c = t.charCodeAt(i);
    let node: RNode;
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(i, indent);
    if (c === 34 || c === 39) node = this.quoted(i);
    else if (c === 91 || c === 123) node = this.flow(i, indent, 1);
    else if (c === 42 /* * */) {
      const e = this.nameEnd(i + 1);
      node = { k: 3, start: i, end: e, source: t.slice(i + 1, e) };
    } else {
      if (!plainStart(t, i, false)) no();
      // to the end of the line or a comment; `: ` or a final `:` would be a nested mapping
      const [line, h] = this.lineBounds(i);
      const colon = line.indexOf(': ');
      if ((colon >= 0 && colon < h) || (h === line.length && line.charCodeAt(h - 1) === 58)) no();
      let last = i + h;
      while (last > i && t.charCodeAt(last - 1) === SP) last--;
      node = { k: 0, start: i, end: last, value: resolvePlain(t.slice(i, last)) };
      // a continuation line (multi-line plain scalar) is left to the library
      const eol = this.endOfLine(last);
      const next = this.nextContent(eol);
      if (next >= 0 && next - this.lineStart(next) > indent) no();
      this.p = eol;
      this.lastEnd2 = eol;
      this.lastWasBlock = false;
      this.lastAbsorbs = true;
      return node;
    }
    const eol = this.endOfLine(node.end);
    const next = this.nextContent(eol);
    if (next >= 0 && next - this.lineStart(next) > indent) no();
    this.p = eol;
    this.lastEnd2 = eol;
    this.lastWasBlock = false;
    this.lastAbsorbs = true;
    return node;
  }

  private quoted(i: number): RScalar {
    const t = this.t;
    const q = t.charCodeAt(i);
    let out = '';
    let j = i + 1;
    let from = j;
    for (;;) {
      if (j >= this.n) no();
      const c = t.charCodeAt(j);
      if (c === NL) no(); // multi-line quoted scalar: folding rules, left to the library
      if (q === 39) {
        if (c === 39) {
          if (t.charCodeAt(j + 1) === 39) {
            out += t.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          break;
        }
      } else {
        if (c === 34) break;
        if (c === 92 /* \ */) {
          out += t.slice(from, j);
          const e = t.at(j + 1);
          const simple = e === undefined || !Object.hasOwn(ESCAPES, e) ? undefined : ESCAPES[e];
          if (simple === undefined) no();
          out += simple;
          j += 2;
          from = j;
          continue;
        }
      }
      j++;
    }
    out += t.slice(from, j);
    return { k: 0, start: i, end: j + 1, value: out };
  }

  // ---- block scalars ----

  private blockScalar(i: number, indent: number): RScalar {
    const t = this.t;
    const folded = t.charCodeAt(i) === 62;
    let j = i + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const ch = t.charCodeAt(j);
    if (ch === 45) {
      chomp = 'strip';
      j++;
    } else if (ch === 43) {
      chomp = 'keep';
      j++;
    }
    const after = t.charCodeAt(j);
    if (j < this.n && after !== SP && after !== NL) no(); // indentation indicator, or odd header
    const lineStart = this.endOfLine(j);
    // content lines
    const lines: string[] = [];
    let blockIndent = -1;
    let lastContentEnd = lineStart; // after the newline of the last non-empty line
    let trailingBlank = 0;
    let p = lineStart;
    while (p < this.n) {
      let k = p;
      while (k < this.n && t.charCodeAt(k) === SP) k++;
      const nl = t.indexOf('\n', k);
      const lineEnd = nl < 0 ? this.n : nl;
      if (k === lineEnd) {
        // blank line
        if (blockIndent >= 0 ? k - p > blockIndent : k - p > indent + 1) no();
        if (blockIndent < 0) no(); // leading blank lines: left to the library
        lines.push('');
        trailingBlank++;
        p = nl < 0 ? this.n : nl + 1;
        continue;
      }
      const col = k - p;
      if (blockIndent < 0) {
        if (col <= indent) break;
        blockIndent = col;
      } else if (col < blockIndent) break;
      if (folded && col > blockIndent) no();
      if (t.charCodeAt(k) === HASH && col < blockIndent) break;
      lines.push(t.slice(p + blockIndent, lineEnd));
      trailingBlank = 0;
      p = nl < 0 ? this.n : nl + 1;
      lastContentEnd = p;
      if (nl < 0) no(); // no final newline: left to the library
    }
    if (blockIndent < 0) no(); // empty block scalar
    const content = lines.slice(0, lines.length - trailingBlank);
    let value: string;
    if (folded) {
      value = '';
      let prevBlank = false;
      for (let x = 0; x < content.length; x++) {
        const line = content[x];
        if (x === 0) value = line;
        else if (line === '') {
          value += '\n';
          prevBlank = true;
          continue;
        } else value += prevBlank ? line : ` ${line}`;
        prevBlank = false;
      }
    } else value = content.join('\n');
    if (chomp !== 'strip') value += '\n';
    if (chomp === 'keep') value += '\n'.repeat(trailingBlank);
    const end = chomp === 'keep' ? p : lastContentEnd;
    this.p = chomp === 'keep' ? p : lastContentEnd;
    this.lastEnd2 = end;
    this.lastWasBlock = false;
    this.lastAbsorbs = false;
    return { k: 0, start: i, end, value };
  }

  // ---- flow collections ----

  private flow(i: number, indent: number, level: number): RNode {
    const t = this.t;
    const open = t.charCodeAt(i);
    const isSeq = open === 91;
    const close = isSeq ? 93 : 125;
    const items: (RNode | null)[] = [];
    const pairs: RPair[] = [];
    const seen = new Set<string>();
    let j = this.flowSpace(i + 1, indent, level);
    for (;;) {
      if (t.charCodeAt(j) === close) break;
      if (isSeq) {
        const v = this.flowItem(j, indent, level);
        items.push(v);
        j = this.flowSpace(v.end, indent, level);
        if (t.charCodeAt(j) === 58) no(); // `[a: b]`
      } else {
        const k = this.flowItem(j, indent, level);
        if (k.k !== 0 || k.anchor !== undefined) no();
        const keyText = String(k.value);
        if (seen.has(keyText) || keyText === '<<') no();
        seen.add(keyText);
        j = this.flowSpace(k.end, indent, level);
        if (t.charCodeAt(j) !== 58) no();
        j = this.flowSpace(j + 1, indent, level);
        const v = this.flowItem(j, indent, level);
        pairs.push({ key: k, keyText, keyStart: k.start, keyEnd: k.end, merge: false, value: v });
        j = this.flowSpace(v.end, indent, level);
      }
      const c = t.charCodeAt(j);
      if (c === 44) {
        j = this.flowSpace(j + 1, indent, level);
        continue;
      }
      if (c !== close) no();
    }
    return isSeq ? { k: 2, start: i, end: j + 1, items } : { k: 1, start: i, end: j + 1, pairs };
  }

  /** Skips spaces, line breaks and comment lines inside a flow collection. A line of it must be
   *  indented deeper than the block collection holding it (`indent`), except for the closing
   *  bracket of the outermost flow collection, which may be at that column (as the library's
   *  lexer allows). */
  private flowSpace(j: number, indent: number, level: number): number {
    const t = this.t;
    while (j < this.n) {
      const c = t.charCodeAt(j);
      if (c === SP) j++;
      else if (c === NL) {
        j++;
        let k = j;
        while (k < this.n && t.charCodeAt(k) === SP) k++;
        const ch = t.charCodeAt(k);
        if (k < this.n && ch !== NL && ch !== HASH && k - j <= indent && !(k - j === indent && level === 1 && (ch === 93 || ch === 125))) no();
        j = k;
      } else if (c === HASH && (t.charCodeAt(j - 1) === SP || t.charCodeAt(j - 1) === NL)) {
        const nl = t.indexOf('\n', j);
        if (nl < 0) no();
        j = nl;
      } else break;
    }
    if (j >= this.n) no();
    return j;
  }

  private flowItem(j: number, indent: number, level: number): RNode {
    const t = this.t;
    const c = t.charCodeAt(j);
    if (c === 34 || c === 39) return this.quoted(j);
    if (c === 91 || c === 123) return this.flow(j, indent, level + 1);
    if (c === 42 /* * */) {
      const e = this.nameEnd(j + 1);
      return { k: 3, start: j, end: e, source: t.slice(j + 1, e) };
    }
    if (!plainStart(t, j, true)) no();
    let e = j;
    let last = j;
    while (e < this.n) {
      const ch = t.charCodeAt(e);
      if (ch === 44 || ch === 93 || ch === 125 || ch === NL) break;
      if (ch === 58) {
        // `key: value` ends the key; `a:b` inside a plain scalar is left to the library
        if (isSpaceOrEnd(t, e + 1) || t.charCodeAt(e + 1) === 44) break;
        no();
      }
      if (ch === HASH && t.charCodeAt(e - 1) === SP) no();
      if (ch === 91 || ch === 123) no();
      if (ch !== SP) last = e + 1;
      e++;
    }
    if (t.charCodeAt(e) === NL) {
      // a plain scalar may continue on the next line inside a flow collection
      const k = this.flowSpace(e, indent, level);
      const ch = t.charCodeAt(k);
      if (ch !== 44 && ch !== 93 && ch !== 125 && ch !== 58) no();
    }
    return { k: 0, start: j, end: last, value: resolvePlain(t.slice(j, last)) };
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

function isSpaceOrEnd(t: string, i: number): boolean {
  return i >= t.length || t.charCodeAt(i) === SP || t.charCodeAt(i) === NL;
}

/** May a plain scalar start at i? (Not with an indicator, except - ? : before a non-space.) */
function plainStart(t: string, i: number, inFlow: boolean): boolean {
  const c = t.charCodeAt(i);
  switch (c) {
    case 45: case 63: case 58: // - ? :
      return !isSpaceOrEnd(t, i + 1) && !(inFlow && t.charCodeAt(i + 1) === 44) && c !== 63;
    case 44: case 91: case 93: case 123: case 125: case 35: case 38: case 42: case 33:
    case 124: case 62: case 39: case 34: case 37: case 64: case 96:
      return false;
    default:
      return i < t.length && c !== SP && c !== NL;
  }
}
