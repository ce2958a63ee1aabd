// The build map: every way the project builds an image, read before any Dockerfile is audited.
// Sources in order of authority: the config's `builds:`, compose `build:`, bake files, CI
// workflows (build-push-action, and build commands in run steps), then package.json scripts,
// Makefiles and shell scripts. A Dockerfile no build names gets a guessed context. Builds that
// cannot be used (remote contexts, contexts outside the project, files that do not parse)
// become notes; the rest of the map is kept.
import * as path from 'node:path';
import { parseOnce, type ParseMemo } from '../dockerfile/parse-memo.js';
import type { Build, BuildMap, BuildSource, CommandLine, Note, ProjectFile } from './types.js';
import { imagelessOutput, SOURCE_ORDER } from './types.js';
import { commandFileKind, expandMake, findCommandLines, hasShellShebang, makeVariables } from './command-lines.js';
import { isRemote, parseBuildCommand } from './docker-build.js';
import { BAKE_FILE_NAMES, readBake } from './bake.js';
import { discover, type Discovery } from './discover.js';
import { guessedBuild, ignoreFileFor } from './guess.js';
import { dirOf, fileSetOf, joinRel, scanTree, type ProjectTree } from './tree.js';
import { forget, keyValue, readTreeYaml, type ReadYaml, type RNode, type RPair } from './yaml.js';

export interface BuildMapOptions {
  /** The parsed `builds:` value of the project's .tightship.yaml, and that file's path (relative to the root). */
  config?: { builds: unknown; file: string };
  /** Discovery already done (else it is done here). */
  discovery?: Discovery;
  /** The run's parse memo: the Dockerfiles parsed for a guess are kept for their audits. */
  parsed?: ParseMemo;
  /** Leave the guesses to the audits (BuildMap.unguessed) instead of parsing every Dockerfile
   *  no build names now. */
  deferGuesses?: boolean;
}

export interface FullBuildMap extends BuildMap {
  discovery: Discovery;
}

type Draft = Omit<Build, 'ignoreFile'>;

interface Ctx {
  tree: ProjectTree;
  files: ReadonlySet<string>;
  builds: Draft[];
  notes: Note[];
}

