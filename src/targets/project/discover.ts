// Discovery as users name things: Dockerfiles and Containerfiles under their usual names,
// templates of them set aside (with the reason), compose files by name and by content anywhere
// in the tree, grouped as `docker compose` would merge them (base + override, COMPOSE_FILE in the
// project's .env), and a line for every file considered and not audited.
import { dirOf, fileSetOf, joinRel, type ProjectTree } from './tree.js';
import { forget, keyValue, pairOf, readYamlText, remember, type ReadYaml, type RNode } from './yaml.js';

export { TEMPLATE_EXTENSIONS, isDockerfileName, templateExtension } from './names.js';
import { isDockerfileName, templateExtension } from './names.js';

const COMPOSE_NAME = /^(?:(?:docker-)?compose(?:[.-][^/]*)?|[^/]+[.-]compose)\.ya?ml$/i;
export const COMPOSE_BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;
export const COMPOSE_OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'] as const;

export function isComposeName(name: string): boolean {
  return COMPOSE_NAME.test(name);
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface Discovery {
  /** Dockerfiles to audit (a symlink to another listed Dockerfile is not listed twice). */
  dockerfiles: string[];
  /** Compose projects as `docker compose -f a -f b` reads them: base first, overrides in order. */
  composeGroups: string[][];
  /** Files named like Dockerfiles that are templates, not Dockerfiles. */
  templates: Skipped[];
  /** Every other file considered and not audited, with the reason. */
  notAudited: Skipped[];
  /** Compose files named by others: `include:` (own project folder), `extends: file:`, COMPOSE_FILE. */
  composeLinks: { from: string; to: string; how: 'include' | 'extends' | 'COMPOSE_FILE' }[];
}

const MAX_YAML = 1024 * 1024;
const NOT_COMPOSE_YAML = /^\.github\/|(?:^|\/)\.gitlab-ci\.ya?ml$|(?:^|\/)(?:pnpm-lock|\.pre-commit-config|mkdocs|codecov|dependabot|renovate|action|\.golangci|\.goreleaser|Chart|values)\.ya?ml$/i;

interface ComposeFacts {
  services: Map<string, { image: boolean; build: boolean }>;
  includes: string[];
  extendsFiles: string[];
}

/** A top-level `services:` map: its entries, and the files `include:` and `extends:` name. */
export function composeFacts(text: string): ComposeFacts | null {
  return factsOf(readYamlText(text));
}

const isMapNode = (n: RNode | null | undefined): n is Extract<RNode, { k: 1 }> => n?.k === 1;
const stringOf = (n: RNode | null | undefined): string | undefined => (n?.k === 0 && typeof n.value === 'string' ? n.value : undefined);

/** The facts of a parsed file: its nodes as written (aliases and merge keys are not followed). */
function factsOf(read: ReadYaml): ComposeFacts | null {
  const root = read.root;
  if (!isMapNode(root)) return null;
  const services = pairOf(root, 'services')?.value;
  if (!isMapNode(services)) return null;
  const facts: ComposeFacts = { services: new Map(), includes: [], extendsFiles: [] };
  for (const p of services.pairs) {
    const name = keyValue(p);
    if (name === undefined) continue;
    const v = p.value;
    const has = (k: string) => isMapNode(v) && pairOf(v, k) !== undefined;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a key is a YAML scalar: a string, number, boolean or null
    facts.services.set(String(name), { image: has('image'), build: has('build') });
    if (isMapNode(v)) {
      const ext = pairOf(v, 'extends')?.value;
      if (isMapNode(ext)) {
        const file = stringOf(pairOf(ext, 'file')?.value);
        if (file !== undefined) facts.extendsFiles.push(file);
      }
    }
  }
  const inc = pairOf(root, 'include')?.value;
  if (inc?.k === 2) {
    for (const item of inc.items) {
      const s = stringOf(item);
      if (s !== undefined) facts.includes.push(s);
      else if (isMapNode(item)) {
        const p = pairOf(item, 'path')?.value;
        const one = stringOf(p);
        if (one !== undefined) facts.includes.push(one);
        else if (p?.k === 2) for (const x of p.items) { const xs = stringOf(x); if (xs !== undefined) facts.includes.push(xs); }
      }
    }
  }
  return facts;
}

function dotEnvValue(text: string | null, name: string): string | undefined {
  if (!text) return undefined;
  for (const line of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && m[1] === name) return m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return undefined;
}

/** Discovers what to audit in a tree. */
export function discover(tree: ProjectTree): Discovery {
  const d: Discovery = { dockerfiles: [], composeGroups: [], templates: [], notAudited: [], composeLinks: [] };
  const fileSet = fileSetOf(tree);
  const dockerfiles: string[] = [];
  const composeFiles = new Map<string, ComposeFacts>();
  for (const rel of tree.files) {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (isDockerfileName(name)) {
      const ext = templateExtension(name);
      if (ext) {
        d.templates.push({ path: rel, reason: `a ${ext} template, not a Dockerfile: it is rendered before it is built` });
        continue;
      }
      dockerfiles.push(rel);
      continue;
    }
    if (!/\.ya?ml$/i.test(name)) continue;
    const byName = isComposeName(name);
    if (!byName && NOT_COMPOSE_YAML.test(rel)) continue;
    const text = tree.read(rel, MAX_YAML);
    if (text === null) {
      if (byName) d.notAudited.push({ path: rel, reason: 'named like a compose file but cannot be read (too large or not UTF-8)' });
      continue;
    }
    if (!byName && !/^services\s*:/m.test(text)) continue;
    const read = readYamlText(text);
    const facts = factsOf(read);
    const looksCompose = facts !== null && [...facts.services.values()].some((s) => s.image || s.build);
    if (facts && (looksCompose || (byName && facts.services.size > 0))) {
      composeFiles.set(rel, facts);
      remember(tree, rel, MAX_YAML, read, text.length); // the build map reads the compose files again
    }
    else if (byName) d.notAudited.push({ path: rel, reason: facts === null ? 'named like a compose file but has no top-level services: map (or does not parse)' : 'named like a compose file but no service has image: or build:' });
  }

  // a symlink to a Dockerfile that is listed too: audited once, at its target
  for (const rel of dockerfiles) {
    if (tree.links.has(rel)) {
      const to = tree.links.get(rel);
      if (to && fileSet.has(to) && dockerfiles.includes(to)) {
        d.notAudited.push({ path: rel, reason: `symbolic link to ${to}, audited there` });
        continue;
      }
      if (to === null) {
        d.notAudited.push({ path: rel, reason: 'symbolic link that leads outside the project or nowhere' });
        continue;
      }
    }
    d.dockerfiles.push(rel);
  }

  // compose groups
  const grouped = new Set<string>();
  const byDir = new Map<string, string[]>();
  for (const f of composeFiles.keys()) {
    const dir = dirOf(f);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  const inDir = (dir: string, n: string) => (dir === '.' ? n : `${dir}/${n}`);
  for (const [dir, list] of [...byDir].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const env = tree.read(inDir(dir, '.env'), 64 * 1024);
    const composeFileVar = dotEnvValue(env, 'COMPOSE_FILE');
    if (composeFileVar) {
      const sep = dotEnvValue(env, 'COMPOSE_PATH_SEPARATOR') ?? ':';
      const named = composeFileVar.split(sep).map((p) => joinRel(dir, p.trim())).filter((p): p is string => p !== null && composeFiles.has(p));
      if (named.length) {
        d.composeGroups.push(named);
        named.forEach((n) => grouped.add(n));
        for (const n of named.slice(1)) d.composeLinks.push({ from: inDir(dir, '.env'), to: n, how: 'COMPOSE_FILE' });
      }
    }
    const base = COMPOSE_BASE_NAMES.map((n) => inDir(dir, n)).find((p) => composeFiles.has(p) && !grouped.has(p));
    if (base) {
      const group = [base];
      const over = COMPOSE_OVERRIDE_NAMES.map((n) => inDir(dir, n)).find((p) => composeFiles.has(p));
      if (over) group.push(over);
      // other files beside the base whose services all extend the base's (compose.prod.yaml with
      // only the changes): overrides given with -f; files with their own services stand alone
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- base was found with composeFiles.has
      const baseServices = composeFiles.get(base)!.services;
      for (const f of list.sort()) {
        if (group.includes(f) || grouped.has(f)) continue;
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- list holds keys of composeFiles
        const facts = composeFiles.get(f)!;
        const partial = [...facts.services].every(([n, s]) => baseServices.has(n) && !s.image && !baseServicesMissing(baseServices, n));
        if (facts.services.size && partial) group.push(f);
      }
      group.forEach((g) => grouped.add(g));
      d.composeGroups.push(group);
    }
    for (const f of list.sort()) {
      if (grouped.has(f)) continue;
      grouped.add(f);
      d.composeGroups.push([f]);
    }
  }
  for (const [f, facts] of composeFiles) {
    for (const inc of facts.includes) {
      const to = joinRel(dirOf(f), inc);
      if (to) d.composeLinks.push({ from: f, to, how: 'include' });
    }
    for (const ext of facts.extendsFiles) {
      const to = joinRel(dirOf(f), ext);
      if (to) d.composeLinks.push({ from: f, to, how: 'extends' });
    }
  }
  // a file only ever included by another project is still its own project (compose reads it from
  // its own folder); a file only ever extended from is a library of services: not a project
  const extendedOnly = new Set(d.composeLinks.filter((l) => l.how === 'extends').map((l) => l.to));
  for (const g of d.composeGroups) {
    if (g.length === 1 && extendedOnly.has(g[0]) && !isComposeName(g[0].slice(g[0].lastIndexOf('/') + 1))) {
      d.notAudited.push({ path: g[0], reason: 'services extended by another compose file, audited there' });
    }
  }
  d.composeGroups = d.composeGroups.filter((g) => !(g.length === 1 && d.notAudited.some((n) => n.path === g[0])));
  d.composeLinks.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  if (d.dockerfiles.length === 0) forget(tree); // no build map of this tree will read them
  return d;
}

function baseServicesMissing(base: Map<string, { image: boolean; build: boolean }>, name: string): boolean {
  return !base.has(name);
}
