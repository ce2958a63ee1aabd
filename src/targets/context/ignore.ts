// .dockerignore semantics as Docker and BuildKit apply them (moby/patternmatcher, ignorefile).
// Each pattern is compiled to a non-backtracking matcher (./glob.ts) with moby's semantics:
// - case-sensitive matching (Docker on Linux);
// - lines are read as moby's ignorefile.ReadAll reads them (UTF-8 BOM, CRLF, '#' only in
//   column 1, `!` then trimming, filepath.Clean), and each pattern is compiled on its own, so
//   that the deciding pattern can be named in findings;
// - the regexp characters `+ ( ) | { } . $` are literal (moby escapes them);
// - a pattern matches a path when it matches the path or ANY of its parent directories
//   (moby's MatchesOrParentMatches), and the last matching pattern wins;
// - results are cached in a Map (a file named `constructor` is matched like any other).
// Patterns Docker refuses (a lone `!`, an unclosed `[`, a trailing `\`) are returned as problems:
// the build fails before it starts. Matching is linear in the path for any pattern: a hostile
// `*a*a*a*a*a*a*b` costs no more than `*.log`.
import { compileGlob } from '../../engine/glob.js';

export interface IgnoreRule {
  /** 1-based line in the ignore file. */
  line: number;
  /** The line as written (trimmed). */
  text: string;
  /** The cleaned pattern without '!'. */
  pattern: string;
  /** true for `!` re-includes. */
  negated: boolean;
}

export interface IgnoreProblem {
  line: number;
  text: string;
  message: string;
}

export interface ParsedIgnore {
  rules: IgnoreRule[];
  problems: IgnoreProblem[];
}

interface CompiledRule extends IgnoreRule {
  test(path: string): boolean;
  /** The literal text before the first wildcard: a path can only match if it starts with it. */
  literalPrefix: string;
}

/** Go's filepath.Clean for a slash path, as moby applies it to each pattern. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

function syntaxProblem(pattern: string): string | null {
  const trailing = pattern.length - pattern.replace(/\\*$/, '').length;
  if (trailing % 2 === 1) return 'a trailing backslash escapes nothing';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (!inClass && c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') return 'empty character class "[]"';
      continue;
    }
    if (inClass && c === ']') inClass = false;
  }
  if (inClass) return 'unclosed character class "["';
  return null;
}

/** Reads an ignore file the way moby's ignorefile.ReadAll does. */
export function parseDockerignore(text: string): ParsedIgnore {
  const rules: IgnoreRule[] = [];
  const problems: IgnoreProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, i) => {
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (i === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.startsWith('#')) return;
    let pattern = line.trim();
    if (pattern === '') return;
    const negated = pattern[0] === '!';
    if (negated) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    const text = line.trim();
    if (negated && pattern === '') {
      problems.push({ line: i + 1, text, message: 'illegal exclusion pattern "!"' });
      return;
    }
    const bad = syntaxProblem(pattern);
    if (bad) {
      problems.push({ line: i + 1, text, message: `syntax error in pattern: ${bad}` });
      return;
    }
    rules.push({ line: i + 1, text, pattern, negated });
  });
  return { rules, problems };
}

function compile(rule: IgnoreRule): CompiledRule {
  const glob = compileGlob(rule.pattern, 'dockerignore');
  const wildcard = rule.pattern.search(/[*?[\\]/);
  return {
    ...rule,
    literalPrefix: wildcard < 0 ? rule.pattern : rule.pattern.slice(0, wildcard),
    test: (path: string) => glob.test(path),
  };
}

export interface Exclusion {
  excluded: boolean;
  /** The pattern that decided (the last one that matched), or null when none matched. */
  by: IgnoreRule | null;
}

/** Answers "is this context path excluded", computing each path's per-pattern matches from its
 *  parent directory's (the walk visits parents first), like BuildKit's MatchesUsingParentResults. */
export class IgnoreMatcher {
  readonly rules: readonly CompiledRule[];
  readonly problems: IgnoreProblem[];
  private readonly memo = new Map<string, boolean[]>();
  private readonly reincludes: CompiledRule[];

  constructor(parsed: ParsedIgnore) {
    const rules: CompiledRule[] = [];
    this.problems = [...parsed.problems];
    for (const r of parsed.rules) rules.push(compile(r));
    this.rules = rules;
    this.reincludes = rules.filter((r) => r.negated);
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** For each pattern: does it match the path or one of its parent directories. */
  private vector(path: string): boolean[] {
    const known = this.memo.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? null : this.vector(path.slice(0, slash));
    // a pattern can only match a path that starts with its literal prefix: skip the RegExp then
    const v = this.rules.map((r, i) => (parent !== null && parent[i]) || (path.startsWith(r.literalPrefix) && r.test(path)));
    this.memo.set(path, v);
    return v;
  }

  /** Whether a context path (POSIX, relative, no leading './') is excluded, and by which pattern. */
  check(path: string): Exclusion {
    if (this.rules.length === 0 || path === '' || path === '.') return { excluded: false, by: null };
    const v = this.vector(path);
    let matched = false;
    let by: IgnoreRule | null = null;
    for (let i = 0; i < this.rules.length; i++) {
      const r = this.rules[i];
      if (r.negated !== matched) continue;
      if (v[i]) {
        matched = !r.negated;
        by = r;
      }
    }
    return { excluded: matched, by };
  }

  excludes(path: string): boolean {
    return this.check(path).excluded;
  }

  /** Whether some `!` pattern could match a path inside this (excluded) directory, so the walk
   *  must still look inside it. A pattern can only match paths that start with its literal prefix. */
  couldReinclude(dir: string): boolean {
    const inside = `${dir}/`;
    return this.reincludes.some((r) =>
      r.literalPrefix.length <= inside.length ? inside.startsWith(r.literalPrefix) : r.literalPrefix.startsWith(inside));
  }
}

/** Convenience: the matcher for an ignore file's text. */
export function dockerignoreMatcher(text: string): IgnoreMatcher {
  return new IgnoreMatcher(parseDockerignore(text));
}
