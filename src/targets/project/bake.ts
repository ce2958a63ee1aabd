// `docker buildx bake` files: docker-bake.hcl (read by HashiCorp's own HCL parser, compiled to
// WebAssembly: @cdktf/hcl2json) and docker-bake.json. Files of one folder merge as bake merges
// them; variables (defaults, and variables that use others) and `${…}` references are resolved;
// `inherits` is applied parents first; targets that exist only to be inherited are not builds.
export const BAKE_FILE_NAMES = ['docker-bake.json', 'docker-bake.override.json', 'docker-bake.hcl', 'docker-bake.override.hcl'] as const;

export interface BakeTarget {
  name: string;
  context: string;
  dockerfile: string;
  dockerfileInline?: string;
  target?: string;
  args: Record<string, string>;
  contexts: Record<string, string>;
  /** The target's `output` entries as written after interpolation (`type=cacheonly`,
   *  `type=local,dest=bin`, a folder), when it sets any. */
  output?: string[];
  /** The file and 1-based line of the target's block (first definition). */
  file: string;
  line: number;
}

export interface BakeResult {
  targets: BakeTarget[];
  notes: { file: string; line: number; message: string }[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Block = Record<string, Json>;

let hclModule: Promise<{ parse(file: string, text: string): Promise<unknown> }> | null = null;

/** The HCL parser, loaded on first use only (its WebAssembly module is 6.5 MB). */
async function hcl(): Promise<{ parse(file: string, text: string): Promise<unknown> }> {
  if (!hclModule) {
    // V8's optimising tier costs more on this WebAssembly module than it saves in a short run and
    // holds the process about a second at exit while it finishes: the baseline tier only
    // (JavaScript is unaffected; a bake project lints 2-3x faster, bench/real-projects/RESULTS.md).
    // Set here, before the module compiles, so that a run with no bake file never loads node:v8.
    const { setFlagsFromString } = await import('node:v8');
    setFlagsFromString('--liftoff-only');
  }
  hclModule ??= import('@cdktf/hcl2json').then((m) => (m as unknown as { default?: typeof m }).default ?? m);
  return hclModule;
}

/** HCL or JSON text → the JSON shape hcl2json gives: `{ target: { name: [block, …] }, … }`. */
async function readBakeFile(file: string, text: string): Promise<Record<string, Json>> {
  if (/\.json$/i.test(file)) {
    const raw = JSON.parse(text) as Record<string, Json>;
    // the JSON format writes one block per name; give it the HCL shape
    const out: Record<string, Json> = {};
    for (const [kind, v] of Object.entries(raw)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const o: Record<string, Json> = {};
        for (const [name, block] of Object.entries(v)) o[name] = [block];
        out[kind] = kind === 'variable' || kind === 'target' || kind === 'group' || kind === 'function' ? o : v;
      }
    }
    return out;
  }
  const parser = await hcl();
  return (await parser.parse(file, text)) as Record<string, Json>;
}

function blocks(root: Record<string, Json>, kind: string): [string, Block][] {
  const m = root[kind];
  if (!m || typeof m !== 'object' || Array.isArray(m)) return [];
  const out: [string, Block][] = [];
  for (const [name, list] of Object.entries(m)) {
    for (const b of Array.isArray(list) ? list : [list]) if (b && typeof b === 'object' && !Array.isArray(b)) out.push([name, b]);
  }
  return out;
}

function lineOf(text: string, kind: string, name: string, json: boolean): number {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = json ? new RegExp(`"${esc}"\\s*:\\s*\\{`) : new RegExp(`^\\s*${kind}\\s+"${esc}"\\s*\\{`, 'm');
  const m = re.exec(text);
  return m ? text.slice(0, m.index + (m[0].length - m[0].trimStart().length)).split('\n').length : 1;
}

/** Resolves `${NAME}` from variables (and `$${` to a literal `${`); leaves other expressions as written. */
function interpolate(s: string, vars: Map<string, string>, unresolved: Set<string>): string {
  return s.replace(/\$\$\{|\$\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}|\$\{[^}]*\}/g, (m, name?: string) => {
    if (m === '$${') return '${';
    const v = name === undefined ? undefined : vars.get(name);
    if (v !== undefined) return v;
    unresolved.add(m);
    return m;
  });
}

function strMap(v: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (x !== null && typeof x !== 'object') out[k] = String(x);
  }
  return out;
}

