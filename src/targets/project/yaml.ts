// The YAML files of a project (compose files, workflows) as project discovery and the build map
// read them: the compose auditor's fast reader (targets/compose/fast-yaml.ts, the same raw tree
// as the `yaml` library on the subset compose files are written in), and the `yaml` library for
// anything outside that subset (loaded on first use). Each file is read once per tree: discovery
// and the build map share the result (`forget` drops a tree's files once its map is built), up to
// MAX_KEPT_CHARS of text per tree; the files beyond it are read again by the build map.
import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
import { fastParse, type RAlias, type RNode, type RPair } from '../compose/fast-yaml.js';
import type { ProjectTree } from './tree.js';

export type { RNode, RPair } from '../compose/fast-yaml.js';

export interface ReadYaml {
  /** The document's content (null when empty); undefined when the file does not parse. */
  root: RNode | null | undefined;
  /** Why it does not parse: the first error, at its line. */
  error?: { line: number; message: string };
  /** What each alias stands for, as the `yaml` library resolves it (the last node with that anchor
   *  before it in document order). */
  aliases: Map<RAlias, RNode>;
  /** The line of an offset. */
  lineOf(offset: number): number;
}

/** What a tree's readers keep: the parses, and the characters of text they were read from. */
interface Kept {
  files: Map<string, { read: ReadYaml | null; maxBytes: number }>;
  chars: number;
}
const cache = new WeakMap<ProjectTree, Kept>();

/** The text a tree keeps parses of (a parse is about ten times its text): beyond it a file is
 *  parsed again by its later reader, so a tree of thousands of compose files costs no more memory
 *  than this while it is mapped. */
const MAX_KEPT_CHARS = 1024 * 1024;

/** The file `rel` of the tree, parsed (null when it cannot be read within maxBytes): what
 *  discovery kept of it (`remember`), else read and parsed now. A read kept under a smaller limit
 *  serves a larger one; one that could not read the file is tried again under a larger one. */
export function readTreeYaml(tree: ProjectTree, rel: string, maxBytes: number): ReadYaml | null {
  const known = cache.get(tree)?.files.get(rel);
  if (known && (known.read === null ? maxBytes <= known.maxBytes : maxBytes >= known.maxBytes)) return known.read;
  const text = tree.read(rel, maxBytes);
  return text === null ? null : readYamlText(text);
}

/** Keeps a file's parse (of `chars` characters of text, read under maxBytes) for the later readers
 *  of the same tree, while the tree keeps less than MAX_KEPT_CHARS. */
export function remember(tree: ProjectTree, rel: string, maxBytes: number, read: ReadYaml, chars: number): void {
  let kept = cache.get(tree);
  if (!kept) {
    kept = { files: new Map(), chars: 0 };
    cache.set(tree, kept);
  }
  if (kept.chars + chars > MAX_KEPT_CHARS || kept.files.has(rel)) return;
  kept.chars += chars;
  kept.files.set(rel, { read, maxBytes });
}

/** Drops what readTreeYaml holds for a tree. */
export function forget(tree: ProjectTree): void {
  cache.delete(tree);
}

/** One YAML text: the fast reader, else the `yaml` library (with the options the project's
 *  readers always used: duplicate keys allowed, not strict). */
export function readYamlText(text: string): ReadYaml {
  const fast = fastParse(text);
  if (fast !== undefined) return withAliases(fast, lineIndex(text));
  const { LineCounter, parseDocument } = yamlLibrary();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, strict: false });
  const lineOf = (offset: number) => lc.linePos(offset).line;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return { root: undefined, error: { line: lineOf(e.pos[0]), message: e.message.split('\n')[0] }, aliases: new Map(), lineOf };
  }
  return withAliases(fromLibrary(doc.contents), lineOf);
}

function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offset < (starts[mid] ?? 0)) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}

const MAX_ALIASES = 10_000;

/** Resolves the aliases as the library's visit did when the build map put them in place: in
 *  document order, each alias names the last node seen with its anchor, and the node it names is
 *  walked again at its place (the anchors in it count as seen there). */
function withAliases(root: RNode | null, lineOf: (offset: number) => number): ReadYaml {
  const aliases = new Map<RAlias, RNode>();
  const read: ReadYaml = { root, aliases, lineOf };
  if (root === null || !hasAlias(root)) return read;
  const anchors = new Map<string, RNode>();
  let budget = MAX_ALIASES;
  const walking = new Set<RNode>();
  const walk = (n: RNode | null): boolean => {
    if (n === null) return true;
    if (n.k === 3) {
      if (--budget < 0) return false;
      const target = anchors.get(n.source);
      if (!target || walking.has(target)) return true;
      aliases.set(n, target);
      return walk(target);
    }
    if (n.anchor !== undefined) anchors.set(n.anchor, n);
    if (n.k === 0) return true;
    walking.add(n);
    let ok = true;
    if (n.k === 1) {
      for (const p of n.pairs) if (!(ok = walk(p.key) && walk(p.value))) break;
    } else {
      for (const item of n.items) if (!(ok = walk(item))) break;
    }
    walking.delete(n);
    return ok;
  };
  walk(root);
  return read;
}

function hasAlias(n: RNode | null): boolean {
  if (n === null || n.k === 0) return false;
  if (n.k === 3) return true;
  if (n.k === 1) return n.pairs.some((p) => hasAlias(p.key) || hasAlias(p.value));
  return n.items.some(hasAlias);
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
function yamlLibrary(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/** The library's node tree as a raw tree. */
function fromLibrary(n: unknown): RNode | null {
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  if (n === null || n === undefined) return null;
  const node = n as YamlNode & { anchor?: string; tag?: string };
  const start = node.range?.[0] ?? 0;
  const end = node.range?.[1] ?? 0;
  let out: RNode;
  if (isAlias(node)) out = { k: 3, start, end, source: node.source };
  else if (isMap(node)) {
    const pairs: RPair[] = [];
    for (const pair of node.items) {
      const key = fromLibrary(pair.key);
      pairs.push({ key, keyText: key?.k === 0 ? String(key.value) : '', keyStart: key?.start ?? start, keyEnd: key?.end ?? start, merge: false, value: fromLibrary(pair.value) });
    }
    out = { k: 1, start, end, pairs };
  } else if (isSeq(node)) out = { k: 2, start, end, items: node.items.map(fromLibrary) };
  else if (isScalar(node)) out = { k: 0, start, end, value: node.value };
  else return null;
  if (node.anchor) out.anchor = node.anchor;
  if (node.tag) out.tag = node.tag;
  return out;
}

/** The value of a key as the library's lookups saw it: a scalar key whose value is `key` (`<<`
 *  for a merge key). */
export function keyValue(p: RPair): unknown {
  if (p.merge) return '<<';
  return p.key !== null && p.key.k === 0 ? p.key.value : undefined;
}

/** The first pair of a mapping whose key is `key` (no merge keys, no aliases followed). */
export function pairOf(node: RNode | null | undefined, key: string): RPair | undefined {
  if (!node || node.k !== 1) return undefined;
  for (const p of node.pairs) if (keyValue(p) === key) return p;
  return undefined;
}
