// JSON text → a located tree: every value with its range and every object key with its own, so
// rules can point at the key a finding is about. The `yaml` parser reads JSON (YAML is a superset)
// with ranges; duplicate keys and syntax errors become problems, never exceptions.
import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
import type { SourceRange } from '../../engine/types.js';

export type JNode =
  | { kind: 'object'; range: SourceRange; entries: JEntry[] }
  | { kind: 'array'; range: SourceRange; items: JNode[] }
  | { kind: 'string'; range: SourceRange; value: string }
  | { kind: 'number'; range: SourceRange; value: number }
  | { kind: 'boolean'; range: SourceRange; value: boolean }
  | { kind: 'null'; range: SourceRange; value: null };

export interface JEntry {
  key: string;
  keyRange: SourceRange;
  value: JNode;
}

export interface JsonProblem {
  message: string;
  range: SourceRange;
}

export interface ParsedJson {
  root: JNode | null;
  problems: JsonProblem[];
}

/** Files larger than this are not parsed: daemon.json and profiles are a few kilobytes. */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

export function parseLocatedJson(text: string): ParsedJson {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const pos = (offset: number) => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1, offset: o };
  };
  const range = (r: readonly number[] | undefined | null): SourceRange => {
    const s = r?.[0] ?? 0;
    return { start: pos(s), end: pos(Math.max(s, r?.[1] ?? s)) };
  };
  const problems: JsonProblem[] = [];
  if (text.length > MAX_JSON_BYTES) return { root: null, problems: [{ message: `file is larger than ${MAX_JSON_BYTES / 1048576} MB`, range: range([0, 0]) }] };
  if (text.trim() === '') return { root: null, problems: [{ message: 'the file is empty', range: range([0, 0]) }] };
  const trimmed = text.trimStart();
  if (trimmed[0] !== '{' && trimmed[0] !== '[') {
    const at = text.length - trimmed.length;
    return { root: null, problems: [{ message: 'not JSON: expected `{`', range: range([at, at + 1]) }] };
  }
  // JSON.parse decides validity (the yaml reader accepts more than JSON: trailing commas,
  // missing commas); the yaml reader gives the ranges
  try {
    JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const offset = errorOffset(text, msg);
    return { root: null, problems: [{ message: `invalid JSON: ${msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/, (\.\.\.)?".*" is not valid JSON$/s, '').replace(/ \(line \d+ column \d+\)$/, '')}`, range: range([offset, offset + 1]) }] };
  }
  const { isMap, isPair, isScalar, isSeq, parseDocument } = yamlLibrary();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  for (const e of doc.errors) problems.push({ message: `JSON: ${e.message.split('\n')[0]}`, range: range(e.pos) });
  if (problems.length) return { root: null, problems };
  const convert = (n: unknown): JNode => {
    const node = n as YamlNode | null;
    if (isMap(node)) {
      const entries: JEntry[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const k = item.key as YamlNode | null;
        const key = isScalar(k) ? String(k.value) : '';
        entries.push({ key, keyRange: range(k?.range), value: convert(item.value) });
      }
      return { kind: 'object', range: range(node.range), entries };
    }
    if (isSeq(node)) return { kind: 'array', range: range(node.range), items: node.items.map(convert) };
    if (isScalar(node)) {
      const v = node.value;
      const r = range(node.range);
      if (typeof v === 'string') return { kind: 'string', range: r, value: v };
      if (typeof v === 'number') return { kind: 'number', range: r, value: v };
      if (typeof v === 'boolean') return { kind: 'boolean', range: r, value: v };
      if (v === null) return { kind: 'null', range: r, value: null };
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any other scalar the parser makes (a bigint) as its text
      return { kind: 'string', range: r, value: String(v) };
    }
    return { kind: 'null', range: range((node as { range?: number[] } | null)?.range), value: null };
  };
  return { root: convert(doc.contents), problems };
}

/** Where JSON.parse stopped: its message names the position, or quotes the text around the
 *  unexpected token (V8: `Unexpected token '}', ..."ls": [ }" is not valid JSON`). */
function errorOffset(text: string, message: string): number {
  const at = /position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const q = /Unexpected token '(.)', (?:\.\.\.)?"(.*?)"(?:\.\.\.)? is not valid JSON/s.exec(message);
  if (q) {
    const i = text.indexOf(q[2]);
    if (i >= 0) return i + q[2].lastIndexOf(q[1]);
  }
  return 0;
}

/** The entry of `key` in an object node (the last one: JSON readers keep the last). */
export function entry(node: JNode | null | undefined, key: string): JEntry | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i];
  return undefined;
}

/** The plain value of a node (objects and arrays converted recursively). */
export function plain(node: JNode | null | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object': return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
    case 'array': return node.items.map(plain);
    default: return node.value;
  }
}

let yamlModule: typeof import('yaml') | undefined;
/** The `yaml` library, loaded on the first file read (the seccomp helpers the profile rules
 *  import live beside this reader; a run that reads no JSON file does not pay for the library). */
function yamlLibrary(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}
