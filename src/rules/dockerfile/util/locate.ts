// Finding the source position of the words of a shell command, so that findings point at the
// word that matters and fixes can insert text right after it. The parser gives each command's
// words their offsets (ShellCommand.spans) wherever they are written in the Dockerfile; for the
// rest (JSON form, backticks, a `sh -c` script built with escapes) and for wrapper words such as
// sudo, this module re-scans the instruction's source text from the command's line and matches the
// argv words. When they cannot be matched it answers null and the rules fall back to the
// command's line and offer no fix.
import type { DockerfileModel, Instruction, ShellCommand } from '../../../targets/dockerfile/model.js';
import { lineStart } from '../../../targets/dockerfile/facts.js';

export interface Word {
  /** The word with quotes and escapes resolved (no expansion). */
  value: string;
  start: number;
  end: number;
}

const OPERATOR_CHARS = new Set(['&', '|', ';', '(', ')', '<', '>', '\n']);
const PLAIN = /[^\s&|;()<>\\'"$`]+/y;

/** Splits source text into shell words with offsets, skipping operators, comments and line
 *  continuations (both `\` and the Dockerfile escape character). Redirection operators end a
 *  word; their targets come out as words of their own. */
export function scanWords(text: string, from: number, to: number, escape = '\\'): Word[] {
  const words: Word[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if ((c === '\\' || c === escape) && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      while (i < to && text[i] !== '\n') i++;
      continue;
    }
    if (OPERATOR_CHARS.has(c)) { i++; continue; }
    const start = i;
    let value = '';
    while (i < to) {
      const d = text[i]!;
      if (d === ' ' || d === '\t' || d === '\r' || OPERATOR_CHARS.has(d)) break;
      if ((d === '\\' || d === escape) && text[i + 1] === '\n') { i += 2; continue; }
      if (d === '\\' && i + 1 < to) { value += text[i + 1]; i += 2; continue; }
      if (d === "'") {
        const close = text.indexOf("'", i + 1);
        const end = close === -1 || close >= to ? to : close;
        value += text.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (d === '"') {
        i++;
        let lit = i; // start of the pending run of literal characters
        while (i < to && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < to && '"\\$`\n'.includes(text[i + 1]!)) {
            value += text.slice(lit, i);
            if (text[i + 1] !== '\n') value += text[i + 1];
            i += 2;
            lit = i;
            continue;
          }
          i++;
        }
        value += text.slice(lit, i);
        i++;
        continue;
      }
      if (d === '$' && text[i + 1] === '(') {
        let depth = 0;
        const s = i;
        while (i < to) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')') { depth--; if (depth === 0) { i++; break; } }
          i++;
        }
        value += text.slice(s, i);
        continue;
      }
      // plain characters: take the whole run up to the next special one at once
      PLAIN.lastIndex = i;
      const stop = PLAIN.test(text) ? Math.min(PLAIN.lastIndex, to) : i + 1;
      value += text.slice(i, Math.max(stop, i + 1));
      i = Math.max(stop, i + 1);
    }
    words.push({ value, start, end: Math.min(i, to) });
  }
  return words;
}

/** Where the words of each command of one instruction are in the source. Stateless: a command
 *  that appears several times on one line is told apart by how many of its twins come before it. */
export class CommandLocator {
  private readonly end: number;
  private scanned: Word[] | null = null;
  private index: Map<string, number[]> | null = null;
  constructor(
    private readonly model: DockerfileModel, private readonly instr: Instruction,
    private readonly cmds: readonly ShellCommand[],
  ) {
    this.end = instr.range.end.offset;
  }
  /** Scanned on first use: only RUNs with a finding need word positions. */
  private get words(): Word[] {
    this.scanned ??= scanWords(this.model.text, this.instr.argsRange.start.offset, this.end, this.model.escape);
    return this.scanned;
  }

  /** Source words of argv[0..] of the command: all of them when they match, else at least
   *  argv[0..need]; null when not even those can be matched. */
  locate(cmd: ShellCommand, need = 0): Word[] | null {
    if (need > cmd.argv.length - 1 || cmd.name === '') return null;
    // the parser's offsets, when it has them for the words asked for
    const fromSpans = (upTo: number): Word[] | null => {
      const out: Word[] = [];
      for (let k = 0; k <= upTo; k++) {
        const sp = cmd.spans[k];
        if (!sp) return null;
        out.push({ value: cmd.argv[k]!, start: sp.start, end: sp.end });
      }
      return out;
    };
    const exact = fromSpans(cmd.argv.length - 1) ?? fromSpans(need);
    if (exact) return exact;
    const lineFrom = cmd.line >= this.instr.range.start.line && cmd.line <= this.instr.range.end.line
      ? lineStart(this.model, cmd.line) : this.instr.argsRange.start.offset;
    for (const want of cmd.argv.length - 1 > need ? [cmd.argv.length - 1, need] : [need]) {
      const hit = this.match(cmd, want, lineFrom);
      if (hit) return hit;
    }
    return this.literal(cmd, need, lineFrom);
  }

