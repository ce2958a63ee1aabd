// Shared secret vocabulary: which variable names say "secret", which values are placeholders,
// and how a found value is shown (never in full).

const SECRET_NAME = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth|credentials?|session[_-]?key|signing[_-]?key|encryption[_-]?key|dsn|conn(ection)?[_-]?string)($|[_.-])/i;
const NOT_SECRET_NAME = /(_FILE|_PATH|_DIR|_URL_FILE|_LENGTH|_MIN|_MAX|_ENABLED|_REQUIRED|_POLICY|_TYPE|_METHOD|_ALGORITHM|_EXPIRY|_EXPIRES|_TTL|_HEADER|_FIELD|_NAME|_USER|_USERNAME)$/i;

/** true for names such as DB_PASSWORD, API_KEY, GITHUB_TOKEN; false for DB_PASSWORD_FILE, TOKEN_TTL. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

const PLACEHOLDER = /^(|changeme|change[_-]?me|change[_-]?it|change[_-]?this|replace[_-]?me|replace[_-]?this|set[_-]?me|fill[_-]?me[_-]?in|example|example[_-].*|.*[_-]example|xxx+|x+|\*+|\.+|placeholder|your[_-].*|.*[_-]here|<.*>|\[.*\]|\$\{.*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|\{[^{}]*\}|%\(.*\)s|%[sdr]|null|none|nil|undefined|true|false|todo|tbd|secret|secrets|password|passwd|pass|token|apikey|api[_-]key|key|dummy|test|testing|sample|redacted|hidden|masked|default|\.\.\.)$/i;

/** Values that are obviously not real secrets: empty, templates, variable references, examples. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (PLACEHOLDER.test(v)) return true;
  if (v.startsWith('/run/secrets/')) return true;
  return false;
}

/** What a literal assigned to a secret-sounding name is:
 *  - `placeholder`: an example or template value (`changeme`, `<token>`, `${VAR}`, `{password}`…)
 *  - `code`: an expression, not a value (interpolation, a call, a property access, a type, `$(…)`)
 *  - `not-secret`: a literal that cannot be a credential (a word, a version, a path, a number)
 *  - `weak`: a literal that could be a (poor) password but does not look generated
 *  - `strong`: long enough, mixed characters, high entropy: looks like a real secret */
export type ValueVerdict = 'placeholder' | 'code' | 'not-secret' | 'weak' | 'strong';

