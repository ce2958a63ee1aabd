// The project's files as the scanner sees them: every path under the root (POSIX, relative;
// .git, node_modules and vendored third-party trees skipped), which of them are symbolic links and to where, and a reader.
// `scanTree` reads the disk; tests and callers with their own file list can build a ProjectTree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFileBytes, treeText } from '../../file-read.js';

export interface ProjectTree {
  /** Absolute root folder. */
  root: string;
  /** Every file (and symlink) under the root, relative POSIX paths, sorted. */
  files: string[];
  /** Folders under the root (relative POSIX, '.' excluded). */
  dirs: Set<string>;
  /** Symlink path → the path it resolves to, relative to the root (null: outside the root or dangling). */
  links: Map<string, string | null>;
  /** The text of a file (null when unreadable, larger than maxBytes or not UTF-8). */
  read(rel: string, maxBytes?: number): string | null;
  /** Entries the walk could not enter or name (a folder that cannot be listed, a name that is
   *  not UTF-8), with why: discovery reports them as skipped instead of missing them silently. */
  unreadable?: { path: string; reason: string }[];
  /** Third-party trees the walk did not enter (a Go module's vendor/, …), with why. */
  vendored?: { path: string; reason: string }[];
  /** The walk stopped at its file limit: some folders in `dirs` were not listed whole. */
  truncated?: boolean;
}

export const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** Why a folder is a copy of other projects' code that the project never builds itself, or null:
 *  a Go module's `vendor/` (modules.txt in it, go.mod beside it), Composer's `vendor/`
 *  (autoload.php in it, composer.json beside it), Bundler's `vendor/bundle`, a Python virtual
 *  environment (pyvenv.cfg in it). has: whether a file exists, by path relative to the root. */
export function vendoredTree(rel: string, has: (rel: string) => boolean): string | null {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  const parent = dirOf(rel);
  const beside = (f: string) => has(parent === '.' ? f : `${parent}/${f}`);
  if (name === 'vendor' && has(`${rel}/modules.txt`) && beside('go.mod')) return 'a Go module\'s vendored dependencies (vendor/modules.txt beside go.mod): third-party code, not searched; name it on the command line to lint it';
  if (name === 'vendor' && has(`${rel}/autoload.php`) && beside('composer.json')) return 'Composer\'s installed dependencies (vendor/autoload.php beside composer.json): third-party code, not searched; name it on the command line to lint it';
  const top = dirOf(parent);
  if (name === 'bundle' && parent.slice(parent.lastIndexOf('/') + 1) === 'vendor' && has(top === '.' ? 'Gemfile' : `${top}/Gemfile`)) return 'Bundler\'s installed gems (vendor/bundle beside a Gemfile): third-party code, not searched; name it on the command line to lint it';
  if (has(`${rel}/pyvenv.cfg`)) return 'a Python virtual environment (pyvenv.cfg): installed packages, not searched; name it on the command line to lint it';
  return null;
}

const DEFAULT_MAX = 1024 * 1024;

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Walks the disk under root. Each folder is listed once: whether a folder is a vendored tree
 *  is answered from its own listing and its parents' (read before it is entered), not by asking
 *  the disk for pyvenv.cfg in every folder. */