  /** Earlier commands of the instruction on the same line whose argv starts the same way. */
  private twinsBefore(cmd: ShellCommand, want: number): number {
    let n = 0;
    for (const c of this.cmds) {
      if (c === cmd) return n;
      if (c.line === cmd.line && c.argv.length > want && cmd.argv.slice(0, want + 1).every((a, k) => c.argv[k] === a)) n++;
    }
    return n;
  }

  /** Indexes of the scanned words by value, in order (built on first match). */
  private get byValue(): Map<string, number[]> {
    if (!this.index) {
      const index = new Map<string, number[]>();
      this.words.forEach((w, i) => {
        const list = index.get(w.value);
        if (list) list.push(i);
        else index.set(w.value, [i]);
      });
      this.index = index;
    }
    return this.index;
  }

  private match(cmd: ShellCommand, want: number, from: number): Word[] | null {
    const words = this.words;
    let skip = -1;
    let last: Word[] | null = null;
    // candidates for argv[0], in order: every word of a short RUN, the indexed ones of a long one
    const candidates = words.length > 48 ? this.byValue.get(cmd.argv[0]!) ?? [] : null;
    const n = candidates ? candidates.length : words.length;
    for (let c = 0; c < n; c++) {
      const i = candidates ? candidates[c]! : c;
      const w = words[i]!;
      if (w.start < from || w.value !== cmd.argv[0]) continue;
      let ok = true;
      for (let k = 1; k <= want; k++) {
        if (words[i + k]?.value !== cmd.argv[k]) { ok = false; break; }
      }
      if (!ok) continue;
      if (skip < 0) skip = this.twinsBefore(cmd, want);
      last = words.slice(i, i + want + 1);
      if (skip-- === 0) return last;
    }
    return last;
  }

  /** Words written inside the script string of `sh -c "…"`: find them literally, separated by
   *  blanks, inside the word that follows a -c option (never in some other string, e.g. an echo). */
  private literal(cmd: ShellCommand, want: number, from: number): Word[] | null {
    if (!cmd.via.some((v) => v.endsWith(' -c'))) return null;
    const parts = cmd.argv.slice(0, want + 1);
    if (parts.some((p) => p === '' || /["'\\$`\s]/.test(p))) return null;
    const re = new RegExp(
      `(?<![\\w./-])(${parts.map(escapeRe).join(')(?:[ \\t]|\\\\\\r?\\n)+(')})(?![\\w./=-])`, 'dg',
    );
    const words = this.words;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (w.start < from || !/^-[a-zA-Z]*c[a-zA-Z]*$/.test(words[i - 1]!.value) || !w.value.includes(parts[0]!)) continue;
      re.lastIndex = w.start;
      const m = re.exec(this.model.text.slice(0, w.end));
      if (!m || !m.indices) continue;
      const out: Word[] = [];
      for (let k = 1; k <= parts.length; k++) {
        const [s, e] = m.indices[k]!;
        out.push({ value: parts[k - 1]!, start: s, end: e });
      }
      return out;
    }
    return null;
  }

  /** A wrapper word (e.g. sudo) written before the command on or after its line. */
  wrapperBefore(cmd: ShellCommand, wrapper: string, commandStart: number | null): Word | null {
    const lineFrom = lineStart(this.model, Math.max(cmd.line, this.instr.range.start.line));
    const candidates = this.words.filter((w) => baseName(w.value) === wrapper && w.start >= Math.min(lineFrom, commandStart ?? lineFrom)
      && (commandStart === null || w.start < commandStart));
    if (candidates.length) return candidates[candidates.length - 1]!;
    const re = new RegExp(`(?<![\\w./-])${escapeRe(wrapper)}(?![\\w.-])`, 'g');
    re.lastIndex = lineFrom;
    const m = re.exec(this.model.text);
    if (!m || m.index >= this.end || (commandStart !== null && m.index > commandStart)) return null;
    return { value: wrapper, start: m.index, end: m.index + wrapper.length };
  }
}

export function baseName(word: string): string {
  const i = word.lastIndexOf('/');
  return i === -1 ? word : word.slice(i + 1);
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