const MAX_TEXT = 1024 * 1024;
const HAS_VARIABLE = /\$\{|\$\(|\$[A-Za-z_0-9@*#?]/;

/** Builds the map of the project under `root` (the tree is scanned when not given). */
export async function buildMap(root: string, tree: ProjectTree = scanTree(root), opts: BuildMapOptions = {}): Promise<FullBuildMap> {
  const ctx: Ctx = { tree, files: fileSetOf(tree), builds: [], notes: [] };
  const discovery = opts.discovery ?? discover(tree);
  if (opts.config) fromConfigBuilds(opts.config.builds, opts.config.file, ctx);
  for (const group of discovery.composeGroups) fromCompose(group, ctx);
  await fromBake(ctx);
  fromWorkflowActions(ctx);
  fromCommandLines(ctx);
  let unguessed: Set<string> | undefined;
  if (opts.deferGuesses) {
    const built = new Set(ctx.builds.map((b) => b.dockerfile));
    unguessed = new Set(discovery.dockerfiles.filter((df) => !built.has(df)));
  } else {
    guessRest(discovery, ctx, opts.parsed);
  }
  forget(tree);
  return { ...finish(ctx), discovery, ...(unguessed ? { unguessed } : {}) };
}

// ---------------------------------------------------------------------------------------------
// shared helpers

function note(ctx: Ctx, file: string, line: number, message: string): void {
  ctx.notes.push({ file, line, message });
}

/** Resolves a context written in `file` relative to folder `base`; null (with a note) when unusable. */
function localContext(ctx: Ctx, raw: string, base: string, file: string, line: number, what: string): string | null {
  if (isRemote(raw)) {
    note(ctx, file, line, `${what}: context ${raw} is remote (a URL or git repository): it is not audited from this tree`);
    return null;
  }
  if (raw === '-') {
    note(ctx, file, line, `${what}: the context comes from standard input: it is not audited from this tree`);
    return null;
  }
  if (HAS_VARIABLE.test(raw)) {
    note(ctx, file, line, `${what}: context ${raw} uses a variable this map cannot resolve`);
    return null;
  }
  const rel = joinRel(base, raw);
  if (rel === null) {
    note(ctx, file, line, `${what}: context ${raw} is outside the project: it is not audited`);
    return null;
  }
  if (rel !== '.' && !ctx.tree.dirs.has(rel)) {
    note(ctx, file, line, `${what}: context ${rel} does not exist in the project`);
    return null;
  }
  return rel;
}

function localDockerfile(ctx: Ctx, raw: string, base: string, file: string, line: number, what: string): string | null {
  if (HAS_VARIABLE.test(raw)) {
    note(ctx, file, line, `${what}: Dockerfile ${raw} uses a variable this map cannot resolve`);
    return null;
  }
  const rel = joinRel(base, raw);
  if (rel === null) {
    note(ctx, file, line, `${what}: Dockerfile ${raw} is outside the project: it is not audited`);
    return null;
  }
  if (!ctx.files.has(rel)) {
    note(ctx, file, line, `${what}: Dockerfile ${rel} does not exist in the project`);
    return null;
  }
  return rel;
}

/** Named contexts: local folders become root-relative, other forms stay as written. */
function namedContexts(values: Record<string, string>, base: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (/^(?:docker-image|target|service|oci-layout|input):/.test(v) || isRemote(v)) out[k] = v;
    else out[k] = joinRel(base, v) ?? v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// config: `builds:` in .tightship.yaml

/** JSON Schema of the config's `builds:` key (the engine's config schema holds it). */
export { BUILDS_SCHEMA } from '../../engine/config-schema.js';

/** Reads the parsed `builds:` value of a config file (path relative to the root). */
export function configBuilds(value: unknown, configFile: string, tree: ProjectTree): BuildMap {
  const ctx: Ctx = { tree, files: fileSetOf(tree), builds: [], notes: [] };
  fromConfigBuilds(value, configFile, ctx);
  return { builds: ctx.builds, notes: ctx.notes };
}

function fromConfigBuilds(value: unknown, file: string, ctx: Ctx): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    note(ctx, file, 1, 'builds: must be a list of {dockerfile, context, target, args, contexts}');
    return;
  }
  const base = dirOf(file);
  value.forEach((entry, i) => {
    const what = `builds[${i}]`;
    if (!entry || typeof entry !== 'object' || typeof (entry as { dockerfile?: unknown }).dockerfile !== 'string') {
      note(ctx, file, 1, `${what}: needs at least dockerfile: PATH`);
      return;
    }
    const e = entry as { dockerfile: string; context?: unknown; target?: unknown; args?: unknown; contexts?: unknown };
    const context = localContext(ctx, typeof e.context === 'string' ? e.context : '.', base, file, 1, what);
    const dockerfile = localDockerfile(ctx, e.dockerfile, base, file, 1, what);
    if (context === null || dockerfile === null) return;
    const b: Draft = { dockerfile, context, args: stringMap(e.args), namedContexts: namedContexts(stringMap(e.contexts), base), source: 'config', file, line: 1 };
    if (typeof e.target === 'string') b.target = e.target;
    ctx.builds.push(b);
  });
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (x !== null && typeof x !== 'object') out[k] = String(x);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// compose

interface ComposeBuildDraft {
  context?: string;
  dockerfile?: string;
  inline?: string;
  target?: string;
  args: Record<string, string>;
  contexts: Record<string, string>;
  file: string;
  line: number;
  image?: string;
}

/** A parsed YAML file and the node looked at: lookups see through aliases (the node an alias
 *  names) and `<<` merge keys (compose files share settings with `x-defaults: &d` and `<<: *d`). */
type Y = ReadYaml;
type Node = RNode;

function deref(y: Y, n: Node | null | undefined): Node | undefined {
  if (n === null || n === undefined) return undefined;
  return n.k === 3 ? (y.aliases.get(n) ?? n) : n;
}

function isMap(n: Node | undefined): n is Extract<Node, { k: 1 }> {
  return n?.k === 1;
}

function isSeq(n: Node | undefined): n is Extract<Node, { k: 2 }> {
  return n?.k === 2;
}

function isScalar(n: Node | undefined): n is Extract<Node, { k: 0 }> {
  return n?.k === 0;
}

/** A key of a mapping, looking through `<<` merge keys. */
function yamlGet(y: Y, node: Node | undefined, key: string, depth = 0): Node | undefined {
  if (!isMap(node) || depth > 10) return undefined;
  for (const p of node.pairs) if (pairKey(y, p) === key) return deref(y, p.value);
  for (const p of node.pairs) {
    if (pairKey(y, p) !== '<<') continue;
    const v = deref(y, p.value);
    for (const src of isSeq(v) ? v.items : [v]) {
      const hit = yamlGet(y, deref(y, src), key, depth + 1);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** The value of a scalar key (a key that is an alias: of the scalar it names). */
function pairKey(y: Y, p: RPair): unknown {
  if (p.key?.k === 3) {
    const k = deref(y, p.key);
    return isScalar(k) ? k.value : undefined;
  }
  return keyValue(p);
}

function yamlStr(node: Node | undefined): string | undefined {
  return isScalar(node) ? valueStr(node.value) : undefined;
}

function valueStr(v: unknown): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what is left is a scalar: a string, number, boolean or bigint
  return v !== null && typeof v !== 'object' && typeof v !== 'symbol' ? String(v) : undefined;
}

/** A list of KEY=VALUE or a mapping → a record (compose `args`, `additional_contexts`). */
function listOrMap(y: Y, node: Node | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(node)) {
    for (const p of node.pairs) {
      const k = valueStr(pairKey(y, p));
      if (k === undefined) continue;
      const v = yamlStr(deref(y, p.value));
      out[k] = v ?? `\${${k}}`;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const s = yamlStr(deref(y, item));
      if (s === undefined) continue;
      const eq = s.indexOf('=');
      if (eq < 0) out[s] = `\${${s}}`;
      else out[s.slice(0, eq)] = s.slice(eq + 1);
    }
  }
  return out;
}

/** `${VAR:-default}` / `${VAR-default}` take their default; `$$` is a `$`; other variables stay. */
function composeDefaults(s: string, env: Partial<Record<string, string>>): string {
  return s.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, op?: string, def?: string, b?: string) => {
    if (m === '$$') return '$';
    const name = a ?? b ?? ''; // one of the two has matched: `$$` has returned
    const v = env[name];
    if (v !== undefined && !(op === ':-' && v === '')) return op === '+' || op === ':+' ? (def ?? '') : v;
    if (op === '-' || op === ':-') return def ?? '';
    return m;
  });
}

function readYaml(ctx: Ctx, file: string): { root: Node; y: Y } | null {
  const y = readTreeYaml(ctx.tree, file, 16 * MAX_TEXT);
  if (y === null) {
    note(ctx, file, 1, 'cannot be read: its builds are left out');
    return null;
  }
  if (y.root === undefined) {
    note(ctx, file, y.error?.line ?? 1, `does not parse as YAML (${y.error?.message ?? 'error'}): its builds are left out`);
    return null;
  }
  return y.root ? { root: y.root, y } : null;
}

function lineOfNode(node: Node | undefined, y: Y): number {
  return node ? y.lineOf(node.start) : 1;
}

function fromCompose(group: string[], ctx: Ctx): void {
  const baseDir = dirOf(group[0]);
  const envText = ctx.tree.read(baseDir === '.' ? '.env' : `${baseDir}/.env`, 64 * 1024);
  const env: Record<string, string> = {};
  for (const l of envText?.split('\n') ?? []) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(l);
    if (m) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  const services = new Map<string, ComposeBuildDraft>();
  const serviceNodes = new Map<string, { file: string; node: Node | undefined; y: Y }>();
  for (const file of group) {
    const y = readYaml(ctx, file);
    if (!y) continue;
    const svcs = yamlGet(y.y, y.root, 'services');
    if (!isMap(svcs)) continue;
    for (const p of svcs.pairs) {
      const name = valueStr(pairKey(y.y, p));
      if (name === undefined) continue;
      const node = deref(y.y, p.value);
      serviceNodes.set(name, { file, node, y: y.y });
      const build = yamlGet(y.y, node, 'build');
      const image = yamlStr(yamlGet(y.y, node, 'image'));
      if (!build) {
        const known = image ? services.get(name) : undefined;
        if (image && known) known.image = image;
        continue;
      }
      const prev = services.get(name);
      const d: ComposeBuildDraft = prev ?? { args: {}, contexts: {}, file, line: lineOfNode(build, y.y) };
      if (image) d.image = image;
      if (isScalar(build)) d.context = yamlStr(build);
      else if (isMap(build)) {
        const set = (k: string): string | undefined => yamlStr(yamlGet(y.y, build, k));
        d.context = set('context') ?? d.context;
        d.dockerfile = set('dockerfile') ?? d.dockerfile;
        const inline = set('dockerfile_inline');
        if (inline !== undefined) d.inline = inline;
        d.target = set('target') ?? d.target;
        Object.assign(d.args, listOrMap(y.y, yamlGet(y.y, build, 'args')));
        Object.assign(d.contexts, listOrMap(y.y, yamlGet(y.y, build, 'additional_contexts')));
      }
      services.set(name, d);
    }
  }
  // extends: a service without a build of its own takes the build of the one it extends
  for (const [name, s] of serviceNodes) {
    if (services.has(name)) continue;
    const ext = yamlGet(s.y, s.node, 'extends');
    const parent = yamlStr(ext) ?? yamlStr(yamlGet(s.y, ext, 'service'));
    const extFile = yamlStr(yamlGet(s.y, ext, 'file'));
    if (!parent) continue;
    if (!extFile) {
      const pb = services.get(parent);
      if (pb) services.set(name, { ...pb, args: { ...pb.args }, contexts: { ...pb.contexts }, file: s.file, line: lineOfNode(s.node, s.y) });
      continue;
    }
    const other = joinRel(dirOf(s.file), extFile);
    if (!other || !ctx.files.has(other)) {
      note(ctx, s.file, lineOfNode(ext, s.y), `service ${name} extends ${extFile}, which is not in the project`);
      continue;
    }
    const y = readYaml(ctx, other);
    const build = y ? yamlGet(y.y, yamlGet(y.y, yamlGet(y.y, y.root, 'services'), parent), 'build') : undefined;
    if (!y || !build) continue;
    // paths in the extended file are relative to that file's folder
    const otherDir = dirOf(other);
    const rebase = (p: string | undefined) => (p === undefined ? undefined : joinRel(otherDir, p) ?? p);
    const d: ComposeBuildDraft = { args: {}, contexts: {}, file: other, line: lineOfNode(build, y.y) };
    if (isScalar(build)) d.context = rebase(yamlStr(build));
    else {
      d.context = rebase(yamlStr(yamlGet(y.y, build, 'context')) ?? '.');
      d.dockerfile = yamlStr(yamlGet(y.y, build, 'dockerfile'));
      d.target = yamlStr(yamlGet(y.y, build, 'target'));
      Object.assign(d.args, listOrMap(y.y, yamlGet(y.y, build, 'args')));
      Object.assign(d.contexts, listOrMap(y.y, yamlGet(y.y, build, 'additional_contexts')));
    }
    services.set(name, { ...d, context: d.context && !isRemote(d.context) ? relFromBase(baseDir, d.context) : d.context });
  }
  for (const [name, d] of [...services].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const what = `service ${name}`;
    const rawContext = composeDefaults(d.context ?? '.', env);
    const context = localContext(ctx, rawContext, baseDir, d.file, d.line, what);
    if (context === null) continue;
    let dockerfile: string | null;
    if (d.inline !== undefined) dockerfile = d.file;
    else {
      const df = composeDefaults(d.dockerfile ?? 'Dockerfile', env);
      dockerfile = df.startsWith('/') ? null : localDockerfile(ctx, df, context, d.file, d.line, what);
    }
    if (dockerfile === null) continue;
    const args: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.args)) args[k] = composeDefaults(v, env);
    const b: Draft = {
      dockerfile, context, args, namedContexts: namedContexts(Object.fromEntries(Object.entries(d.contexts).map(([k, v]) => [k, composeDefaults(v, env)])), baseDir),
      source: 'compose', file: d.file, line: d.line, name,
    };
    if (d.target) b.target = composeDefaults(d.target, env);
    if (d.inline !== undefined) b.inline = d.inline;
    ctx.builds.push(b);
  }
}