/** Reads the bake files of one folder (paths relative to the root, in bake's order). */
export async function readBake(files: { path: string; text: string }[]): Promise<BakeResult> {
  const notes: BakeResult['notes'] = [];
  const merged = new Map<string, { block: Block; file: string; line: number }>();
  const groups = new Map<string, string[]>();
  const varDefaults = new Map<string, Json>();
  for (const f of files) {
    let root: Record<string, Json>;
    try {
      root = await readBakeFile(f.path, f.text);
    } catch (err) {
      const msg = ((err as Partial<Error> | null | undefined)?.message ?? String(err)).replace(/^parse config: \[?/, '').replace(/\]$/, '').split('\n')[0];
      const at = /:(\d+),(\d+)/.exec(msg);
      notes.push({ file: f.path, line: at ? Number(at[1]) : 1, message: `bake file does not parse: ${msg}; its targets are left out` });
      continue;
    }
    const json = /\.json$/i.test(f.path);
    for (const [name, b] of blocks(root, 'variable')) if ('default' in b) varDefaults.set(name, b.default);
    for (const [name, b] of blocks(root, 'group')) {
      const t = b.targets;
      if (Array.isArray(t)) groups.set(name, t.filter((x): x is string => typeof x === 'string'));
    }
    for (const [name, b] of blocks(root, 'target')) {
      const prev = merged.get(name);
      if (!prev) merged.set(name, { block: { ...b }, file: f.path, line: lineOf(f.text, 'target', name, json) });
      else {
        for (const [k, v] of Object.entries(b)) {
          const old = prev.block[k];
          prev.block[k] = old && v && typeof old === 'object' && typeof v === 'object' && !Array.isArray(old) && !Array.isArray(v) ? { ...old, ...v } : v;
        }
      }
    }
  }
  // variables: a default may use other variables
  const vars = new Map<string, string>();
  for (let pass = 0; pass < 5; pass++) {
    for (const [name, v] of varDefaults) {
      if (v === null || typeof v === 'object') continue;
      vars.set(name, interpolate(String(v), vars, new Set()));
    }
  }

  const resolved = new Map<string, Block>();
  const resolving = new Set<string>();
  const resolve = (name: string, from: { file: string; line: number }): Block | null => {
    const hit = resolved.get(name);
    if (hit) return hit;
    const t = merged.get(name);
    if (!t) {
      notes.push({ file: from.file, line: from.line, message: `inherits from target "${name}", which is not defined` });
      return null;
    }
    if (resolving.has(name)) {
      notes.push({ file: t.file, line: t.line, message: `target "${name}" inherits from itself (a cycle): that link is ignored` });
      return null;
    }
    resolving.add(name);
    const out: Block = {};
    const parents = Array.isArray(t.block.inherits) ? t.block.inherits : [];
    for (const p of parents) {
      if (typeof p !== 'string') continue;
      const pb = resolve(p, t);
      if (!pb) continue;
      for (const [k, v] of Object.entries(pb)) {
        const old = out[k];
        out[k] = old && v && typeof old === 'object' && typeof v === 'object' && !Array.isArray(old) && !Array.isArray(v) ? { ...old, ...v } : v;
      }
    }
    for (const [k, v] of Object.entries(t.block)) {
      if (k === 'inherits') continue;
      const old = out[k];
      out[k] = old && v && typeof old === 'object' && typeof v === 'object' && !Array.isArray(old) && !Array.isArray(v) ? { ...old, ...v } : v;
    }
    resolving.delete(name);
    resolved.set(name, out);
    return out;
  };

  const inherited = new Set<string>();
  for (const t of merged.values()) for (const p of Array.isArray(t.block.inherits) ? t.block.inherits : []) if (typeof p === 'string') inherited.add(p);
  const grouped = new Set([...groups.values()].flat());
  const targets: BakeTarget[] = [];
  for (const [name, t] of [...merged].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // a target only ever inherited from is a template of settings, not a build
    if (inherited.has(name) && !grouped.has(name)) continue;
    const b = resolve(name, t);
    if (!b) continue;
    const unresolved = new Set<string>();
    const s = (v: Json | undefined): string | undefined => (v === undefined || v === null || typeof v === 'object' ? undefined : interpolate(String(v), vars, unresolved));
    const mapOf = (v: Json | undefined): Record<string, string> => {
      const out: Record<string, string> = {};
      for (const [k, x] of Object.entries(strMap(v))) out[k] = interpolate(x, vars, unresolved);
      return out;
    };
    const bt: BakeTarget = {
      name,
      context: s(b.context) ?? '.',
      dockerfile: s(b.dockerfile) ?? 'Dockerfile',
      args: mapOf(b.args),
      contexts: mapOf(b.contexts),
      file: t.file,
      line: t.line,
    };
    const inline = s(b['dockerfile-inline']);
    if (inline !== undefined) bt.dockerfileInline = inline;
    const stage = s(b.target);
    if (stage !== undefined) bt.target = stage;
    const out = b.output as Json | undefined; // a block has the keys it was written with
    const outputs = Array.isArray(out) ? out : out === undefined ? [] : [out];
    const output = outputs.map((o) => s(o)).filter((o): o is string => o !== undefined);
    if (output.length && output.length === outputs.length) bt.output = output;
    const bad = [bt.context, bt.dockerfile, bt.target ?? ''].filter((x) => /\$\{/.test(x));
    if (bad.length) {
      notes.push({ file: t.file, line: t.line, message: `target "${name}": ${[...unresolved].join(', ')} cannot be resolved without running bake; the target is left out` });
      continue;
    }
    targets.push(bt);
  }
  return { targets, notes };
}