export function scanTree(root: string, maxFiles = 200_000): ProjectTree {
  const files: string[] = [];
  const dirs = new Set<string>();
  const links = new Map<string, string | null>();
  const unreadable: { path: string; reason: string }[] = [];
  const vendored: { path: string; reason: string }[] = [];
  const at = (r: string) => (r ? path.join(root, r) : root);
  // the listings of the folders on the walk's current path (and the one about to be entered), by
  // relative path ('' for the root): what vendoredTree asks is always among them
  const open = new Map<string, fs.Dirent[]>();
  const isFile = (r: string): boolean => {
    const slash = r.lastIndexOf('/');
    const listing = open.get(slash < 0 ? '' : r.slice(0, slash));
    const e = listing ? findSorted(listing, r.slice(slash + 1)) : undefined;
    if (listing && !e) return false;
    if (e && !e.isSymbolicLink()) return e.isFile();
    try {
      return fs.statSync(at(r), { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  };
  /** A folder's entries, sorted, with the names that are not UTF-8 apart; null when it cannot be listed. */
  const list = (rel: string): { entries: fs.Dirent[]; bad: { path: string; reason: string }[] } | { error: unknown } => {
    let raw: fs.Dirent<Buffer>[];
    try {
      raw = fs.readdirSync(at(rel), { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      return { error };
    }
    const entries: fs.Dirent[] = [];
    const bad: { path: string; reason: string }[] = [];
    for (const e of raw) {
      const name = e.name.toString('utf8');
      // a name that is not UTF-8 has no string path the readers could open: said, not missed
      if (!Buffer.from(name).equals(e.name)) {
        bad.push({ path: rel ? `${rel}/${name}` : name, reason: `a ${e.isDirectory() ? 'folder' : 'file'} whose name is not UTF-8: not searched (rename it, or lint it by a path that avoids the name)` });
        continue;
      }
      entries.push(Object.assign(e, { name }));
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { entries, bad };
  };
  // the root's real path is wanted only to place a symbolic link's target (most trees have none)
  let realRoot: string | undefined;
  let truncated = false as boolean; // set inside walk
  const walk = (rel: string, listed: ReturnType<typeof list>): void => {
    if ('error' in listed) {
      // a root that does not resolve is an error of the caller's (as it was when the walk began by resolving it)
      if (!rel) realRoot ??= fs.realpathSync(root);
      if (rel) unreadable.push({ path: rel, reason: `a folder that cannot be listed (${(listed.error as NodeJS.ErrnoException).code ?? String(listed.error)}): not searched` });
      return;
    }
    unreadable.push(...listed.bad);
    const { entries } = listed;
    open.set(rel, entries);
    for (const e of entries) {
      if (files.length >= maxFiles) {
        truncated = true;
        break;
      }
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name)) continue;
        const inner = list(r);
        if (!('error' in inner)) open.set(r, inner.entries);
        const why = vendoredTree(r, isFile);
        open.delete(r);
        if (why !== null) {
          vendored.push({ path: r, reason: why });
          continue;
        }
        dirs.add(r);
        walk(r, inner);
      } else if (e.isSymbolicLink()) {
        let target: string | null = null;
        try {
          const real = fs.realpathSync(at(r));
          realRoot ??= fs.realpathSync(root);
          const relReal = path.relative(realRoot, real);
          if (!relReal.startsWith('..') && !path.isAbsolute(relReal)) target = toPosix(relReal);
          if (fs.statSync(real).isDirectory()) continue; // a linked folder is not walked (loops)
        } catch { /* dangling */ }
        links.set(r, target);
        files.push(r);
      } else if (e.isFile()) {
        files.push(r);
      }
    }
    open.delete(rel);
  };
  walk('', list(''));
  return {
    root, files, dirs, links, unreadable, vendored, ...(truncated ? { truncated } : {}),
    read(rel, maxBytes = DEFAULT_MAX) {
      return treeText(readFileBytes(path.join(root, rel), maxBytes));
    },
  };
}

const fileSets = new WeakMap<object, ReadonlySet<string>>();

/** A tree's files as a set, made once per tree for every reader that asks (discovery, the build
 *  map, the guesses, the config lookup). */
export function fileSetOf(tree: { readonly files: readonly string[] }): ReadonlySet<string> {
  let set = fileSets.get(tree);
  if (!set) fileSets.set(tree, (set = new Set(tree.files)));
  return set;
}

/** The entry of a name in a listing sorted by name (as the walk sorts it). */
function findSorted(entries: readonly fs.Dirent[], name: string): fs.Dirent | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = entries[mid].name;
    if (n === name) return entries[mid];
    if (n < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Normalises a path relative to the root: '.' for the root, null when it leaves the root. */
export function normRel(p: string): string | null {
  const n = path.posix.normalize(p.replace(/\\/g, '/'));
  if (n === '..' || n.startsWith('../') || n.startsWith('/')) return null;
  const out = n.replace(/\/$/, '');
  return out === '' ? '.' : out;
}

/** Joins a relative folder and a path written in a file (absolute paths are refused: null). */
export function joinRel(dir: string, p: string): string | null {
  if (p.startsWith('/')) return null;
  return normRel(dir === '.' ? p : `${dir}/${p}`);
}

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '.' : rel.slice(0, i);
}