// `$(` only when a command follows (`$(pwgen -1s 32)`, `$(cat /run/x)`): a generated key may
// hold `$(` among its random characters
const INTERPOLATION = /\$\{|\$\(\s*[A-Za-z_./][\w./-]*(?:\s[^)]*)?\)|\$\(\(|`|\{\{|\}\}|<%|%>|#\{|\{[A-Za-z_][\w.[\]'"-]*\}|%\([A-Za-z_]+\)[sd]|%[sd]\b/;
const CALL = /^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*\s*\(/;
/** A call closes its parentheses at the end or before an operator (`getToken()`,
 *  `env("X") || ""`); a random key that starts `r(m)l9…` is no call. */
const CALL_END = /\)[\s;,]*$|\)\s*(?:\.|->|\?\?|\|\||&&|\?|:)/;
function isCall(v: string): boolean {
  return CALL.test(v) && CALL_END.test(v);
}
const PROPERTY = /^[A-Za-z_$][\w$]*(?:(?:\.|::|->|\?\.)[A-Za-z_$][\w$]*|\[[^\]]+\])+$/;
const REFERENCE = /^(\$|@|!|&|\*[A-Za-z]|ENC\[|vault:|arn:aws:secretsmanager|process\.env|os\.environ|os\.getenv|System\.getenv|ENV\[)/;
const TYPE = /^(string|number|boolean|bool|int|integer|float|bytes|str|any|unknown|object|secret|secretstr|sensitive|password|optional\[.*\]|union\[.*\]|list\[.*\]|array<.*>|\w+\s*\|\s*(null|undefined|none))\??$/i;
/** Enumerated option values that sit under secret-sounding keys (fetch `credentials:`, auth modes). */
const ENUM = /^(same-origin|include|omit|none|required|optional|disabled|enabled|on|off|yes|no|true|false|bearer|basic|digest|token|oauth2?|jwt|api[_-]?key|hmac|plain|md5|sha\d*|scram-sha-256|trust|peer|ident|reject|allow|deny|prompt|env|file|keychain|keyring|vault|inherit|auto|manual|always|never)$/i;
const VERSION = /^[~^<>=v]*\d+(\.\d+)*([-+.][\w.-]+)?$|^(latest|next|beta|alpha|\*)$|^(npm|workspace|file|link|git\+\w+|github):/i;
/** Lower-case words joined by separators: names, labels, ids (`same-origin`, `.data-api`,
 *  `api.organization`, `axios-auth-refresh`), not generated values. */
const WORDS = /^[.@/]?[a-z]+(?:[-_./: ][a-z]+)*$/;

/** Words a person typed, not a generated value: lower-case or CamelCase letters with at most a
 *  few digits after them (`rootpassword1`, `SecurityToken`, `Admin2024`). */
const TYPED = /^(?:[a-z]+|[a-z]*(?:[A-Z][a-z]+)+)\d{0,4}[!.?]?$/;

export function assessValue(value: string): ValueVerdict {
  const v = value.trim();
  if (isPlaceholder(v)) return 'placeholder';
  if (/example|placeholder|changeme|change[_-]?me|replace[_-]?me|your[_-]|[_-]here\b|dummy|fake|sample|lorem|foobar|(.)\1{5,}/i.test(v)) return 'placeholder';
  if (/^[x*.#-]{3,}$/i.test(v)) return 'placeholder';
  if (INTERPOLATION.test(v) || isCall(v) || REFERENCE.test(v) || TYPE.test(v)) return 'code';
  if (PROPERTY.test(v) && /[a-z]/.test(v) && !/\d{3}/.test(v)) return 'code';
  if (/\s/.test(v)) return /^[\w'-]+(\s+[\w'-]+)+$/.test(v) ? 'weak' : 'not-secret'; // a passphrase; a command line
  if (ENUM.test(v) || VERSION.test(v) || WORDS.test(v)) return 'not-secret';
  if (/^\d+$/.test(v) && v.length < 12) return 'not-secret';
  if (/^\/[\w./-]*$/.test(v) || /^\w+:\/\/[^@\s]*$/.test(v) || /^[^@\s]+@[\w-]+(\.[\w-]+)+$/.test(v)) return 'not-secret';
  if (v.length < 4) return 'not-secret';
  if (TYPED.test(v)) return 'weak';
  return looksGenerated(v) ? 'strong' : 'weak';
}

/** A plain lower-case word (`postgres`, `wordpress`, `mysecretpassword`): no credential in
 *  program code, but under a name that can only hold a password (an environment variable of
 *  a service) it is a weak password, worth an info. Option values (`yes`, `basic`) are not. */
export function isWordLike(value: string): boolean {
  const v = value.trim();
  return /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/.test(v) && v.length >= 4 && !ENUM.test(v) && !VERSION.test(v) && assessValue(v) !== 'placeholder';
}

function looksGenerated(v: string): boolean {
  const classes = Number(/[a-z]/.test(v)) + Number(/[A-Z]/.test(v)) + Number(/[0-9]/.test(v)) + Number(/[^A-Za-z0-9]/.test(v));
  const h = shannon(v);
  if (v.length >= 8 && classes >= 3 && h >= 2.5) return true;
  if (v.length >= 12 && classes >= 2 && h >= 3) return true;
  if (v.length >= 20 && h >= 3.5) return true; // long hex or base64 strings
  return false;
}

function shannon(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / value.length) * Math.log2(n / value.length);
  return h;
}

/** Shows the first few characters and masks the rest; short values are masked whole. */
export function redact(value: string): string {
  if (value.length <= 8) return '*'.repeat(Math.max(value.length, 3));
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}${'*'.repeat(Math.min(value.length - shown, 12))}`;
}
