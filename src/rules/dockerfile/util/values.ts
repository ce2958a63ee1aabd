// Values written in instructions: key=value lists of ENV/ARG/LABEL, variables in shell words,
// unresolved variables, credentials in URLs.

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
  let i = 0;
  const skipWs = () => { while (i < s.length && /\s/.test(s[i])) i++; };
  skipWs();
  // legacy form: ENV KEY value with spaces (first word has no '=')
  if (legacy) {
    const m = /^(\S+)\s+(\S[\s\S]*)$/.exec(s.slice(i));
    if (m && !m[1].includes('=')) {
      const valueIndex = s.indexOf(m[2], i + m[1].length);
      const raw = m[2].trimEnd();
      out.push({ key: m[1], value: unquote(raw), keyIndex: i, valueIndex, rawValue: raw });
      return out;
    }
  }
  while (i < s.length) {
    const keyIndex = i;
    let key = '';
    while (i < s.length && s[i] !== '=' && !/\s/.test(s[i])) key += s[i++];
    if (s[i] !== '=') {
      if (key) out.push({ key: unquote(key), value: null, keyIndex, valueIndex: -1, rawValue: '' });
      skipWs();
      continue;
    }
    i++; // '='
    const valueIndex = i;
    let quote: string | null = null;
    while (i < s.length) {
      const c = s[i];
      if (quote) {
        if (c === '\\' && quote === '"' && i + 1 < s.length) { i += 2; continue; }
        if (c === quote) quote = null;
        i++;
        continue;
      }
      if (c === '"' || c === "'") { quote = c; i++; continue; }
      if (c === '\\' && i + 1 < s.length) { i += 2; continue; }
      if (/\s/.test(c)) break;
      i++;
    }
    const raw = s.slice(valueIndex, i);
    out.push({ key: unquote(key), value: unquote(raw), keyIndex, valueIndex, rawValue: raw });
    skipWs();
  }
  return out;
}

function unquote(raw: string): string {
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
