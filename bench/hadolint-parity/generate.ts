// Extracts hadolint's per-rule test cases (test/Hadolint/Rule/DL*Spec.hs of a checkout) into a JSON
// file outside this repository: the cases are hadolint's text, so they are never committed here.
//
//   node dist/bench/hadolint-parity/generate.js HADOLINT_CHECKOUT [OUT.json]
//     (default OUT: /work/hadolint-cases/cases.json)
//
// The spec files are Haskell; the cases use a small subset of it: string literals (with escapes and
// string gaps), lists, `Text.unlines`, `<>`, `$`, let bindings, and the helpers ruleCatches,
// ruleCatchesNot, onBuildRuleCatches, onBuildRuleCatchesNot, assertChecks / assertOnBuildChecks
// with `failsWith N "DLxxxx"`. This file reads that subset with a tokenizer and a tiny evaluator;
// anything else is counted as skipped, with the reason, so the extraction never guesses silently.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface HadolintCase {
  /** DL rule the case is about. */
  rule: string;
  /** true when hadolint's test expects the rule to fire. */
  flagged: boolean;
  /** The Dockerfile as linted (a FROM line added when the fragment has none; RUN wrapped in ONBUILD for onBuild cases). */
  dockerfile: string;
  onbuild: boolean;
  fromAdded: boolean;
  /** hadolint configuration the case runs with (only the keys that matter to rules). */
  config?: { allowedRegistries?: string[]; labelSchema?: Record<string, string>; strictLabels?: boolean };
  /** Where in the spec file (file:line) and the test's title. */
  source: string;
  title: string;
}

