// .gitignore files read with git's semantics, to tell a COPY source the project generates before
// it builds (git-ignored: a build artefact, a download) from one that is really absent.
// Patterns compile to the non-backtracking matcher of engine/glob.ts (its `**` rules are git's).
import { compileGlob, type Glob } from '../../engine/glob.js';

export interface GitignoreRule {
  /** 1-based line in its file. */
  line: number;
  text: string;
  negate: boolean;
  dirOnly: boolean;
  glob: Glob;
}

export interface GitignoreFile {
  /** The folder the file is in, relative to the repository root ('' for the root). */
  dir: string;
  /** The file's path for messages (relative to the working directory). */
  path: string;
  rules: GitignoreRule[];
}

/** Parses a .gitignore: blank lines and `#` comments are skipped, trailing unescaped spaces are
 *  dropped, `!` negates, a trailing `/` matches folders only, a pattern with a slash before its
 *  end is anchored to the file's folder and one without matches a name at any depth. */
export function parseGitignore(text: string): GitignoreRule[] {
  const rules: GitignoreRule[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let p = lines[i] ?? '';
    if (p === '' || p.startsWith('#')) continue;
    // trailing spaces are ignored unless escaped with a backslash
    while (p.endsWith(' ') && !p.endsWith('\\ ')) p = p.slice(0, -1);
    if (p === '') continue;
    const text = p;
    let negate = false;
    if (p.startsWith('!')) { negate = true; p = p.slice(1); } else if (p.startsWith('\\!') || p.startsWith('\\#')) p = p.slice(1);
    let dirOnly = false;
    if (p.endsWith('/') && !p.endsWith('\\/')) { dirOnly = true; p = p.slice(0, -1); }
    if (p === '') continue;
    const anchored = p.includes('/');
    if (p.startsWith('/')) p = p.slice(1);
    // git's `[!...]` is the `[^...]` of the glob dialect
    p = p.replace(/\[!/g, '[^');
    const glob = compileGlob(anchored ? p : `**/${p}`, 'dockerignore');
    rules.push({ line: i + 1, text, negate, dirOnly, glob });
  }
  return rules;
}

export interface GitignoreHit {
  /** The .gitignore that ignores the path, and its matching line. */
  path: string;
  line: number;
  text: string;
}

/** The last rule of the given files (outer first) that matches rel (relative to the repository
 *  root), or null. isDir: whether rel is known to be a folder (null: unknown, as for a missing
 *  source, which may be either). */
function lastMatch(files: GitignoreFile[], rel: string, isDir: boolean | null): { hit: GitignoreHit; negate: boolean } | null {
  let found: { hit: GitignoreHit; negate: boolean } | null = null;
  for (const f of files) {
    if (f.dir !== '' && !rel.startsWith(`${f.dir}/`)) continue;
    const local = f.dir === '' ? rel : rel.slice(f.dir.length + 1);
    for (const r of f.rules) {
      if (r.dirOnly && isDir === false) continue;
      if (r.glob.test(local)) found = { hit: { path: f.path, line: r.line, text: r.text }, negate: r.negate };
    }
  }
  return found;
}

/** Whether git ignores rel (relative to the repository root): a folder above it that is ignored
 *  ignores everything inside (git does not descend, so a `!` below cannot re-include), otherwise
 *  the last matching pattern of the deepest file decides. files: every .gitignore on rel's path,
 *  outer first. The last component's type is unknown (a missing source). */
export function gitignored(files: GitignoreFile[], rel: string): GitignoreHit | null {
  const segs = rel.split('/');
  for (let i = 1; i <= segs.length; i++) {
    const prefix = segs.slice(0, i).join('/');
    const m = lastMatch(files.filter((f) => f.dir === '' || prefix.startsWith(`${f.dir}/`)), prefix, i < segs.length ? true : null);
    if (m && !m.negate) return m.hit;
  }
  return null;
}
