// Merging compose files the way `docker compose -f a.yaml -f b.yaml` does (compose spec, "Merge"):
// mappings merge key by key; sequences append, except that command, entrypoint and
// healthcheck.test are replaced, ports/volumes/secrets/configs are unique by their key, and the
// set-like lists (cap_add, cap_drop, security_opt, …) do not repeat a value; list-or-mapping
// attributes (environment, labels, …) merge by name; `!reset` removes a value, `!override`
// replaces it whole.
import type { YMap, YNode, YScalar, YSeq } from './model.js';
import { str } from './model.js';

const REPLACED = new Set(['command', 'entrypoint']);
const SETS = new Set([
  'cap_add', 'cap_drop', 'security_opt', 'expose', 'external_links', 'device_cgroup_rules', 'dns_opt',
  'group_add', 'links', 'profiles',
]);
/** Attributes written as a list of KEY=VALUE or a mapping: merged by key. */
const LIST_OR_DICT = new Set(['environment', 'labels', 'sysctls', 'annotations', 'extra_hosts', 'args']);
/** Attributes written as a string or a list: a string is a one-item list. */
const STRING_OR_LIST = new Set(['dns', 'dns_search', 'env_file', 'tmpfs', 'label_file']);

/** Merges an override tree onto a base tree; undefined when the override resets the value. */
export function mergeNode(base: YNode | undefined, over: YNode, path: string[]): YNode | undefined {
  if (over.tag === '!reset') return undefined;
  const key = path[path.length - 1] ?? '';
  const inService = path[0] === 'services' && path.length >= 3;
  if (inService) over = normalize(key, over, path);
  if (over.tag === '!override' || base === undefined) return clean(over);
  if (inService) base = normalize(key, base, path);

  if (base.kind === 'map' && over.kind === 'map') {
    const entries = new Map(base.entries);
    for (const [k, v] of over.entries) {
      const merged = mergeNode(entries.get(k), v, [...path, k]);
      if (merged === undefined) entries.delete(k);
      else entries.set(k, merged);
    }
    return { ...over, entries, keyRange: over.keyRange ?? base.keyRange };
  }
  if (base.kind === 'seq' && over.kind === 'seq' && inService) {
    if (REPLACED.has(key) && path.length === 3) return over;
    if (key === 'test' && path[path.length - 2] === 'healthcheck') return over;
    const uniq = uniqueKey(key, path);
    if (uniq) {
      const items = [...base.items];
      for (const item of over.items) {
        const k = uniq(item);
        const at = k === null ? -1 : items.findIndex((b) => uniq(b) === k);
        if (at < 0) {
          items.push(item);
          continue;
        }
        const baseItem = items[at];
        const merged = item.kind === 'map' && baseItem.kind === 'map' ? mergeNode(baseItem, item, [...path, String(at)]) : item;
        // an override's item tagged !reset takes the item of that key out of the list
        if (merged === undefined) items.splice(at, 1);
        else items[at] = merged;
      }
      return { ...over, items };
    }
    if (SETS.has(key) || STRING_OR_LIST.has(key)) {
      const seen = new Set(base.items.map((i) => str(i) ?? JSON.stringify(i.range)));
      const items = [...base.items];
      for (const item of over.items) {
        const s = str(item) ?? JSON.stringify(item.range);
        if (!seen.has(s)) {
          seen.add(s);
          items.push(item);
        }
      }
      return { ...over, items };
    }
    return { ...over, items: [...base.items, ...over.items] };
  }
  if (base.kind === 'seq' && over.kind === 'seq') return { ...over, items: [...base.items, ...over.items] };
  return clean(over);
}

/** Drops `!reset` values inside a tree that is taken as is; the node itself when it holds none
 *  (a copy of the entries is made only from the first change on). */
function clean(node: YNode): YNode {
  if (node.kind !== 'map') return node;
  let entries: Map<string, YNode> | undefined;
  for (const [k, v] of node.entries) {
    const c = v.tag === '!reset' ? undefined : clean(v);
    if (!entries && c === v) continue;
    if (!entries) {
      entries = new Map<string, YNode>();
      for (const [k2, v2] of node.entries) {
        if (k2 === k) break;
        entries.set(k2, v2);
      }
    }
    if (c !== undefined) entries.set(k, c);
  }
  return entries ? { ...node, entries } : node;
}

/** The same attribute in its mapping (LIST_OR_DICT) or list (STRING_OR_LIST) form. */
export function normalize(key: string, node: YNode, path: string[]): YNode {
  if (LIST_OR_DICT.has(key) && node.kind === 'seq' && (key !== 'args' || path[path.length - 2] === 'build')) {
    const entries = new Map<string, YNode>();
    for (const item of node.items) {
      const s = str(item);
      if (s === undefined) continue;
      const sep = key === 'extra_hosts' ? s.search(/[=:]/) : s.indexOf('=');
      const name = sep < 0 ? s : s.slice(0, sep);
      const value: YScalar = {
        kind: 'scalar', file: item.file, range: item.range, keyRange: item.range,
        value: sep < 0 ? null : s.slice(sep + 1),
      };
      const raw = item.kind === 'scalar' ? item.raw : undefined;
      if (raw !== undefined) {
        const rs = raw.indexOf('=');
        value.raw = rs < 0 ? raw : raw.slice(rs + 1);
      }
      entries.set(name, value);
    }
    const out: YMap = { kind: 'map', file: node.file, range: node.range, entries };
    if (node.keyRange) out.keyRange = node.keyRange;
    if (node.tag) out.tag = node.tag;
    return out;
  }
  if (STRING_OR_LIST.has(key) && node.kind === 'scalar' && node.value !== null) {
    const out: YSeq = { kind: 'seq', file: node.file, range: node.range, items: [{ ...node, keyRange: undefined }] };
    if (node.keyRange) out.keyRange = node.keyRange;
    if (node.tag) out.tag = node.tag;
    return out;
  }
  return node;
}

function uniqueKey(key: string, path: string[]): ((n: YNode) => string | null) | null {
  if (path.length !== 3) return null;
  switch (key) {
    case 'volumes':
      return (n) => {
        if (n.kind === 'map') return str(n.entries.get('target')) ?? null;
        const s = str(n);
        if (s === undefined) return null;
        const parts = splitVolume(s);
        return parts.length === 1 ? parts[0] : parts[1] ?? null;
      };
    case 'secrets':
    case 'configs':
      return (n) => {
        if (n.kind === 'map') return str(n.entries.get('target')) ?? str(n.entries.get('source')) ?? null;
        return str(n) ?? null;
      };
    case 'ports':
      return (n) => {
        if (n.kind === 'map') {
          return [str(n.entries.get('host_ip')) ?? '', str(n.entries.get('target')) ?? '', str(n.entries.get('published')) ?? '', str(n.entries.get('protocol')) ?? 'tcp'].join('|');
        }
        return str(n) ?? null;
      };
    default:
      return null;
  }
}

/** Splits a short-syntax volume on ':' while keeping a Windows drive letter (C:\x:/data) whole;
 *  `a:/data` is the volume a. */
export function splitVolume(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const drive = parts.length === 0 && cur.length === 1 && /[A-Za-z]/.test(cur) && /[\\/]/.test(s[i + 1] ?? '') && s.indexOf(':', i + 1) > 0;
    if (c === ':' && !drive) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}
