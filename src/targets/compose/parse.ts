// One compose file's text → a located YAML tree (YNode) with anchors, aliases and merge keys
// resolved and `${VAR}` interpolated. Pure: the caller reads the file and the `.env`.
import { createRequire } from 'node:module';
import type { Document, Node as YamlNode, LineCounter } from 'yaml';
import type { SourceRange } from '../../engine/types.js';
import type { ComposeFile, Diagnostic, YMap, YNode, YScalar } from './model.js';
import { interpolate } from './interpolate.js';
import { hashComments } from '../../engine/suppressions.js';
import { fastParse, type RAlias, type RNode, type RPair } from './fast-yaml.js';

/** Files larger than this are not parsed: a compose file is a few kilobytes. */
export const MAX_COMPOSE_BYTES = 4 * 1024 * 1024;
/** Upper bound on the size of the tree once aliases are expanded (a "billion laughs" stops here). */
export const MAX_EXPANDED_NODES = 200_000;

export interface ParsedComposeFile {
  file: ComposeFile;
  /** The root mapping; null when the file could not be parsed or is not a mapping. */
  root: YMap | null;
  diagnostics: Diagnostic[];
  /** The root as schema validation sees it (schema.ts toSchemaPlain), when built while reading. */
  schemaPlain?: unknown;
}

export interface ParseOptions {
  /** Relative POSIX path used in locations. */
  path: string;
  /** Variables for interpolation (the `.env` beside the file, plus any given by the caller). */
  env: Record<string, string>;
  /** true to parse with the `yaml` library even when the fast reader could (tests compare the two). */
  yamlLibrary?: boolean;
}

export function parseComposeText(text: string, opts: ParseOptions): ParsedComposeFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const diagnostics: Diagnostic[] = [];
  const file: ComposeFile = { path: opts.path, text, comments: [] };
  let pos = (offset: number): SourceRange['start'] => ({ line: 1, column: offset + 1, offset });
  const rangeAt = (start: number, end: number): SourceRange => ({ start: pos(start), end: pos(Math.max(start, end)) });

  if (text.length > MAX_COMPOSE_BYTES) {
    diagnostics.push({
      kind: 'yaml', severity: 'error', file: opts.path,
      message: `file is ${(text.length / 1024 / 1024).toFixed(1)} MB: larger than the ${MAX_COMPOSE_BYTES / 1024 / 1024} MB a compose file may have here; not audited`,
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
    return { file, root: null, diagnostics };
  }
  if (text.includes('\u0000')) {
    diagnostics.push({
      kind: 'yaml', severity: 'error', file: opts.path, message: 'binary content: this is not a YAML file',
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
    return { file, root: null, diagnostics };
  }

  let tree: RNode | null;
  const fast = opts.yamlLibrary ? undefined : fastParse(text);
  if (fast !== undefined) {
    tree = fast;
    const starts = lineStarts(text);
    pos = (offset) => positionIn(starts, text, offset);
  } else {
    const { LineCounter, Parser, Composer } = yamlLibrary();
    const lc = new LineCounter();
    pos = (offset) => position(lc, text, offset);
    const docs: Document.Parsed[] = [];
    const composer = new Composer({ merge: true, uniqueKeys: true, prettyErrors: false });
    const parser = new Parser(lc.addNewLine);
    for (const doc of composer.compose(parser.parse(text), true)) docs.push(doc);
    const doc = docs.at(0);
    if (!doc) {
      file.comments = commentsOf(text);
      return { file, root: null, diagnostics: notCompose(opts.path, 'the file is empty', diagnostics) };
    }
    for (const d of docs) {
      for (const e of d.errors) {
        diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: `YAML: ${firstLine(e.message)}`, range: rangeAt(e.pos[0], e.pos[1]) });
      }
    }
    if (docs.length > 1) {
      const second = docs[1];
      const start = second.range[0];
      diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: 'a compose file holds one YAML document; the documents after the first are ignored', range: rangeAt(start, start) });
    }
    if (diagnostics.length) {
      file.comments = commentsOf(text);
      return { file, root: null, diagnostics };
    }
    tree = fromLibrary(doc.contents);
  }
  file.comments = commentsOf(text);
  return fromTree(tree, text, file, diagnostics, opts, rangeAt);
}

