// When no build names a Dockerfile: which folder is its context most likely? The Dockerfile's
// own folder, unless its COPY/ADD sources are found under an ancestor and not under that folder
// (or name that folder as their first part, like `COPY docker/entrypoint.sh` in
// docker/Dockerfile), or a symlink elsewhere makes it the Dockerfile of that folder.
import type { DockerfileModel } from '../dockerfile/model.js';
import { splitWords, unquote } from '../dockerfile/parse.js';
import { goMatch } from '../context/build.js';
import type { Glob } from '../../engine/glob.js';
import { dirOf, fileSetOf } from './tree.js';
import type { Build, BuildMap } from './types.js';

export interface GuessInput {
  /** The Dockerfile, relative to the root. */
  dockerfile: string;
  /** Local COPY/ADD sources as written (no --from, no URLs). */
  copySources: string[];
}

export interface GuessTree {
  files: readonly string[];
  dirs: ReadonlySet<string>;
  links?: ReadonlyMap<string, string | null>;
}

export interface Guess {
  context: string;
  reason: string;
}

/** The local COPY/ADD sources of a parsed Dockerfile (ARGs expanded as the parser did). */
export function copySourcesOf(model: DockerfileModel): string[] {
  const out: string[] = [];
  for (const instr of model.instructions) {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
    if (instr.flags.some((f) => f.name === 'from')) continue;
    const words = instr.json ?? splitWords(instr.expanded, model.escape).map((w) => unquote(w.text, model.escape));
    for (const w of words.slice(0, -1)) {
      if (w.startsWith('<<') || /^[a-z][a-z0-9+.-]*:\/\//i.test(w) || w.startsWith('git@') || w.includes('$')) continue;
      out.push(w);
    }
  }
  return out;
}

function clean(src: string): string {
  const parts: string[] = [];
  for (const p of src.replace(/\\/g, '/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

function within(dir: string, rel: string): string {
  return dir === '.' ? rel : rel === '' ? dir : `${dir}/${rel}`;
}

/** What the guesses ask of a tree, built once per tree: its files, and the names under each
 *  folder that holds files (the files in it and its sub-folders that hold files). */
interface TreeIndex {
  files: ReadonlySet<string>;
  children: Map<string, string[]>;
  /** resolvesUnder's answers by folder and source: the Dockerfiles of a monorepo share their
   *  ancestors (and often their sources), and a wildcard at a folder of 10,000 packages tests
   *  every name once, not once per Dockerfile. */
  resolved: Map<string, boolean>;
}

const indexes = new WeakMap<GuessTree, TreeIndex>();

function indexOf(tree: GuessTree): TreeIndex {
  let index = indexes.get(tree);
  if (!index) {
    const children = new Map<string, Set<string>>();
    for (const f of tree.files) {
      let child = f;
      for (let dir = dirOf(f); ; dir = dirOf(dir)) {
        let names = children.get(dir);
        const known = names !== undefined;
        if (!names) children.set(dir, (names = new Set()));
        const before = names.size;
        names.add(child.slice(child.lastIndexOf('/') + 1));
        // a folder already listed with this entry has its ancestors listed too
        if ((known && names.size === before) || dir === '.') break;
        child = dir;
      }
    }
    index = { files: fileSetOf(tree), children: new Map([...children].map(([d, n]) => [d, [...n]])), resolved: new Map() };
    indexes.set(tree, index);
  }
  return index;
}

const segmentGlobs = new Map<string, Glob>();

/** Does `src` (context-relative) name something under folder `dir` of the tree? A wildcard
 *  matches the paths of files and of folders that hold files, one part at a time, from the
 *  listing of each folder it reaches. */
function resolvesUnder(dir: string, src: string, tree: GuessTree, index: TreeIndex): boolean {
  const key = `${dir}\u0000${src}`;
  let hit = index.resolved.get(key);
  if (hit === undefined) index.resolved.set(key, (hit = resolvesUnderNow(dir, src, tree, index)));
  return hit;
}

function resolvesUnderNow(dir: string, src: string, tree: GuessTree, index: TreeIndex): boolean {
  const c = clean(src);
  if (c === '') return true; // `COPY . .` works from any folder
  const full = within(dir, c);
  if (!/[*?[]/.test(c)) return index.files.has(full) || tree.dirs.has(full);
  // a class could hold a '/': such a pattern is matched against every file's leading parts
  if (full.includes('[')) return resolvesByFiles(full, index.files);
  let at = ['.'];
  for (const part of full.split('/')) {
    const next: string[] = [];
    const wild = /[*?]/.test(part);
    let glob: Glob | undefined;
    if (wild) {
      glob = segmentGlobs.get(part);
      if (!glob) segmentGlobs.set(part, (glob = goMatch(part)));
    }
    for (const d of at) {
      const names = index.children.get(d);
      if (!names) continue;
      for (const n of names) if (glob ? glob.test(n) : n === part) next.push(d === '.' ? n : `${d}/${n}`);
    }
    if (next.length === 0) return false;
    at = next;
  }
  return true;
}

function resolvesByFiles(pattern: string, files: ReadonlySet<string>): boolean {
  const re = goMatch(pattern);
  const depth = pattern.split('/').length;
  for (const f of files) {
    const parts = f.split('/');
    if (parts.length < depth) continue;
    if (re.test(parts.slice(0, depth).join('/'))) return true;
  }
  return false;
}

function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = dir;
  while (d !== '.') {
    d = dirOf(d);
    out.push(d);
  }
  return out;
}

function show(dir: string): string {
  return dir === '.' ? 'the project root' : `${dir}/`;
}

/** The context to assume for a Dockerfile no build names, and why. */
export function guessContext(input: GuessInput, tree: GuessTree): Guess {
  const own = dirOf(input.dockerfile);
  const index = indexOf(tree);
  // a symlink that makes this the Dockerfile of another folder (Dockerfile -> docker/Dockerfile)
  for (const [link, to] of tree.links ?? []) {
    if (to === input.dockerfile && /(?:^|\/)(?:Dockerfile|Containerfile)$/.test(link) && dirOf(link) !== own) {
      return { context: dirOf(link), reason: `${link} links to it, so \`docker build ${dirOf(link)}\` builds it` };
    }
  }
  const sources = [...new Set(input.copySources.map(clean))].filter((s) => s !== '');
  if (sources.length === 0) return { context: own, reason: `its own folder: it copies nothing from a context` };
  const ownHits = sources.filter((s) => resolvesUnder(own, s, tree, index));
  const ownName = own.slice(own.lastIndexOf('/') + 1);
  let best: { dir: string; hits: string[] } | null = null;
  for (const a of ancestors(own)) {
    const hits = sources.filter((s) => resolvesUnder(a, s, tree, index) || (a === dirOf(own) && own !== '.' && s.split('/')[0] === ownName));
    if (!best || hits.length > best.hits.length) best = { dir: a, hits };
  }
  if (best && best.hits.length > ownHits.length) {
    const missingHere = best.hits.filter((s) => !ownHits.includes(s));
    const ex = missingHere.slice(0, 2).join(', ');
    return {
      context: best.dir,
      reason: `${best.hits.length} of ${sources.length} COPY/ADD sources are found under ${show(best.dir)} and ${ownHits.length} under ${show(own)} (e.g. ${ex})`,
    };
  }
  return { context: own, reason: `its own folder: ${ownHits.length} of ${sources.length} COPY/ADD sources are found there` };
}

/** The ignore file BuildKit reads: `<Dockerfile>.dockerignore` beside it, else the context's. */
export function ignoreFileFor(dockerfile: string, context: string, files: ReadonlySet<string>): string | undefined {
  for (const own of [`${dockerfile}.dockerignore`, `${dockerfile}.containerignore`]) if (files.has(own)) return own;
  for (const n of ['.dockerignore', '.containerignore']) {
    const p = context === '.' ? n : `${context}/${n}`;
    if (files.has(p)) return p;
  }
  return undefined;
}

/** The build a Dockerfile no build names is audited with (source 'guess'): the context its
 *  COPY/ADD sources point to. `model` gives its parse (null, or a throw: it could not be read
 *  or parsed, so it copies nothing the guess can see). */
export function guessedBuild(dockerfile: string, model: () => DockerfileModel | null, tree: GuessTree): Build {
  let copySources: string[] = [];
  try {
    const m = model();
    if (m) copySources = copySourcesOf(m);
  } catch { /* an unparseable file copies nothing we can see */ }
  const g = guessContext({ dockerfile, copySources }, tree);
  return { dockerfile, context: g.context, args: {}, namedContexts: {}, source: 'guess', file: dockerfile, line: 1, reason: g.reason };
}

/** A Dockerfile the map left unguessed (BuildMap.unguessed): its guessed build made now and
 *  added to the map, or null when the map holds no such Dockerfile (built, or guessed already). */
export function takeGuess(map: BuildMap, tree: GuessTree, dockerfile: string, model: () => DockerfileModel | null): Build | null {
  if (!map.unguessed?.delete(dockerfile)) return null;
  const b = guessedBuild(dockerfile, model, tree);
  // as the map's own builds have it (build-map.ts finish places theirs)
  const ignore = ignoreFileFor(dockerfile, b.context, fileSetOf(tree));
  if (ignore) b.ignoreFile = ignore;
  map.builds.push(b);
  return b;
}
