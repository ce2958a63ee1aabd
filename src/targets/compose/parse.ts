// One compose file's text → a located YAML tree (YNode) with anchors, aliases and merge keys
// resolved and `${VAR}` interpolated. Pure: the caller reads the file and the `.env`.
import { LineCounter, Parser, Composer, isAlias, isMap, isScalar, isSeq, isPair } from 'yaml';
import type { Document, Node as YamlNode, Alias } from 'yaml';
import type { SourceRange } from '../../engine/types.js';
import type { ComposeFile, Diagnostic, YMap, YNode, YScalar } from './model.js';
import { interpolate } from './interpolate.js';
import { hashComments } from '../../engine/suppressions.js';

/** Files larger than this are not parsed: a compose file is a few kilobytes. */
export const MAX_COMPOSE_BYTES = 4 * 1024 * 1024;
/** Upper bound on the size of the tree once aliases are expanded (a "billion laughs" stops here). */
export const MAX_EXPANDED_NODES = 200_000;

export interface ParsedComposeFile {
  file: ComposeFile;
  /** The root mapping; null when the file could not be parsed or is not a mapping. */
  root: YMap | null;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Relative POSIX path used in locations. */
  path: string;
  /** Variables for interpolation (the `.env` beside the file, plus any given by the caller). */
  env: Record<string, string>;
}

