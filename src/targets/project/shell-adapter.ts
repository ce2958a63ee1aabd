// The one place the project scanner uses the RUN shell splitter (targets/dockerfile/shell.ts):
// a script in, its simple commands out with a 1-based line and column each. The splitter gives
// lines; the column is found here by locating the command's text on its line.
import { parseShell } from '../dockerfile/shell.js';

export interface SplitCommand {
  argv: string[];
  name: string;
  assignments: string[];
  via: string[];
  /** Operator to the next command: '&&', '||', ';', '|', '&', '\n' or null. */
  next: string | null;
  line: number;
  column: number;
  text: string;
  /** Where each argv word starts (1-based line and column in the file), when the splitter knows. */
  words?: { line: number; column: number }[];
}

/** Splits a script whose first line is line `firstLine` of its file; `indent(k)` is how many
 *  columns the file puts before the script's k-th line (0-based), e.g. a YAML block's indent. */
export function splitScript(script: string, firstLine = 1, indent: (k: number) => number = () => 0): SplitCommand[] {
  const lines = script.split('\n');
  const starts: number[] = [0];
  for (let i = script.indexOf('\n'); i >= 0; i = script.indexOf('\n', i + 1)) starts.push(i + 1);
  const place = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: firstLine + lo, column: offset - starts[lo] + 1 + indent(lo) };
  };
  const cursor = new Map<number, number>();
  const out: SplitCommand[] = [];
  for (const c of parseShell(script, firstLine)) {
    const rel = c.line - firstLine;
    const lineText = lines[rel] ?? '';
    const probe = c.text.split('\n')[0].slice(0, 40);
    const from = cursor.get(rel) ?? 0;
    let at = probe ? lineText.indexOf(probe, from) : -1;
    if (at < 0 && probe) at = lineText.indexOf(probe);
    if (at < 0) at = Math.max(0, lineText.search(/\S/));
    else cursor.set(rel, at + probe.length);
    const cmd: SplitCommand = {
      argv: c.argv, name: c.name, assignments: c.assignments, via: c.via, next: c.next, line: c.line,
      column: at + 1 + indent(rel), text: c.text,
    };
    // word places from the splitter's spans (offsets into the script), when every word has one
    if (c.spans.length === c.argv.length && c.spans.every((w) => w !== null)) cmd.words = c.spans.map((w) => place(w.start));
    out.push(cmd);
  }
  return out;
}

/** The offset of a quote that is never closed (the splitter reads to the end of the script in
 *  that case), or -1. Comments and heredoc bodies are skipped. */
export function unclosedQuote(script: string): number {
  let i = 0;
  const n = script.length;
  const heredocs: string[] = [];
  let wordStart = true;
  while (i < n) {
    const c = script[i];
    if (c === '\n') {
      i++;
      wordStart = true;
      while (heredocs.length) {
        const delim = heredocs.shift();
        if (delim === undefined) break; // not reached: heredocs has one
        for (;;) {
          if (i >= n) return -1;
          const e = script.indexOf('\n', i);
          const ln = script.slice(i, e < 0 ? n : e).replace(/^\t+/, '').replace(/\r$/, '');
          i = e < 0 ? n : e + 1;
          if (ln === delim) break;
        }
      }
      continue;
    }
    if (c === '\\') { i += 2; wordStart = false; continue; }
    if (c === '#' && wordStart) {
      const e = script.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === '<' && script[i + 1] === '<' && script[i + 2] !== '<') {
      const m = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(script.slice(i, i + 80));
      if (m) { heredocs.push(m[2]); i += m[0].length; wordStart = false; continue; }
    }
    if (c === "'" || c === '"') {
      const end = c === "'" ? script.indexOf("'", i + 1) : closeDouble(script, i + 1);
      if (end < 0) return i;
      i = end + 1;
      wordStart = false;
      continue;
    }
    wordStart = c === ' ' || c === '\t' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')';
    i++;
  }
  return -1;
}

/** The offset of the `"` that closes a double-quoted string whose text starts at `from` (a
 *  `$( … )` or backtick inside it has its own quotes: `"$(echo $x | tr -d '"')"` is one word), or -1. */
function closeDouble(script: string, from: number): number {
  let i = from;
  while (i < script.length) {
    const c = script[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '"') return i;
    if (c === '$' && script[i + 1] === '(') {
      const e = closeSubst(script, i + 2);
      if (e < 0) return -1;
      i = e + 1;
      continue;
    }
    if (c === '`') {
      const e = script.indexOf('`', i + 1);
      if (e < 0) return -1;
      i = e + 1;
      continue;
    }
    i++;
  }
  return -1;
}

/** The offset of the `)` that closes a `$(` whose text starts at `from`, or -1. */
function closeSubst(script: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < script.length) {
    const c = script[i];
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const e = script.indexOf("'", i + 1); if (e < 0) return -1; i = e + 1; continue; }
    if (c === '"') { const e = closeDouble(script, i + 1); if (e < 0) return -1; i = e + 1; continue; }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    i++;
  }
  return -1;
}

/** The heredoc whose end line never comes (`<<EOF` without an `EOF` line): its offset and
 *  delimiter, or null. Quotes and comments are skipped as the shell reads them. */
export function unclosedHeredoc(script: string): { offset: number; delim: string } | null {
  const re = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(script)) !== null) {
    if (script[m.index + 2] === '<' || script[m.index - 1] === '<') continue; // <<< here-string
    const lineStart = script.lastIndexOf('\n', m.index) + 1;
    const before = script.slice(lineStart, m.index);
    if (/(^|\s)#/.test(before) || (before.split("'").length - 1) % 2 === 1 || (before.split('"').length - 1) % 2 === 1) continue;
    const strip = script[m.index + 2] === '-';
    const nl = script.indexOf('\n', m.index);
    if (nl < 0) return { offset: m.index, delim: m[2] };
    const rest = script.slice(nl + 1).split('\n');
    const delim = m[2];
    const k = rest.findIndex((l) => (strip ? l.replace(/^\t+/, '') : l).replace(/\r$/, '') === delim);
    if (k < 0) return { offset: m.index, delim: m[2] };
    re.lastIndex = nl + 1 + rest.slice(0, k + 1).join('\n').length;
  }
  return null;
}
