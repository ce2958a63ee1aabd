// Compose variable interpolation, as the compose spec defines it:
//   $VAR  ${VAR}  ${VAR:-default}  ${VAR-default}  ${VAR:?error}  ${VAR?error}
//   ${VAR:+replacement}  ${VAR+replacement}  and `$$` for a literal `$`.
// Defaults and replacements may themselves contain interpolations (${A:-${B}}).
// Values are never put into messages: only variable names are (a value may be a secret).

export interface InterpolationIssue {
  severity: 'error' | 'warning';
  message: string;
}

export interface InterpolationResult {
  value: string;
  issues: InterpolationIssue[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Interpolates one string. `env` holds the known variables (from `.env` and the caller). */
export function interpolate(input: string, env: Record<string, string>): InterpolationResult {
  const issues: InterpolationIssue[] = [];
  const value = expand(input, env, issues);
  return { value, issues };
}

function lookup(env: Record<string, string>, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}

function expand(s: string, env: Record<string, string>, issues: InterpolationIssue[]): string {
  if (!s.includes('$')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(s, i + 1);
      if (close < 0) {
        issues.push({ severity: 'error', message: `invalid interpolation: unterminated "\${" in "${shorten(s)}"` });
        out += s.slice(i);
        break;
      }
      out += braced(s.slice(i + 2, close), env, issues);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(s.slice(i + 1));
    if (m) {
      const v = lookup(env, m[0]);
      if (v === undefined) issues.push(unset(m[0]));
      out += v ?? '';
      i += 1 + m[0].length;
      continue;
    }
    issues.push({ severity: 'error', message: `invalid interpolation: a lone "$" in "${shorten(s)}" (write "$$" for a literal dollar sign)` });
    out += '$';
    i++;
  }
  return out;
}

function unset(name: string): InterpolationIssue {
  return { severity: 'warning', message: `variable ${name} is not set: it defaults to a blank string (set it in .env or give a default with \${${name}:-value})` };
}

/** Index of the `}` that closes the `{` at `open`, honouring nested `${…}`. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function braced(body: string, env: Record<string, string>, issues: InterpolationIssue[]): string {
  const m = NAME.exec(body);
  if (!m) {
    issues.push({ severity: 'error', message: `invalid interpolation: "\${${shorten(body)}}" does not start with a variable name` });
    return '';
  }
  const name = m[0];
  const rest = body.slice(name.length);
  const v = lookup(env, name);
  if (rest === '') {
    if (v === undefined) issues.push(unset(name));
    return v ?? '';
  }
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!op) {
    issues.push({ severity: 'error', message: `invalid interpolation: unsupported modifier in "\${${name}${shorten(rest)}}"` });
    return v ?? '';
  }
  const arg = rest.slice(op.length);
  const colon = op.startsWith(':');
  const missing = colon ? v === undefined || v === '' : v === undefined;
  switch (op) {
    case ':-':
    case '-':
      return missing ? expand(arg, env, issues) : v!;
    case ':?':
    case '?':
      if (missing) {
        const why = expand(arg, env, issues);
        issues.push({ severity: 'error', message: `required variable ${name} is ${v === undefined ? 'not set' : 'empty'}${why ? `: ${why}` : ''}` });
        return '';
      }
      return v!;
    default: // :+ and +
      return missing ? '' : expand(arg, env, issues);
  }
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The literal defaults written in a string (`${VAR:-default}` → ['default']), for secret checks. */
export function literalDefaults(raw: string): string[] {
  const out: string[] = [];
  const re = /\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) if (m[1]) out.push(m[1]);
  return out;
}

/** Parses a `.env` file as compose does: KEY=VALUE lines, `export ` prefixes, comments, quotes. */
export function parseDotEnv(text: string): { name: string; value: string; line: number; column: number }[] {
  const out: { name: string; value: string; line: number; column: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=|:)\s?(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const q = value[0];
    if ((q === '"' || q === "'") && value.length > 1) {
      const end = value.indexOf(q, 1);
      if (end > 0) {
        value = value.slice(1, end);
        if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
      }
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out.push({ name: m[1]!, value, line: i + 1, column: line.indexOf(m[1]!) + 1 });
  }
  return out;
}
