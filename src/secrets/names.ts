// Shared secret vocabulary: which variable names say "secret", which values are placeholders,
// and how a found value is shown (never in full).

const SECRET_NAME = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth|credentials?|session[_-]?key|signing[_-]?key|encryption[_-]?key|dsn|conn(ection)?[_-]?string)($|[_.-])/i;
const NOT_SECRET_NAME = /(_FILE|_PATH|_DIR|_URL_FILE|_LENGTH|_MIN|_MAX|_ENABLED|_REQUIRED|_POLICY|_TYPE|_METHOD|_ALGORITHM|_EXPIRY|_EXPIRES|_TTL|_HEADER|_FIELD|_NAME|_USER|_USERNAME)$/i;

/** true for names such as DB_PASSWORD, API_KEY, GITHUB_TOKEN; false for DB_PASSWORD_FILE, TOKEN_TTL. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

const PLACEHOLDER = /^(|changeme|change[_-]?me|change[_-]?it|example|example[_-].*|.*[_-]example|xxx+|x+|\*+|placeholder|your[_-].*|<.*>|\$\{.*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|%\(.*\)s|null|none|nil|undefined|true|false|todo|tbd|secret|password|dummy|test|sample|redacted|\.\.\.)$/i;

/** Values that are obviously not real secrets: empty, templates, variable references, examples. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (PLACEHOLDER.test(v)) return true;
  if (v.startsWith('/run/secrets/')) return true;
  return false;
}

/** Shows the first few characters and masks the rest; short values are masked whole. */
export function redact(value: string): string {
  if (value.length <= 8) return '*'.repeat(Math.max(value.length, 3));
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}${'*'.repeat(Math.min(value.length - shown, 12))}`;
}
