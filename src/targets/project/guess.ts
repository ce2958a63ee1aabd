// When no build names a Dockerfile: which folder is its context most likely? The Dockerfile's
// own folder, unless its COPY/ADD sources are found under an ancestor and not under that folder
// (or name that folder as their first part, like `COPY docker/entrypoint.sh` in
// docker/Dockerfile), or a symlink elsewhere makes it the Dockerfile of that folder.
import type { DockerfileModel } from '../dockerfile/model.js';
import { splitWords, unquote } from '../dockerfile/parse.js';
import { goMatchRegExp } from '../context/build.js';
import { dirOf } from './tree.js';

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

/** Does `src` (context-relative) name something under folder `dir` of the tree? */
function resolvesUnder(dir: string, src: string, tree: GuessTree, files: ReadonlySet<string>): boolean {
  const c = clean(src);
  if (c === '') return true; // `COPY . .` works from any folder
  if (!/[*?[]/.test(c)) {
    const p = within(dir, c);
    return files.has(p) || tree.dirs.has(p);
  }
  const re = goMatchRegExp(within(dir, c));
  const depth = within(dir, c).split('/').length;
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
  const files = new Set(tree.files);
  // a symlink that makes this the Dockerfile of another folder (Dockerfile -> docker/Dockerfile)
  for (const [link, to] of tree.links ?? []) {
    if (to === input.dockerfile && /(?:^|\/)(?:Dockerfile|Containerfile)$/.test(link) && dirOf(link) !== own) {
      return { context: dirOf(link), reason: `${link} links to it, so \`docker build ${dirOf(link)}\` builds it` };
    }
  }
  const sources = [...new Set(input.copySources.map(clean))].filter((s) => s !== '');
  if (sources.length === 0) return { context: own, reason: `its own folder: it copies nothing from a context` };
  const ownHits = sources.filter((s) => resolvesUnder(own, s, tree, files));
  const ownName = own.slice(own.lastIndexOf('/') + 1);
  let best: { dir: string; hits: string[] } | null = null;
  for (const a of ancestors(own)) {
    const hits = sources.filter((s) => resolvesUnder(a, s, tree, files) || (a === dirOf(own) && own !== '.' && s.split('/')[0] === ownName));
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
