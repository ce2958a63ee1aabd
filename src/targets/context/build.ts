// Builds the ContextModel: resolves each COPY/ADD source against the context as BuildKit sends
// it (after .dockerignore), walks only what the sources can reach, and scans what is copied.
// All disk access goes through a ContextFs, so the same code runs on an in-memory context.
import type { DockerfileModel, Instruction } from '../dockerfile/model.js';
import { splitWords, unquote } from '../dockerfile/parse.js';
import { finalChain } from '../dockerfile/facts.js';
import { classifySecretPath, isLikelyBinary, scanContent, SCAN_SIZE_LIMIT } from '../../secrets/detect.js';
import type { ContextFs, DirEntry, EntryType } from './fs.js';
import { cleanPath, IgnoreMatcher, parseDockerignore } from './ignore.js';
import { compileGlob, type Glob } from '../../engine/glob.js';
import type { GitignoreHit } from './gitignore.js';
import type { ContextCopy, ContextFile, ContextModel, CopyMatch, CopySource, IgnoreFileInfo } from './model.js';

export interface BuildInput {
  dockerfile: DockerfileModel;
  /** The Dockerfile's path relative to the working directory. */
  dockerfilePath: string;
  /** The context folder relative to the working directory ('.' for the cwd). */
  contextPath: string;
  fs: ContextFs;
  /** The ignore file in force (already chosen: the Dockerfile's own wins over the context's). */
  ignore: { path: string; kind: 'dockerfile' | 'context'; text: string } | null;
  scanSizeLimit?: number;
  /** What an earlier build of the same context folder found in its files (several Dockerfiles
   *  of a project built from the root share it): a file is read and scanned once per run. */
  scanCache?: Map<string, ContextFile>;
  /** Whether the repository's .gitignore files ignore a context path (a missing source the project
   *  generates before it builds), with the matching line; absent when there is no repository view. */
  gitignored?: (contextRel: string) => GitignoreHit | null;
}

/** Linux gives up after 40 links in one lookup; so does this. */
const MAX_LINK_HOPS = 40;

