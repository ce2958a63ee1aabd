// Values written in instructions: key=value lists of ENV/ARG/LABEL, variables in shell words,
// unresolved variables, credentials in URLs.
import type { Instruction } from '../../../targets/dockerfile/model.js';
import { once } from '../../../targets/dockerfile/facts.js';

export function hasUnresolved(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value);
}

export interface KeyValue {
  key: string;
  /** null when the key has no `=value` (ARG NAME). */
  value: string | null;
  /** Offset of the key within the arguments string. */
  keyIndex: number;
  /** Offset of the value within the arguments string (after '='), or -1. */
  valueIndex: number;
  /** The value as written (quotes kept), or ''. */
  rawValue: string;
}

/** Splits `K=V K2="v 2" K3` (ENV, ARG, LABEL) — or the legacy `ENV KEY value words` — into pairs,
 *  unquoting values the way the Dockerfile frontend does (quotes removed, backslash escapes kept literal). */
export function parseKeyValues(args: string, legacy: boolean): KeyValue[] {
  const out: KeyValue[] = [];
  const s = args;
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  // legacy form: ENV KEY value with spaces (first word has no '=')
  if (legacy) {
    const m = /^(\S+)\s+(\S[\s\S]*)$/.exec(i === 0 ? s : s.slice(i));
    if (m && !m[1].includes('=')) {
      const valueIndex = s.indexOf(m[2], i + m[1].length);
      const raw = m[2].trimEnd();
      out.push({ key: m[1], value: unquote(raw), keyIndex: i, valueIndex, rawValue: raw });
      return out;
    }
  }
  while (i < n) {
    const keyIndex = i;
    while (i < n && s.charCodeAt(i) !== EQUALS && !isSpace(s.charCodeAt(i))) i++;
    const key = s.slice(keyIndex, i);
    if (i >= n || s.charCodeAt(i) !== EQUALS) {
      if (key) out.push({ key: unquote(key), value: null, keyIndex, valueIndex: -1, rawValue: '' });
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      continue;
    }
    i++; // '='
    const valueIndex = i;
    let quote = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (quote) {
        if (c === BACKSLASH && quote === DOUBLE && i + 1 < n) { i += 2; continue; }
        if (c === quote) quote = 0;
        i++;
        continue;
      }
      if (c === DOUBLE || c === SINGLE) { quote = c; i++; continue; }
      if (c === BACKSLASH && i + 1 < n) { i += 2; continue; }
      if (isSpace(c)) break;
      i++;
    }
    const raw = s.slice(valueIndex, i);
    out.push({ key: unquote(key), value: unquote(raw), keyIndex, valueIndex, rawValue: raw });
    while (i < n && isSpace(s.charCodeAt(i))) i++;
  }
  return out;
}

const EQUALS = 0x3d;
const BACKSLASH = 0x5c;
const DOUBLE = 0x22;
const SINGLE = 0x27;

/** The characters JavaScript's \s matches (WhiteSpace and LineTerminator), by code unit. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const KEY_VALUE_FACTS = {
  args: { legacy: 'key-values:args:legacy', plain: 'key-values:args' },
  expanded: { legacy: 'key-values:expanded:legacy', plain: 'key-values:expanded' },
} as const;

/** parseKeyValues of an instruction's arguments as written (`args`) or substituted (`expanded`),
 *  parsed once per instruction and form however many rules ask (shared: read, never change). */
export function keyValues(instr: Instruction, text: 'args' | 'expanded', legacy: boolean): readonly Readonly<KeyValue>[] {
  return once(instr, KEY_VALUE_FACTS[text][legacy ? 'legacy' : 'plain'], () => parseKeyValues(instr[text], legacy));
}

function unquote(raw: string): string {
  // most keys and values hold no quote or backslash: they are their own value
  if (!raw.includes('"') && !raw.includes("'") && !raw.includes('\\')) return raw;
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) { quote = null; continue; }
      if (c === '\\' && quote === '"' && i + 1 < raw.length && /["\\$`]/.test(raw[i + 1])) { out += raw[++i]; continue; }
      out += c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c === '\\' && i + 1 < raw.length) { out += raw[++i]; continue; }
    out += c;
  }
  return out;
}

/** Substitutes $VAR, ${VAR}, ${VAR:-default} and ${VAR-default} from vars; unknown variables stay as written.
 *  Used on shell words whose variables are build arguments or ENV of the stage. */
export function expandVars(word: string, vars: Readonly<Partial<Record<string, string>>>): string {
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, braced, op, def, bare) => {
    const name = (braced ?? bare) as string;
    const v = vars[name];
    if (op !== undefined) {
      if (v === undefined || (op === ':-' && v === '')) return def as string;
      return v;
    }
    return v ?? m;
  });
}

/** Masks the password of a URL with credentials (scheme://user:password@host). */
export function maskUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:)[^\s@/]+@/i, '$1***@');
}