/** Anchors, aliases, the alias-bomb limit, merge keys and interpolation over the raw tree. */
function fromTree(tree: RNode | null, text: string, file: ComposeFile, diagnostics: Diagnostic[], opts: ParseOptions, rangeAt: (start: number, end: number) => SourceRange): ParsedComposeFile {
  // Anchors by name, in document order. One walk here makes every alias lookup cheap.
  const anchors = new Map<string, { start: number; node: RNode }[]>();
  let aliases = 0;
  let nodes = 0; // the expanded size when there is no alias
  const collect = (node: RNode | null): void => {
    nodes++;
    if (!node) return;
    if (node.k === 3) aliases++;
    if (node.anchor) {
      const list = anchors.get(node.anchor);
      if (list) list.push({ start: node.start, node });
      else anchors.set(node.anchor, [{ start: node.start, node }]);
    }
    if (node.k === 1) {
      for (const pair of node.pairs) {
        collect(pair.key);
        collect(pair.value);
      }
    } else if (node.k === 2) for (const item of node.items) collect(item);
  };
  collect(tree);
  const resolveAlias = (a: RAlias): RNode | undefined => {
    const list = anchors.get(a.source);
    if (!list) return undefined;
    const at = a.start;
    let found: RNode | undefined;
    for (const e of list) if (e.start < at) found = e.node;
    return found;
  };

  if (nodes > MAX_EXPANDED_NODES || aliases > 0) {
    // Expanded size, counted once per anchored node (memoised: only those are reached twice) so
    // a billion-laughs document is caught in linear time before anything walks it as a tree.
    const sizes = new Map<unknown, number>();
    const expandedSize = (n: RNode | null | undefined): number => {
      if (n === null || n === undefined) return 1;
      const shared = n.anchor !== undefined;
      if (shared) {
        const known = sizes.get(n);
        if (known !== undefined) return known;
        sizes.set(n, 1); // cycles (an alias inside its own anchor) count once
      }
      let size = 1;
      if (n.k === 3) size = expandedSize(resolveAlias(n));
      else if (n.k === 1) {
        for (const pair of n.pairs) {
          size += expandedSize(pair.key) + expandedSize(pair.value);
          if (size > MAX_EXPANDED_NODES) break;
        }
      } else if (n.k === 2) {
        for (const item of n.items) {
          size += expandedSize(item);
          if (size > MAX_EXPANDED_NODES) break;
        }
      }
      size = Math.min(size, MAX_EXPANDED_NODES + 1);
      if (shared) sizes.set(n, size);
      return size;
    };
    if (expandedSize(tree) > MAX_EXPANDED_NODES) {
      diagnostics.push({
        kind: 'yaml', severity: 'error', file: opts.path,
        message: nodes > MAX_EXPANDED_NODES
          ? `the YAML has more than ${MAX_EXPANDED_NODES} nodes as written: too large for a compose file; not audited`
          : `YAML aliases expand to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb such as "billion laughs"); not audited`,
        range: rangeAt(0, 0),
      });
      return { file, root: null, diagnostics };
    }
  }

  // Only an anchored node can be reached twice (through an alias), so only those are memoised.
  const memo = new Map<RNode, YNode>();
  const converting = new Set<RNode>();
  // The path of the node being converted, joined only when a diagnostic needs it.
  const segments: (string | number)[] = [];
  const pathNow = (): string => {
    let s = '';
    for (const seg of segments) s = typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${seg}` : seg;
    return s;
  };

  // The value schema validation sees (schema.ts toSchemaPlain: `${VAR}` kept where a variable is
  // unset), built along with the tree instead of by a second walk: `plain` holds the one of the
  // node convert() just returned. A `__proto__` key makes toSchemaPlain redo it.
  let plain: unknown = null;
  let plainUnsafe = false as boolean; // set inside convert(), where flow analysis does not look
  const plainMemo = new Map<RNode, unknown>();

  const convert = (n: RNode | null | undefined): YNode => {
    if (n === null || n === undefined) {
      plain = null;
      return nullScalar(opts.path, rangeAt(0, 0));
    }
    if (n.k === 3) {
      const target = resolveAlias(n);
      if (!target) {
        diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: `YAML: unknown alias *${n.source}`, range: rangeAt(n.start, n.end), yamlPath: pathNow() });
        plain = null;
        return nullScalar(opts.path, rangeAt(n.start, n.end));
      }
      return convert(target);
    }
    const node = n;
    const shared = node.anchor !== undefined;
    if (shared) {
      const cached = memo.get(node);
      if (cached) {
        plain = plainMemo.get(node);
        return cached;
      }
      if (converting.has(node)) {
        diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: 'YAML: an alias refers to the node that contains it (a cycle)', range: rangeAt(node.start, node.end), yamlPath: pathNow() });
        plain = null;
        return nullScalar(opts.path, rangeAt(node.start, node.end));
      }
      converting.add(node);
    }
    let out: YNode;
    let outPlain: unknown;
    const tag = node.tag === '!reset' || node.tag === '!override' ? node.tag : undefined;
    if (node.k === 1) {
      const entries = new Map<string, YNode>();
      const obj: Record<string, unknown> = {};
      const merges: YNode[] = [];
      const mergePlains: unknown[] = [];
      for (const pair of node.pairs) {
        if (pair.merge) { // `<<` merge key
          const v = convert(pair.value);
          if (v.kind === 'seq') {
            merges.push(...v.items);
            mergePlains.push(...(plain as unknown[]));
          } else {
            merges.push(v);
            mergePlains.push(plain);
          }
          continue;
        }
        const keyText = pair.keyText;
        if (keyText === '__proto__') plainUnsafe = true;
        const keyRange = rangeAt(pair.keyStart, pair.keyEnd);
        const v = pair.value;
        if (v === null) {
          entries.set(keyText, { ...nullScalar(opts.path, keyRange), keyRange });
          obj[keyText] = null;
          continue;
        }
        segments.push(keyText);
        const value = convert(v);
        segments.pop();
        // a value met once is fresh: give it its key range in place; a shared one gets a copy
        if (v.k !== 3 && v.anchor === undefined) {
          value.keyRange = keyRange;
          entries.set(keyText, value);
        } else entries.set(keyText, { ...value, keyRange });
        obj[keyText] = plain;
      }
      // Explicit keys win over merged ones; among merge sources, the first one wins.
      merges.forEach((src, m) => {
        if (src.kind !== 'map') return;
        const srcPlain = mergePlains[m] as Record<string, unknown>;
        for (const [k, v] of src.entries) {
          if (entries.has(k)) continue;
          entries.set(k, v);
          obj[k] = srcPlain[k];
        }
      });
      out = { kind: 'map', file: opts.path, range: rangeAt(node.start, node.end), entries };
      outPlain = obj;
    } else if (node.k === 2) {
      const arr: unknown[] = [];
      out = {
        kind: 'seq', file: opts.path, range: rangeAt(node.start, node.end),
        items: node.items.map((item, i) => {
          segments.push(i);
          const c = convert(item);
          segments.pop();
          arr.push(plain);
          return c;
        }),
      };
      outPlain = arr;
    } else {
      const range = rangeAt(node.start, node.end);
      const raw = node.value;
      const plainScalar = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null;
      // any other value (a bigint aside) is kept as its text
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a non-scalar YAML value (a date, binary) keeps its JavaScript text
      const value = typeof raw === 'bigint' ? Number(raw) : plainScalar ? raw : String(raw);
      const scalar: YScalar = { kind: 'scalar', file: opts.path, range, value };
      if (typeof raw === 'string' && raw.includes('$')) {
        const r = interpolate(raw, opts.env);
        scalar.raw = raw;
        scalar.value = r.value;
        if (r.issues.length) scalar.unresolved = true;
        for (const issue of r.issues) {
          diagnostics.push({ kind: 'interpolation', severity: issue.severity, file: opts.path, message: issue.message, range, yamlPath: pathNow() });
        }
      }
      out = scalar;
      outPlain = scalar.unresolved && scalar.raw !== undefined ? scalar.raw : scalar.value;
    }
    if (tag) out.tag = tag;
    if (shared) {
      converting.delete(node);
      memo.set(node, out);
      plainMemo.set(node, outPlain);
    }
    plain = outPlain;
    return out;
  };

  const root = convert(tree);
  if (root.kind !== 'map') {
    return { file, root: null, diagnostics: notCompose(opts.path, 'the top level is not a mapping', diagnostics, root.range) };
  }
  return plainUnsafe ? { file, root, diagnostics } : { file, root, diagnostics, schemaPlain: plain };
}

/** A text's inline ignores are its `# tightship ignore…` and `# hadolint ignore…` comments: a
 *  text without either word has none, and its comments are not collected. */
const IGNORE_WORD = /tightship|hadolint/i;

function commentsOf(text: string): ComposeFile['comments'] {
  return IGNORE_WORD.test(text) ? hashComments(text) : [];
}

function notCompose(path: string, why: string, diagnostics: Diagnostic[], range?: SourceRange): Diagnostic[] {
  diagnostics.push({
    kind: 'not-compose', severity: 'error', file: path,
    message: `not a compose file: ${why}`,
    range: range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  });
  return diagnostics;
}

function nullScalar(file: string, range: SourceRange): YScalar {
  return { kind: 'scalar', file, range, value: null };
}

function span(n: YamlNode): [number, number] {
  const r = n.range;
  return r ? [r[0], r[1]] : [0, 0];
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/** The `yaml` library, loaded on the first file the fast reader leaves to it (loading it costs
 *  more than reading most compose projects). */
function yamlLibrary(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/** The library's node tree as the raw tree the rest of the reading works on. */
export function fromLibrary(n: unknown): RNode | null {
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  if (n === null || n === undefined) return null;
  const node = n as YamlNode & { anchor?: string; tag?: string };
  const [start, end] = span(node);
  let out: RNode;
  if (isAlias(node)) out = { k: 3, start, end, source: node.source };
  else if (isMap(node)) {
    const pairs: RPair[] = [];
    for (const pair of node.items) {
      const key = pair.key;
      const merge = isScalar(key) && typeof key.value === 'symbol';
      const keyText = isScalar(key) ? String(key.value) : String(key);
      const [keyStart, keyEnd] = key && typeof key === 'object' && 'range' in key ? span(key as YamlNode) : [start, end];
      pairs.push({ key: fromLibrary(key), keyText, keyStart, keyEnd, merge, value: fromLibrary(pair.value) });
    }
    out = { k: 1, start, end, pairs };
  } else if (isSeq(node)) out = { k: 2, start, end, items: node.items.map(fromLibrary) };
  else if (isScalar(node)) out = { k: 0, start, end, value: node.value };
  else return null;
  if (node.anchor) out.anchor = node.anchor;
  if (node.tag) out.tag = node.tag;
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** Same as LineCounter.linePos over all line starts. */
function positionIn(starts: number[], text: string, offset: number) {
  const o = Math.min(Math.max(offset, 0), text.length);
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (o < starts[mid]) high = mid;
    else low = mid + 1;
  }
  return { line: low, column: o - starts[low - 1] + 1, offset: o };
}

function position(lc: LineCounter, text: string, offset: number) {
  const o = Math.min(Math.max(offset, 0), text.length);
  const p = lc.linePos(o);
  return { line: p.line, column: p.col, offset: o };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}