const WILDCARD = /[*?[]/;

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** A context source path as BuildKit cleans it: relative to the root, `..` cannot leave it. */
export function cleanSource(src: string): string {
  return cleanPath(`/${src}`).slice(1);
}

/** Go's filepath.Match for slash paths: `*` and `?` never match '/', `[...]` classes, `\` escapes.
 *  Non-backtracking (see ./glob.ts): linear in the name for any pattern. */
export function goMatch(pattern: string): Glob {
  return compileGlob(pattern, 'filepath');
}

interface Resolved { rel: string; type: EntryType }

class ContextWalker {
  private readonly listings = new Map<string, DirEntry[] | null>();
  private readonly types = new Map<string, Map<string, EntryType>>();
  private readonly presentDirs = new Map<string, boolean>();
  readonly unreadableDirs = new Map<string, string>();

  constructor(private readonly fs: ContextFs, readonly matcher: IgnoreMatcher) {}

  list(dir: string): DirEntry[] {
    const known = this.listings.get(dir);
    if (known !== undefined) return known ?? [];
    let entries: DirEntry[] | null;
    try {
      entries = this.fs.list(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // a path that is not there (or not a folder) is simply empty; anything else is unreadable
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.unreadableDirs.set(dir, code ?? (err as Error).message);
      entries = null;
    }
    this.listings.set(dir, entries);
    this.types.set(dir, new Map((entries ?? []).map((e) => [e.name, e.type])));
    return entries ?? [];
  }

  /** Whether an entry is part of the context BuildKit sends: not excluded, or a directory that
   *  holds something a `!` pattern re-includes. */
  present(rel: string, type: EntryType): boolean {
    if (rel === '') return true;
    if (!this.matcher.excludes(rel)) return true;
    if (type !== 'dir' || !this.matcher.couldReinclude(rel)) return false;
    const known = this.presentDirs.get(rel);
    if (known !== undefined) return known;
    const has = this.list(rel).some((e) => this.present(join(rel, e.name), e.type));
    this.presentDirs.set(rel, has);
    return has;
  }

  /** Every file, symlink and special file under dir that the context holds. Excluded directories
   *  are entered only when a `!` pattern could re-include something inside; links are not followed. */
  collect(dir: string, out: string[]): void {
    for (const e of this.list(dir)) {
      const child = join(dir, e.name);
      if (e.type === 'dir') {
        if (this.matcher.excludes(child) && !this.matcher.couldReinclude(child)) continue;
        this.collect(child, out);
      } else if (!this.matcher.excludes(child)) {
        out.push(child);
      }
    }
  }

  lstatType(rel: string): EntryType | null {
    if (rel === '') return 'dir';
    const parent = parentOf(rel);
    const name = rel.slice(parent === '' ? 0 : parent.length + 1);
    let types = this.types.get(parent);
    if (!types) {
      this.list(parent);
      types = this.types.get(parent);
    }
    return types?.get(name) ?? null;
  }

  /** Follows symlinks in every component of a source path, scoped to the context root (an
   *  absolute target or `..` resolves inside the context, as BuildKit does). */
  resolve(rel: string): Resolved | 'loop' | null {
    let hops = 0;
    let done = '';
    let doneType: EntryType = 'dir';
    const todo = rel === '' ? [] : rel.split('/');
    for (let seg = todo.shift(); seg !== undefined; seg = todo.shift()) {
      const cur = join(done, seg);
      const type = this.lstatType(cur);
      if (type === null || !this.present(cur, type)) return null;
      if (type === 'symlink') {
        if (++hops > MAX_LINK_HOPS) return 'loop';
        let target: string;
        try {
          target = this.fs.readlink(cur);
        } catch {
          return null;
        }
        const base = target.startsWith('/') ? '' : done;
        const joined = cleanPath(`/${join(base, target)}`).slice(1);
        todo.unshift(...(joined === '' ? [] : joined.split('/')));
        done = '';
        continue;
      }
      if (todo.length && type !== 'dir') return null;
      done = cur;
      doneType = type;
    }
    return { rel: done, type: done === '' ? 'dir' : doneType };
  }
}

function sourceWords(instr: Instruction, escape: string): string[] {
  if (instr.json) {
    try {
      const parsed = JSON.parse(instr.expanded) as unknown;
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
    } catch {
      // fall back to the unexpanded JSON words
    }
    return instr.json;
  }
  return splitWords(instr.expanded, escape).map((w) => (w.text.startsWith('<<') ? w.text : unquote(w.text, escape)));
}

function resolveSource(text: string, keyword: 'COPY' | 'ADD', walker: ContextWalker,
  gitignored?: (contextRel: string) => GitignoreHit | null): CopySource {
  const base: CopySource = { text, kind: 'context', wildcard: false, matches: [], files: [] };
  if (text.startsWith('<<')) return { ...base, kind: 'heredoc' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { ...base, kind: /^git:|\.git(#.*)?$/.test(text) ? 'git' : 'url' };
  if (keyword === 'ADD' && /^[\w.-]+@[\w.-]+:/.test(text)) return { ...base, kind: 'git' };
  if (/\$[{A-Za-z_]/.test(text)) return { ...base, kind: 'unresolved' };
  const clean = cleanSource(text);
  const firstWild = clean.split('/').findIndex((seg) => WILDCARD.test(seg));
  if (firstWild < 0) {
    const r = walker.resolve(clean);
    if (r === 'loop') return { ...base, missing: { reason: 'symlink-loop' } };
    if (r === null) {
      const type = walker.lstatType(clean);
      if (type !== null && walker.matcher.excludes(clean)) {
        const by = walker.matcher.check(clean).by ?? undefined;
        return { ...base, missing: by ? { reason: 'excluded', by } : { reason: 'excluded' } };
      }
      const ignoredBy = clean === '' ? null : gitignored?.(clean) ?? null;
      return { ...base, missing: ignoredBy ? { reason: 'not-found', gitignored: ignoredBy } : { reason: 'not-found' } };
    }
    const match: CopyMatch = { relPath: r.rel, type: r.type === 'symlink' ? 'other' : r.type, literal: true };
    const files: string[] = [];
    if (r.type === 'dir') walker.collect(r.rel, files);
    else files.push(r.rel);
    return { ...base, matches: [match], files };
  }
  // Wildcards: walk the literal directory part, match the rest segment by segment (BuildKit's
  // resolveWildcards with filepath.Match); a matched directory sends its contents.
  const segs = clean.split('/');
  const dirPart = segs.slice(0, firstWild).join('/');
  const rest = segs.slice(firstWild);
  const partial = rest.map((_, i) => goMatch(rest.slice(0, i + 1).join('/')));
  const out: CopySource = { ...base, wildcard: true };
  const dir = walker.resolve(dirPart);
  if (dir === 'loop' || dir === null || dir.type !== 'dir') return out;
  const visit = (rel: string, depth: number): void => {
    for (const e of walker.list(rel)) {
      const child = join(rel, e.name);
      if (!walker.present(child, e.type)) continue;
      const relToDir = dir.rel === '' ? child : child.slice(dir.rel.length + 1);
      if (partial[depth].test(relToDir)) {
        if (depth === rest.length - 1) {
          let target: Resolved | 'loop' | null = { rel: child, type: e.type };
          if (e.type === 'symlink') target = walker.resolve(child);
          if (target === null || target === 'loop') continue;
          out.matches.push({ relPath: target.rel, type: target.type === 'symlink' ? 'other' : target.type, literal: false });
          if (target.type === 'dir') walker.collect(target.rel, out.files);
          else out.files.push(target.rel);
        } else if (e.type === 'dir') {
          visit(child, depth + 1);
        }
      }
    }
  };
  visit(dir.rel, 0);
  return out;
}

/** Builds the model of what the Dockerfile's COPY/ADD instructions send from the context. */
export function buildContextModel(input: BuildInput): ContextModel {
  const { dockerfile: df, fs } = input;
  const limit = input.scanSizeLimit ?? SCAN_SIZE_LIMIT;
  const parsed = input.ignore ? parseDockerignore(input.ignore.text) : { rules: [], problems: [] };
  const matcher = new IgnoreMatcher(parsed);
  const ignoreFile: IgnoreFileInfo | null = input.ignore
    ? { path: input.ignore.path, kind: input.ignore.kind, rules: parsed.rules, problems: matcher.problems }
    : null;
  const walker = new ContextWalker(fs, matcher);
  const display = (rel: string): string => {
    if (input.contextPath === '.' || input.contextPath === '') return rel === '' ? '.' : rel;
    return rel === '' ? input.contextPath : `${input.contextPath}/${rel}`;
  };

  const chain = finalChain(df);
  const copies: ContextCopy[] = [];
  const byFile = new Map<string, number[]>();
  for (const instr of df.instructions) {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
    if (instr.flags.some((f) => f.name === 'from')) continue;
    const words = sourceWords(instr, df.escape);
    if (words.length < 2) continue;
    const keyword = instr.keyword;
    const excludes = instr.flags.flatMap((f) => (f.name === 'exclude' && f.value ? [f.value] : []));
    const exclude = excludes.length ? new IgnoreMatcher(parseDockerignore(excludes.join('\n'))) : null;
    const sources = words.slice(0, -1).map((w) => resolveSource(w, keyword, walker, input.gitignored));
    if (exclude) {
      for (const s of sources) s.files = s.files.filter((f) => !excludedByFlag(f, s, exclude));
    }
    const index = copies.length;
    copies.push({
      instruction: instr,
      keyword,
      stageIndex: instr.stageIndex,
      inFinalImage: chain.has(instr.stageIndex),
      sources,
      wholeContext: sources.some((s) => s.kind === 'context' && !s.wildcard && cleanSource(s.text) === ''),
    });
    for (const s of sources) {
      for (const f of s.files) {
        const list = byFile.get(f);
        if (!list) byFile.set(f, [index]);
        else if (list[list.length - 1] !== index) list.push(index);
      }
    }
  }

  const files: ContextFile[] = [];
  for (const [rel, copiedBy] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const known = input.scanCache?.get(rel);
    if (known) {
      files.push({ ...known, copiedBy });
      continue;
    }
    const file = inspectFile(rel, copiedBy, walker, fs, display, limit);
    input.scanCache?.set(rel, file);
    files.push(file);
  }
  const unreadableDirs = [...walker.unreadableDirs].sort().map(([relPath, error]) => ({ relPath, displayPath: display(relPath), error }));
  return {
    path: input.contextPath,
    dockerfile: df,
    dockerfilePath: input.dockerfilePath,
    ignoreFile,
    copies,
    files,
    unreadableDirs,
    scanSizeLimit: limit,
  };
}

function excludedByFlag(file: string, source: CopySource, exclude: IgnoreMatcher): boolean {
  for (const m of source.matches) {
    if (m.relPath === '' || file.startsWith(`${m.relPath}/`)) {
      return exclude.excludes(m.relPath === '' ? file : file.slice(m.relPath.length + 1));
    }
    if (file === m.relPath) return exclude.excludes(file.slice(file.lastIndexOf('/') + 1));
  }
  return false;
}

function inspectFile(rel: string, copiedBy: number[], walker: ContextWalker, fs: ContextFs,
  display: (rel: string) => string, limit: number): ContextFile {
  const type = walker.lstatType(rel) ?? 'file';
  const file: ContextFile = {
    relPath: rel, displayPath: display(rel), type: type === 'dir' ? 'other' : type, size: 0,
    scan: 'not-a-file', pathKind: classifySecretPath(rel), hits: [], copiedBy,
  };
  if (type === 'symlink') {
    try {
      const target = fs.readlink(rel);
      file.linkTarget = target;
      file.linkEscapes = target.startsWith('/') || cleanPath(join(parentOf(rel), target)).startsWith('..');
    } catch (err) {
      file.error = (err as NodeJS.ErrnoException).code ?? 'unreadable link';
    }
    return file;
  }
  if (type !== 'file') return file;
  let data: Uint8Array | null;
  try {
    const r = fs.read(rel, limit);
    file.size = r.size;
    data = r.data;
  } catch (err) {
    file.scan = 'unreadable';
    file.error = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return file;
  }
  if (data === null) {
    file.scan = 'too-large';
    return file;
  }
  if (isLikelyBinary(data)) {
    file.scan = 'binary';
    return file;
  }
  file.scan = 'scanned';
  file.hits = scanContent(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'), rel);
  return file;
}