/** A root-relative path written relative to the compose base folder (for rebased extends paths). */
function relFromBase(baseDir: string, rootRel: string): string {
  if (baseDir === '.') return rootRel;
  const up = baseDir.split('/').map(() => '..').join('/');
  return rootRel === '.' ? up : `${up}/${rootRel}`;
}

// ---------------------------------------------------------------------------------------------
// bake

async function fromBake(ctx: Ctx): Promise<void> {
  const byDir = new Map<string, string[]>();
  for (const f of ctx.tree.files) {
    const name = f.slice(f.lastIndexOf('/') + 1);
    if ((BAKE_FILE_NAMES as readonly string[]).includes(name)) byDir.set(dirOf(f), [...(byDir.get(dirOf(f)) ?? []), f]);
  }
  for (const [dir, list] of [...byDir].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    list.sort((a, b) => BAKE_FILE_NAMES.indexOf(a.slice(a.lastIndexOf('/') + 1) as never) - BAKE_FILE_NAMES.indexOf(b.slice(b.lastIndexOf('/') + 1) as never));
    const files: ProjectFile[] = [];
    for (const f of list) {
      const text = ctx.tree.read(f, MAX_TEXT);
      if (text === null) note(ctx, f, 1, 'bake file cannot be read: its targets are left out');
      else files.push({ path: f, text });
    }
    let res;
    try {
      res = await readBake(files);
    } catch (err) {
      note(ctx, list[0], 1, `bake files cannot be read: ${(err as Partial<Error> | null | undefined)?.message ?? String(err)}`);
      continue;
    }
    ctx.notes.push(...res.notes);
    for (const t of res.targets) {
      const what = `bake target "${t.name}"`;
      const context = localContext(ctx, t.context, dir, t.file, t.line, what);
      if (context === null) continue;
      const dockerfile = t.dockerfileInline !== undefined ? t.file : localDockerfile(ctx, t.dockerfile, context, t.file, t.line, what);
      if (dockerfile === null) continue;
      const b: Draft = { dockerfile, context, args: t.args, namedContexts: namedContexts(t.contexts, dir), source: 'bake', file: t.file, line: t.line, name: t.name };
      if (t.target) b.target = t.target;
      if (t.dockerfileInline !== undefined) b.inline = t.dockerfileInline;
      if (t.output) b.output = t.output;
      ctx.builds.push(b);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions: docker/build-push-action steps

function fromWorkflowActions(ctx: Ctx): void {
  for (const f of ctx.tree.files) {
    if (!/^\.github\/workflows\/[^/]+\.ya?ml$/i.test(f)) continue;
    const y = readYaml(ctx, f);
    if (!y) continue;
    const jobs = yamlGet(y.y, y.root, 'jobs');
    if (!isMap(jobs)) continue;
    for (const j of jobs.pairs) {
      const steps = yamlGet(y.y, deref(y.y, j.value), 'steps');
      if (!isSeq(steps)) continue;
      for (const item of steps.items) {
        const step = deref(y.y, item);
        const uses = yamlStr(yamlGet(y.y, step, 'uses'));
        if (!uses || !/^docker\/build-push-action@/.test(uses)) continue;
        const w = yamlGet(y.y, step, 'with');
        const get = (k: string) => yamlStr(yamlGet(y.y, w, k));
        const line = lineOfNode(step, y.y);
        const what = `build-push-action in job ${valueStr(pairKey(y.y, j))}`;
        const rawCtx = get('context') ?? '.';
        if (/\$\{\{/.test(rawCtx) || /\$\{\{/.test(get('file') ?? '')) {
          note(ctx, f, line, `${what}: context or file is a workflow expression (${/\$\{\{[^}]*\}\}/.exec(rawCtx + (get('file') ?? ''))?.[0]}): not resolved`);
          continue;
        }
        // without `context` the action builds the git checkout: the repository root
        const context = localContext(ctx, rawCtx, '.', f, line, what);
        if (context === null) continue;
        const file = get('file');
        // `file` is relative to the workspace (the repository root), not to the context
        const dockerfile = localDockerfile(ctx, file ?? (context === '.' ? 'Dockerfile' : `${context}/Dockerfile`), '.', f, line, what);
        if (dockerfile === null) continue;
        const b: Draft = { dockerfile, context, args: lines(get('build-args')), namedContexts: namedContexts(lines(get('build-contexts')), '.'), source: 'workflow', file: f, line };
        const target = get('target');
        if (target) b.target = target;
        ctx.builds.push(b);
      }
    }
  }
}

/** The action's list inputs: one KEY=VALUE per line (or comma separated). */
function lines(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of (s ?? '').split(/\n/)) {
    const t = l.trim();
    if (!t) continue;
    const eq = t.indexOf('=');
    if (eq > 0) out[t.slice(0, eq)] = t.slice(eq + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// command lines: workflow run steps, GitLab CI, package.json, Makefiles, shell scripts

function fromCommandLines(ctx: Ctx): void {
  const files: ProjectFile[] = [];
  for (const f of ctx.tree.files) {
    const kind = commandFileKind(f);
    if (kind === null || kind === 'markdown' || kind === 'systemd') continue;
    if (ctx.tree.links.has(f)) continue;
    const text = ctx.tree.read(f, kind === 'maybe-shell' ? 256 * 1024 : MAX_TEXT);
    if (text === null || (kind === 'maybe-shell' && !hasShellShebang(text))) continue;
    if (!/\b(?:build|bud)\b/.test(text)) continue; // most files build nothing: skip the split
    files.push({ path: f, text });
  }
  const found = findCommandLines(files);
  // notes about files that could not be read matter only when they might build something
  const noted = new Set(ctx.notes.map((n) => n.file));
  ctx.notes.push(...found.notes.filter((n) => /does not parse/.test(n.message) && !noted.has(n.file)));
  const makeVars = new Map<string, Record<string, string>>();
  const cds = new Map<string, string>(); // file → folder after the last `cd` seen
  for (const c of found.commands) {
    if (c.name === 'cd' && c.origin === 'shell') trackCd(c, cds);
    const parsed = parseBuildCommand(c.argv);
    if (!parsed) continue;
    const resolved = { ok: true }; // resolveWord sets it
    function resolveWord(w: string): string;
    function resolveWord(w: string | undefined): string | undefined;
    function resolveWord(w: string | undefined): string | undefined {
      if (w === undefined || c.origin !== 'make') return w;
      let vars = makeVars.get(c.file);
      if (!vars) { vars = makeVariables(files.find((f) => f.path === c.file)?.text ?? ''); makeVars.set(c.file, vars); }
      const e = expandMake(w, vars);
      if (e === null) resolved.ok = false;
      return e ?? w;
    }
    const source: BuildSource = c.origin === 'github-actions' || c.origin === 'gitlab-ci' ? 'workflow' : 'script';
    const what = `${c.name} ${c.argv.slice(1).find((w) => w === 'build' || w === 'bud') ?? 'build'} (${c.origin})`;
    if (!parsed.context) {
      note(ctx, c.file, c.line, `${what}: no context argument`);
      continue;
    }
    const rawContext = resolveWord(parsed.context);
    const rawFile = resolveWord(parsed.file);
    if (!resolved.ok) {
      note(ctx, c.file, c.line, `${what}: uses a make variable this map cannot resolve`);
      continue;
    }
    if (rawFile === '-') {
      note(ctx, c.file, c.line, `${what}: the Dockerfile comes from standard input`);
      continue;
    }
    // where the command runs: what the file says (make, CI, package.json), the folder of the
    // last `cd`, else the root (how scripts are mostly run), then the script's own folder
    const cwds = c.cwd !== undefined
      ? [joinRel('.', c.cwd) ?? '.']
      : [...new Set([cds.get(c.file) ?? '.', ...(cds.has(c.file) ? [] : [dirOf(c.file)])])];
    let firstNotes: Note[] | null = null;
    for (const cwd of cwds) {
      const trial: Ctx = { ...ctx, notes: [] };
      const context = localContext(trial, rawContext, cwd, c.file, c.line, what);
      // -f is relative to the working directory; without it, the context's Dockerfile
      const dockerfile = context === null ? null : rawFile !== undefined
        ? localDockerfile(trial, rawFile, cwd, c.file, c.line, what)
        : localDockerfile(trial, context === '.' ? 'Dockerfile' : `${context}/Dockerfile`, '.', c.file, c.line, what);
      if (context === null || dockerfile === null) {
        firstNotes ??= trial.notes;
        continue;
      }
      const args: Record<string, string> = {};
      for (const [k, v] of Object.entries(parsed.args)) args[k] = resolveWord(v);
      const b: Draft = { dockerfile, context, args, namedContexts: namedContexts(parsed.namedContexts, cwd), source, file: c.file, line: c.line };
      if (parsed.target) b.target = resolveWord(parsed.target);
      if (parsed.tags[0]) b.name = resolveWord(parsed.tags[0]);
      ctx.builds.push(b);
      firstNotes = null;
      break;
    }
    if (firstNotes) ctx.notes.push(...firstNotes);
  }
}

/** `cd "$(dirname "$0")"`, `cd "$(dirname "$0")/.."`, `cd docker` in a script: later relative paths start there. */
function trackCd(c: CommandLine, cds: Map<string, string>): void {
  const arg = c.argv.at(1);
  if (arg === undefined) return;
  const m = /^\$\(dirname\s+"?(?:\$0|\$\{BASH_SOURCE(?:\[0\])?\}|\$BASH_SOURCE)"?\)(\/.*)?$/.exec(arg) ?? /^\$\{0%\/\*\}(\/.*)?$/.exec(arg);
  const from = cds.get(c.file) ?? '.';
  if (m) {
    const at = joinRel(dirOf(c.file), `.${m.at(1) ?? ''}`);
    if (at) cds.set(c.file, at);
    return;
  }
  if (!/[$`~]/.test(arg) && !arg.startsWith('/')) {
    const at = joinRel(from, arg);
    if (at) cds.set(c.file, at);
  }
}

// ---------------------------------------------------------------------------------------------
// guesses, ignore files, dedupe

function guessRest(discovery: Discovery, ctx: Ctx, parsed: ParseMemo | undefined): void {
  const built = new Set(ctx.builds.map((b) => b.dockerfile));
  for (const df of discovery.dockerfiles) {
    if (built.has(df)) continue;
    const abs = path.join(ctx.tree.root, ...df.split('/'));
    const text = ctx.tree.read(df, 2 * MAX_TEXT);
    ctx.builds.push(guessedBuild(df, () => (text === null ? null : parseOnce(parsed, abs, text, { path: df })), ctx.tree));
  }
}

function keyOf(b: Draft): string {
  const sorted = (r: Record<string, string>) => JSON.stringify(Object.entries(r).sort());
  return [b.dockerfile, b.context, b.target ?? '', sorted(b.args), sorted(b.namedContexts), b.inline ?? ''].join('\u0000');
}

function finish(ctx: Ctx): BuildMap {
  const rank = (s: BuildSource) => SOURCE_ORDER.indexOf(s);
  const ordered = ctx.builds.map((b, i) => ({ b, i })).sort((x, y) => rank(x.b.source) - rank(y.b.source) || x.i - y.i).map((x) => x.b);
  const byKey = new Map<string, Build>();
  for (const d of ordered) {
    const k = keyOf(d);
    const hit = byKey.get(k);
    if (hit) {
      (hit.alsoIn ??= []).push({ source: d.source, file: d.file, line: d.line });
      // the same build made as an image elsewhere: it does make an image
      if (imagelessOutput(hit.output) !== null && imagelessOutput(d.output) === null) delete hit.output;
      continue;
    }
    const b: Build = { ...d };
    const ignore = d.inline !== undefined ? ignoreFileFor('\u0000', d.context, ctx.files) : ignoreFileFor(d.dockerfile, d.context, ctx.files);
    if (ignore) b.ignoreFile = ignore;
    byKey.set(k, b);
  }
  const builds = [...byKey.values()].sort((a, b) => (a.dockerfile < b.dockerfile ? -1 : a.dockerfile > b.dockerfile ? 1 : rank(a.source) - rank(b.source)));
  const notes = ctx.notes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { builds, notes };
}

// ---------------------------------------------------------------------------------------------
// for the integration

/** How the context of a build was known: what the result's `target.contextSource` says. */
export function contextSource(b: Build): BuildSource {
  return b.source;
}

/** The builds of one Dockerfile. */
export function buildsOf(map: BuildMap, dockerfile: string): Build[] {
  return map.builds.filter((b) => b.dockerfile === dockerfile && b.inline === undefined);
}