export function parseComposeText(text: string, opts: ParseOptions): ParsedComposeFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lc = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const file: ComposeFile = { path: opts.path, text, comments: [] };
  const pos = (offset: number) => position(lc, text, offset);
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

  const docs: Document.Parsed[] = [];
  const composer = new Composer({ merge: true, uniqueKeys: true, prettyErrors: false });
  const parser = new Parser(lc.addNewLine);
  for (const doc of composer.compose(parser.parse(text), true)) docs.push(doc as Document.Parsed);
  file.comments = hashComments(text);

  const doc = docs[0];
  if (!doc) return { file, root: null, diagnostics: notCompose(opts.path, 'the file is empty', diagnostics) };
  for (const d of docs) {
    for (const e of d.errors) {
      diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: `YAML: ${firstLine(e.message)}`, range: rangeAt(e.pos[0], e.pos[1]) });
    }
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const start = second.range?.[0] ?? 0;
    diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: 'a compose file holds one YAML document; the documents after the first are ignored', range: rangeAt(start, start) });
  }
  if (diagnostics.length) return { file, root: null, diagnostics };

  // Anchors by name, in document order. Alias.resolve() walks the whole document per alias
  // (quadratic on files with many aliases); one walk here makes every lookup cheap.
  const anchors = new Map<string, { start: number; node: YamlNode }[]>();
  const collect = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as YamlNode & { anchor?: string };
    if (node.anchor) {
      const list = anchors.get(node.anchor) ?? [];
      list.push({ start: node.range?.[0] ?? 0, node });
      anchors.set(node.anchor, list);
    }
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          collect(item.key);
          collect(item.value);
        } else collect(item);
      }
    }
  };
  collect(doc.contents);
  const resolveAlias = (a: Alias): YamlNode | undefined => {
    const list = anchors.get(a.source);
    if (!list) return undefined;
    const at = a.range?.[0] ?? Infinity;
    let found: YamlNode | undefined;
    for (const e of list) if (e.start < at) found = e.node;
    return found;
  };

  // Expanded size, counted once per node (memoised) so a billion-laughs document is caught in
  // linear time before anything walks it as a tree.
  const sizes = new Map<unknown, number>();
  const expandedSize = (n: unknown): number => {
    if (n === null || n === undefined) return 1;
    const known = sizes.get(n);
    if (known !== undefined) return known;
    sizes.set(n, 1); // cycles (an alias inside its own anchor) count once
    let size = 1;
    if (isAlias(n)) size = expandedSize(resolveAlias(n as Alias));
    else if (isMap(n) || isSeq(n)) {
      for (const item of n.items as unknown[]) {
        if (isPair(item)) size += expandedSize(item.key) + expandedSize(item.value);
        else size += expandedSize(item);
        if (size > MAX_EXPANDED_NODES) break;
      }
    }
    size = Math.min(size, MAX_EXPANDED_NODES + 1);
    sizes.set(n, size);
    return size;
  };
  if (expandedSize(doc.contents) > MAX_EXPANDED_NODES) {
    diagnostics.push({
      kind: 'yaml', severity: 'error', file: opts.path,
      message: `YAML aliases expand to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb such as "billion laughs"); not audited`,
      range: rangeAt(0, 0),
    });
    return { file, root: null, diagnostics };
  }

  const memo = new Map<YamlNode, YNode>();
  const converting = new Set<YamlNode>();

  const convert = (n: unknown, yamlPath: string): YNode => {
    if (isAlias(n)) {
      const target = resolveAlias(n as Alias);
      if (!target) {
        diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: `YAML: unknown alias *${(n as Alias).source}`, range: rangeAt(...span(n as YamlNode)), yamlPath });
        return nullScalar(opts.path, rangeAt(...span(n as YamlNode)));
      }
      return convert(target, yamlPath);
    }
    if (n === null || n === undefined) return nullScalar(opts.path, rangeAt(0, 0));
    const node = n as YamlNode;
    const cached = memo.get(node);
    if (cached) return cached;
    if (converting.has(node)) {
      diagnostics.push({ kind: 'yaml', severity: 'error', file: opts.path, message: 'YAML: an alias refers to the node that contains it (a cycle)', range: rangeAt(...span(node)), yamlPath });
      return nullScalar(opts.path, rangeAt(...span(node)));
    }
    converting.add(node);
    let out: YNode;
    const tag = node.tag === '!reset' || node.tag === '!override' ? node.tag : undefined;
    if (isMap(node)) {
      const entries = new Map<string, YNode>();
      const merges: YNode[] = [];
      for (const pair of node.items) {
        const key = pair.key as unknown;
        if (isScalar(key) && typeof key.value === 'symbol') { // `<<` merge key
          const v = convert(pair.value, yamlPath);
          if (v.kind === 'seq') merges.push(...v.items);
          else merges.push(v);
          continue;
        }
        const keyText = isScalar(key) ? String(key.value) : String(key);
        const keyRange = key && typeof key === 'object' && 'range' in key ? rangeAt(...span(key as YamlNode)) : rangeAt(...span(node));
        const childPath = yamlPath ? `${yamlPath}.${keyText}` : keyText;
        const value = pair.value === null || pair.value === undefined
          ? nullScalar(opts.path, keyRange)
          : convert(pair.value, childPath);
        entries.set(keyText, { ...value, keyRange });
      }
      // Explicit keys win over merged ones; among merge sources, the first one wins.
      for (const src of merges) {
        if (src.kind !== 'map') continue;
        for (const [k, v] of src.entries) if (!entries.has(k)) entries.set(k, v);
      }
      out = { kind: 'map', file: opts.path, range: rangeAt(...span(node)), entries };
    } else if (isSeq(node)) {
      out = {
        kind: 'seq', file: opts.path, range: rangeAt(...span(node)),
        items: node.items.map((item, i) => convert(item, `${yamlPath}[${i}]`)),
      };
    } else if (isScalar(node)) {
      const range = rangeAt(...span(node));
      let value = node.value as YScalar['value'];
      if (typeof value === 'bigint') value = Number(value);
      const scalar: YScalar = { kind: 'scalar', file: opts.path, range, value: value as YScalar['value'] };
      if (typeof value === 'string' && value.includes('$')) {
        const r = interpolate(value, opts.env);
        scalar.raw = value;
        scalar.value = r.value;
        if (r.issues.length) scalar.unresolved = true;
        for (const issue of r.issues) {
          diagnostics.push({ kind: 'interpolation', severity: issue.severity, file: opts.path, message: issue.message, range, yamlPath });
        }
      } else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean' && value !== null) {
        scalar.value = String(value);
      }
      out = scalar;
    } else {
      out = nullScalar(opts.path, rangeAt(0, 0));
    }
    if (tag) out.tag = tag;
    converting.delete(node);
    memo.set(node, out);
    return out;
  };

  const root = convert(doc.contents, '');
  if (root.kind !== 'map') {
    return { file, root: null, diagnostics: notCompose(opts.path, 'the top level is not a mapping', diagnostics, root.range) };
  }
  return { file, root, diagnostics };
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

function position(lc: LineCounter, text: string, offset: number) {
  const o = Math.min(Math.max(offset, 0), text.length);
  const p = lc.linePos(o);
  return { line: p.line, column: p.col, offset: o };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
