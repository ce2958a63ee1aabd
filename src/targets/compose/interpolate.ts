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

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Deeper nesting than this is refused: compose files nest two or three levels, a hostile one
 *  nests hundreds of thousands (which would exhaust the stack). */
export const MAX_INTERPOLATION_DEPTH = 64;

/** Interpolates one string. `env` holds the known variables (from `.env` and the caller).
 *  Linear in the length of the string: braces are paired once, up front. */
export function interpolate(input: string, env: Record<string, string>): InterpolationResult {
  const issues: InterpolationIssue[] = [];
  if (!input.includes('$')) return { value: input, issues };
  const close = new Int32Array(input.length).fill(-1);
  const open: number[] = [];
  let deepest = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 123 /* { */) {
      open.push(i);
      if (open.length > deepest) deepest = open.length;
    } else if (c === 125 /* } */) {
      const o = open.pop();
      if (o !== undefined) close[o] = i;
    }
  }
  if (deepest > MAX_INTERPOLATION_DEPTH) {
    issues.push({ severity: 'error', message: `invalid interpolation: braces nested more than ${MAX_INTERPOLATION_DEPTH} levels deep in "${shorten(input)}"; not interpolated` });
    return { value: input, issues };
  }
  const value = expand({ s: input, close, env, issues }, 0, input.length);
  return { value, issues };
}

interface Ctx {
  s: string;
  /** For each '{', the index of its '}' (or -1). */
  close: Int32Array;
  env: Record<string, string>;
  issues: InterpolationIssue[];
}

function lookup(env: Record<string, string>, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}

function nameAt(s: string, at: number, end: number): string | null {
  NAME.lastIndex = at;
  const m = NAME.exec(s);
  return m && at + m[0].length <= end ? m[0] : null;
}

function expand(ctx: Ctx, from: number, to: number): string {
  const { s, env, issues } = ctx;
  const whole = (): string => s.slice(from, to);
  let out = '';
  let i = from;
  while (i < to) {
    const dollar = s.indexOf('$', i);
    if (dollar < 0 || dollar >= to) {
      out += s.slice(i, to);
      break;
    }
    out += s.slice(i, dollar);
    i = dollar;
    const next = i + 1 < to ? s[i + 1] : undefined;
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = ctx.close[i + 1];
      if (close < 0 || close >= to) {
        issues.push({ severity: 'error', message: `invalid interpolation: unterminated "\${" in "${shorten(whole())}"` });
        out += s.slice(i, to);
        break;
      }
      out += braced(ctx, i + 2, close);
      i = close + 1;
      continue;
    }
    const name = nameAt(s, i + 1, to);
    if (name) {
      const v = lookup(env, name);
      if (v === undefined) issues.push(unset(name));
      out += v ?? '';
      i += 1 + name.length;
      continue;
    }
    // A "$" before anything but "$", "{" or a name ("$(cmd)", "$1", "$ ", a trailing "$") is no
    // interpolation: compose keeps it as written, so a shell command in `command:` works unchanged.
    out += '$';
    i++;
  }
  return out;
}

function unset(name: string): InterpolationIssue {
  return { severity: 'warning', message: `variable ${name} is not set: it defaults to a blank string (set it in .env or give a default with \${${name}:-value})` };
}

const OPS = [':-', ':?', ':+', '-', '?', '+'] as const;

function braced(ctx: Ctx, from: number, to: number): string {
  const { s, env, issues } = ctx;
  const name = nameAt(s, from, to);
  if (!name) {
    issues.push({ severity: 'error', message: `invalid interpolation: "\${${shorten(s.slice(from, to))}}" does not start with a variable name` });
    return '';
  }
  const restAt = from + name.length;
  const v = lookup(env, name);
  if (restAt === to) {
    if (v === undefined) issues.push(unset(name));
    return v ?? '';
  }
  const op = OPS.find((o) => s.startsWith(o, restAt) && restAt + o.length <= to);
  if (!op) {
    issues.push({ severity: 'error', message: `invalid interpolation: unsupported modifier in "\${${name}${shorten(s.slice(restAt, to))}}"` });
    return v ?? '';
  }
  const argAt = restAt + op.length;
  const colon = op.startsWith(':');
  const missing = v === undefined || (colon && v === '');
  switch (op) {
    case ':-':
    case '-':
      return missing ? expand(ctx, argAt, to) : v;
    case ':?':
    case '?':
      if (missing) {
        const why = expand(ctx, argAt, to);
        issues.push({ severity: 'error', message: `required variable ${name} is ${v === undefined ? 'not set' : 'empty'}${why ? `: ${why}` : ''}` });
        return '';
      }
      return v;
    default: // :+ and +
      return missing ? '' : expand(ctx, argAt, to);
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
    const line = lines[i];
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=|:)\s?(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
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
    out.push({ name: m[1], value, line: i + 1, column: line.indexOf(m[1]) + 1 });
  }
  return out;
}
