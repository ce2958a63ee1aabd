// Secret files known by their name alone, whatever they hold: the names people give the files they
// keep credentials in (mysecret.txt, db.secret, secrets/…, credentials.csv). Shared by the context
// and image rules that report such files when their content shows no secret the scanner recognises.
// Pure: a path in, a reason out.

/** Extensions of data files; a name such as secrets.py or credentials.ts is code, not a secret. */
const DATA_EXT = /^(|txt|text|csv|json|ya?ml|xml|ini|conf|cfg|properties|toml|env|dat|key|pass|pwd|b64|base64)$/i;

function extension(base: string): string {
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i + 1);
}

/** Why the path's name says it holds a secret (for messages), or null. `path` is relative or absolute, POSIX. */
export function secretFileReason(path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  const base = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1).map((d) => d.toLowerCase());
  const lower = base.toLowerCase();
  if (/\.secrets?$/.test(lower)) return 'a *.secret file';
  const ext = extension(lower);
  // code under a secrets/ folder (a project's secret-handling module) is code
  if (!DATA_EXT.test(ext)) return null;
  if (dirs.includes('secrets') || dirs.includes('.secrets')) return 'a file under a secrets/ directory';
  const stem = ext === '' ? lower : lower.slice(0, -(ext.length + 1));
  if (/^credentials?([-_.].*)?$/.test(stem) || stem === 'creds') return 'a credentials file';
  if (/(^|[-_.]|my)secrets?($|[-_.])/.test(stem) && !/\.(example|sample|template|dist)$|[-_.](example|sample|template)$/.test(stem)) {
    return 'a secret-named file';
  }
  return null;
}