interface Tok { kind: 'str' | 'num' | 'id' | 'op' | 'open' | 'close' | 'comma'; text: string; value?: string; line: number; col: number; first: boolean }

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0, line = 1, lineStart = 0, lastLine = 0;
  const push = (kind: Tok['kind'], text: string, start: number, sLine: number, sCol: number, value?: string) => {
    out.push({ kind, text, value, line: sLine, col: sCol, first: sLine !== lastLine });
    lastLine = sLine;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; lineStart = i; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '-' && src[i + 1] === '-' && !/[!#$%&*+./<=>?@\\^|~:]/.test(src[i + 2] ?? '')) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '{' && src[i + 1] === '-') {
      let depth = 1; i += 2;
      while (i < src.length && depth > 0) {
        if (src[i] === '{' && src[i + 1] === '-') { depth++; i += 2; } else if (src[i] === '-' && src[i + 1] === '}') { depth--; i += 2; } else { if (src[i] === '\n') { line++; lineStart = i + 1; } i++; }
      }
      continue;
    }
    const sLine = line, sCol = i - lineStart + 1, start = i;
    if (c === '"') {
      i++;
      let value = '';
      while (i < src.length && src[i] !== '"') {
        const d = src[i];
        if (d === '\n') throw new Error(`line ${line}: newline in string literal`);
        if (d !== '\\') { value += d; i++; continue; }
        const e = src[i + 1];
        if (/\s/.test(e)) { // string gap: backslash, whitespace (newlines included), backslash
          i++;
          while (i < src.length && src[i] !== '\\') { if (src[i] === '\n') { line++; lineStart = i + 1; } i++; }
          i++;
          continue;
        }
        i += 2;
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '&': '', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };
        if (/[0-9]/.test(e)) {
          let digits = e;
          while (/[0-9]/.test(src[i] ?? '')) digits += src[i++];
          value += String.fromCodePoint(Number(digits));
        } else if (e === 'x') {
          let digits = '';
          while (/[0-9a-fA-F]/.test(src[i] ?? '')) digits += src[i++];
          value += String.fromCodePoint(parseInt(digits, 16));
        } else if (e in simple) value += simple[e];
        else throw new Error(`line ${line}: unsupported escape \\${e}`);
      }
      i++;
      push('str', src.slice(start, i), start, sLine, sCol, value);
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (/[0-9]/.test(src[i] ?? '')) i++;
      push('num', src.slice(start, i), start, sLine, sCol);
      continue;
    }
    if (/[A-Za-z_?]/.test(c)) {
      i++;
      while (/[A-Za-z0-9_'.]/.test(src[i] ?? '')) i++;
      push('id', src.slice(start, i).replace(/\.$/, ''), start, sLine, sCol);
      if (src[i - 1] === '.') i--; // a trailing dot is an operator (composition), not part of the name
      continue;
    }
    if (c === '(' || c === '[' || c === '{') { i++; push('open', c, start, sLine, sCol); continue; }
    if (c === ')' || c === ']' || c === '}') { i++; push('close', c, start, sLine, sCol); continue; }
    if (c === ',') { i++; push('comma', c, start, sLine, sCol); continue; }
    if (c === '`') { // `infix` — read as an identifier
      const end = src.indexOf('`', i + 1);
      i = end + 1;
      push('id', src.slice(start, i), start, sLine, sCol);
      continue;
    }
    if (c === "'") { // a character literal
      const end = src.indexOf("'", i + 2);
      i = end + 1;
      push('str', src.slice(start, i), start, sLine, sCol, src.slice(start + 1, end));
      continue;
    }
    while (/[!#$%&*+./<=>?@\\^|~:-]/.test(src[i] ?? '')) i++;
    if (i === start) i++;
    push('op', src.slice(start, i), start, sLine, sCol);
  }
  return out;
}

type Value = string | number | boolean | Value[] | { fn: string; args: Value[] } | { tuple: Value[] };

class Skip extends Error {}

/** Index of the first token at or after `from` that ends the layout block opened at column `col`. */
function blockEnd(toks: Tok[], from: number, col: number): number {
  let depth = 0;
  for (let j = from; j < toks.length; j++) {
    const t = toks[j];
    if (depth === 0 && t.first && t.col <= col) return j;
    if (t.kind === 'open') depth++;
    if (t.kind === 'close') { if (depth === 0) return j; depth--; }
    if (depth === 0 && t.kind === 'id' && t.text === 'in' && j > from) return j;
  }
  return toks.length;
}

const KNOWN_FNS = new Set(['Text.unlines', 'failsWith', 'failsWithSome', 'Map.fromList', 'def']);

class Evaluator {
  constructor(private toks: Tok[], private env: Map<string, Value>) {}

  eval(from: number, to: number): Value {
    let i = from;
    const parseDollar = (): Value => {
      const left = parseConcat();
      if (i < to && this.toks[i].text === '$') {
        i++;
        const right = parseDollar();
        return this.apply(left, [right]);
      }
      return left;
    };
    const parseConcat = (): Value => {
      let left = parseApp();
      while (i < to && (this.toks[i].text === '<>' || this.toks[i].text === '++')) {
        i++;
        const right = parseApp();
        if (typeof left === 'string' && typeof right === 'string') left = left + right;
        else if (Array.isArray(left) && Array.isArray(right)) left = [...left, ...right];
        else throw new Skip('<> of unsupported values');
      }
      return left;
    };
    const parseApp = (): Value => {
      const head = parseAtom();
      const args: Value[] = [];
      while (i < to && !['op', 'close', 'comma'].includes(this.toks[i].kind)) args.push(parseAtom());
      return args.length ? this.apply(head, args) : head;
    };
    const parseAtom = (): Value => {
      const t = this.toks.at(i);
      if (!t || i >= to) throw new Skip('unexpected end of expression');
      i++;
      if (t.kind === 'str') return t.value ?? '';
      if (t.kind === 'num') return Number(t.text);
      if (t.kind === 'id') {
        if (t.text === 'True' || t.text === 'False') return t.text === 'True';
        const bound = this.env.get(t.text);
        if (bound !== undefined) return bound;
        if (KNOWN_FNS.has(t.text) || /^[A-Z]/.test(t.text) || /^Rule\./.test(t.text)) return { fn: t.text, args: [] };
        throw new Skip(`unknown name ${t.text}`);
      }
      if (t.kind === 'open' && (t.text === '(' || t.text === '[')) {
        const close = t.text === '(' ? ')' : ']';
        const items: Value[] = [];
        let depth = 0, start = i;
        for (; i < to; i++) {
          const u = this.toks[i];
          if (u.kind === 'open') depth++;
          else if (u.kind === 'close' && depth > 0) depth--;
          else if (depth === 0 && (u.kind === 'comma' || (u.kind === 'close' && u.text === close))) {
            if (i > start) items.push(this.eval(start, i));
            start = i + 1;
            if (u.kind === 'close') break;
          }
        }
        i++;
        if (close === ']') return items;
        return items.length === 1 ? items[0] : { tuple: items };
      }
      throw new Skip(`unsupported token ${t.text}`);
    };
    const v = parseDollar();
    if (i < to) throw new Skip(`unparsed tokens from '${this.toks[i].text}'`);
    return v;
  }

  private apply(f: Value, args: Value[]): Value {
    if (typeof f === 'object' && 'fn' in f) {
      const all = [...f.args, ...args];
      if (f.fn === 'Text.unlines') {
        const xs = all[0];
        if (!Array.isArray(xs) || !xs.every((x) => typeof x === 'string')) throw new Skip('Text.unlines of a non-list');
        return xs.map((x) => `${x}\n`).join('');
      }
      return { fn: f.fn, args: all };
    }
    throw new Skip('application of a non-function');
  }
}

const CALLS: Record<string, { onbuild: boolean; flagged?: boolean }> = {
  ruleCatches: { onbuild: false, flagged: true },
  ruleCatchesNot: { onbuild: false, flagged: false },
  onBuildRuleCatches: { onbuild: true, flagged: true },
  onBuildRuleCatchesNot: { onbuild: true, flagged: false },
  assertChecks: { onbuild: false },
  assertOnBuildChecks: { onbuild: true },
};

/** Every RUN instruction written as ONBUILD RUN (what hadolint's onBuild helpers do to the parsed file). */
export function wrapRunInOnbuild(text: string): string {
  const lines = text.split('\n');
  let continued = false;
  return lines.map((l) => {
    const starts = !continued;
    continued = /\\\s*$/.test(l) && !/^\s*#/.test(l);
    return starts ? l.replace(/^(\s*)(RUN\b)/i, '$1ONBUILD $2') : l;
  }).join('\n');
}

export function addFromIfMissing(text: string): { text: string; added: boolean } {
  if (/^\s*FROM\s/im.test(text)) return { text, added: false };
  return { text: `FROM debian:12\n${text}`, added: true };
}

function readConfig(toks: Tok[], from: number, to: number): HadolintCase['config'] {
  const text = toks.slice(from, to).map((t) => t.text).join(' ');
  const config: NonNullable<HadolintCase['config']> = {};
  const reg = /allowedRegistries\s*=\s*\[([^\]]*)\]/.exec(text);
  if (reg) config.allowedRegistries = [...reg[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  const schema = /labelSchema\s*=\s*Map\.fromList\s*\[(.*?)\]\s*(?:,|\}|$)/.exec(text);
  if (schema) {
    config.labelSchema = {};
    for (const m of schema[1].matchAll(/\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*(?:Rule\s*\.\s*|Rule\.)?([A-Za-z0-9]+)\s*\)/g)) config.labelSchema[m[1]] = m[2];
  }
  const strict = /strictLabels\s*=\s*(True|False)/.exec(text);
  if (strict) config.strictLabels = strict[1] === 'True';
  return config;
}

export interface Extraction { cases: HadolintCase[]; skipped: { source: string; reason: string }[] }

export function extractSpec(src: string, file: string): Extraction {
  const toks = tokenize(src);
  const cases: HadolintCase[] = [];
  const skipped: Extraction['skipped'] = [];
  let fileConfig: HadolintCase['config'];
  let itConfig: HadolintCase['config'];
  const fileEnv = new Map<string, Value>();
  let env = fileEnv;
  let title = '';
  let inIt = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'id') continue;
    if (t.text === 'it' && toks[i + 1]?.kind === 'str') {
      inIt = true; title = toks[i + 1].value ?? ''; env = new Map(fileEnv); itConfig = undefined; i++;
      continue;
    }
    if (t.text === '?config' && toks[i + 1]?.text === '=') {
      const end = blockEnd(toks, i + 2, t.col);
      const c = readConfig(toks, i + 2, end);
      if (inIt) itConfig = c; else fileConfig = c;
      i = end - 1;
      continue;
    }
    // a binding: `name = expr` as the first token of its line (after `let`, or in a let block)
    if (t.first || toks[i - 1]?.text === 'let') {
      // (top-level declarations such as `spec = do` are not bindings of a test)
      if (toks[i + 1]?.text === '=' && /^[a-z]/.test(t.text) && t.col > 1) {
        const end = blockEnd(toks, i + 2, t.col);
        try {
          env.set(t.text, new Evaluator(toks, env).eval(i + 2, end));
        } catch (err) {
          if (!(err instanceof Skip)) throw err;
          if (process.env.PARITY_DEBUG) process.stderr.write(`${file}:${t.line}: binding ${t.text}: ${err.message}\n`);
        }
        i = end - 1;
        continue;
      }
    }
    const call = Object.hasOwn(CALLS, t.text) ? CALLS[t.text] : undefined;
    if (!call) continue;
    const end = blockEnd(toks, i + 1, t.col);
    const source = `${file}:${t.line}`;
    try {
      const ev = new Evaluator(toks, env);
      // the call's arguments, as a list of atoms (`$` takes the rest)
      const args: Value[] = [];
      let j = i + 1;
      while (j < end) {
        if (toks[j].text === '$') { args.push(ev.eval(j + 1, end)); j = end; break; }
        let k = j + 1;
        if (toks[j].kind === 'open') {
          let depth = 1;
          while (k < end && depth > 0) { if (toks[k].kind === 'open') depth++; if (toks[k].kind === 'close') depth--; k++; }
        }
        args.push(ev.eval(j, k));
        j = k;
      }
      let rule: string, text: Value, flagged: boolean;
      if (call.flagged !== undefined) {
        [rule, text] = [args[0] as string, args[1]];
        flagged = call.flagged;
      } else {
        text = args[0];
        const check = args.at(1);
        if (!check || typeof check !== 'object' || !('fn' in check)) throw new Skip('assertion is not failsWith');
        if (check.fn === 'failsWith') { rule = check.args[1] as string; flagged = (check.args[0] as number) > 0; }
        else if (check.fn === 'failsWithSome') { rule = check.args[0] as string; flagged = true; }
        else throw new Skip(`assertion ${check.fn}`);
      }
      if (typeof rule !== 'string' || !/^DL\d{4}$/.test(rule)) throw new Skip('no DL rule id');
      if (typeof text !== 'string') throw new Skip('the Dockerfile is not a string');
      let dockerfile = text.endsWith('\n') ? text : `${text}\n`; // hadolint's helpers append a newline
      if (call.onbuild) dockerfile = wrapRunInOnbuild(dockerfile);
      const from = addFromIfMissing(dockerfile);
      const config = itConfig ?? fileConfig;
      cases.push({
        rule, flagged, dockerfile: from.text, onbuild: call.onbuild, fromAdded: from.added,
        ...(config && Object.keys(config).length ? { config } : {}), source, title,
      });
    } catch (err) {
      if (!(err instanceof Skip)) throw err;
      skipped.push({ source, reason: err.message });
    }
    i = end - 1;
  }
  return { cases, skipped };
}

function main(): void {
  const [checkout, out = '/work/hadolint-cases/cases.json'] = process.argv.slice(2);
  if (!checkout) {
    process.stderr.write('usage: generate.js HADOLINT_CHECKOUT [OUT.json]\n');
    process.exit(2);
  }
  const dir = join(checkout, 'test/Hadolint/Rule');
  const files = readdirSync(dir).filter((f) => /^DL\d{4}Spec\.hs$/.test(f)).sort();
  const all: HadolintCase[] = [];
  const skipped: Extraction['skipped'] = [];
  for (const f of files) {
    const r = extractSpec(readFileSync(join(dir, f), 'utf8'), f);
    all.push(...r.cases);
    skipped.push(...r.skipped);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ generatedFrom: checkout, specFiles: files.length, cases: all, skipped }, null, 1)}\n`);
  const rules = new Set(all.map((c) => c.rule));
  process.stdout.write(`${all.length} cases for ${rules.size} rules from ${files.length} spec files → ${out}; ${skipped.length} skipped\n`);
  for (const s of skipped) process.stdout.write(`  skipped ${s.source}: ${s.reason}\n`);
}

if (process.argv[1] && /generate\.js$/.test(process.argv[1])) main();
