// Discovery for `tightship lint`: paths in → the projects they belong to, the Dockerfiles and
// compose projects to audit, the files considered and not audited (templates, links, YAML that
// is not compose), the paths that could not be used, and which files a directory search found
// (those are subject to the config's ignore globs). A directory is searched by the project
// discovery (targets/project/discover.ts); then `buildMaps` reads how each project builds its
// images, before any audit. No auditing here.
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { isMissingModule } from '../targets/dockerfile/audit.js';
import { fileSetOf, scanTree, type ProjectTree } from '../targets/project/tree.js';
import type { BuildMap } from '../targets/project/types.js';
import type { Discovery as ProjectDiscovery } from '../targets/project/discover.js';
import type { ResolvedConfig } from '../engine/config-types.js';
import type { KnownFiles } from '../engine/config.js';
import { isCommandFile } from '../targets/run/target.js';
import { dockerfileTarget } from '../targets/dockerfile/target.js';
import { newParseMemo, parseOnce, type ParseMemo } from '../targets/dockerfile/parse-memo.js';
import { commandFileKind } from '../targets/project/command-files.js';
import { daemonTarget } from '../targets/daemon/target.js';
import { profileTarget } from '../targets/profile/target.js';

const YAML_NAME = /\.ya?ml$/i;

/** The error of a searched folder that holds only files that may write command lines: lint drops
 *  it when one of them holds a run line, and words it otherwise. */
export const COMMANDS_ONLY = '\u0000commands';

/** One project: the folder its paths are relative to, its files, and (after buildMaps) its build map. */
export interface Project {
  /** Absolute root folder: a directory given, or for files given directly the nearest folder
   *  holding .git (else the working folder, else the file's folder). */
  root: string;
  tree: ProjectTree;
  /** What a directory search of the root found (absent when only files were named). */
  discovery?: ProjectDiscovery;
  map?: BuildMap;
}

export interface Discovery {
  /** Absolute paths. */
  dockerfiles: string[];
  /** Compose projects: absolute paths, base file first, as `docker compose -f a -f b` reads them. */
  composeGroups: string[][];
  /** Paths that could not be used, with the reason. */
  errors: { path: string; error: string }[];
  /** Files found by searching (subject to the config's ignore globs), as opposed to named. */
  searched: Set<string>;
  /** Files considered and not audited (templates, links to audited files, YAML that is not compose,
   *  compose files included or extended by others), absolute, with the reason. */
  skipped: { path: string; reason: string }[];
  /** Dockerfiles named on the command line (what --context and --target apply to). */
  named: string[];
  projects: Project[];
  /** The project of each Dockerfile and compose file to audit. */
  projectOf: Map<string, Project>;
  /** daemon.json files (by name and content), absolute. */
  daemonConfigs: string[];
  /** Seccomp profiles named on the command line, absolute. */
  profiles: string[];
  /** Files that may write container command lines (scripts, Makefiles, CI, package.json, systemd, Markdown). */
  commandFiles: string[];
  /** The run's parse memo (buildMaps makes it): Dockerfiles the build maps parsed, for their
   *  audits (AuditOptions.parsed). */
  parsed?: ParseMemo;
}

export type ComposeModule = typeof import('../targets/compose/audit.js');

export async function loadCompose(): Promise<ComposeModule | null> {
  try {
    return await import('../targets/compose/audit.js');
  } catch (err) {
    if (isMissingModule(err, 'compose/audit')) return null;
    throw err;
  }
}

/** The root of the project of a file named directly. */
function rootOfFile(abs: string, cwd: string, hasGit?: Map<string, boolean>): string {
  for (let d = path.dirname(abs); ; d = path.dirname(d)) {
    let git = hasGit?.get(d);
    if (git === undefined) {
      git = existsSync(path.join(d, '.git'));
      hasGit?.set(d, git);
    }
    if (git) return d;
    if (path.dirname(d) === d) break;
  }
  const rel = path.relative(cwd, abs);
  return !rel.startsWith('..') && !path.isAbsolute(rel) ? cwd : path.dirname(abs);
}

function within(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** An absolute POSIX path that path.resolve leaves unchanged (no empty, '.' or '..' part, no trailing '/'). */
function isNormalAbsolute(p: string): boolean {
  return p === '/' || (p[0] === '/' && !p.endsWith('/') && !p.endsWith('/.') && !p.endsWith('/..') && !p.includes('//') && !p.includes('/./') && !p.includes('/../'));
}

/** COMPOSE_FILE as `docker compose` reads it: paths relative to the working folder. */
function composeFileVar(env: Record<string, string | undefined>, cwd: string): string[] {
  const v = env.COMPOSE_FILE;
  if (!v) return [];
  const sep = env.COMPOSE_PATH_SEPARATOR || (process.platform === 'win32' ? ';' : ':');
  return v.split(sep).map((p) => p.trim()).filter(Boolean).map((p) => path.resolve(cwd, p));
}

/** A file with no extension is a shell script when its shebang names a shell. */
async function hasShebang(p: string): Promise<boolean> {
  const name = path.basename(p);
  if (name.includes('.') || name === 'LICENSE' || name === 'README') return false;
  let fh;
  try {
    fh = await fs.open(p, 'r');
    const buf = Buffer.alloc(128);
    const { bytesRead } = await fh.read(buf, 0, 128, 0);
    return /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(sh|bash|zsh|dash|ash|ksh)\b/.test(buf.subarray(0, bytesRead).toString('latin1'));
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}

/** A file named on the command line that writes command lines (by name: deploy.sh, Makefile, README.md, ci.yml in .github/workflows). */
function isNamedCommandFile(abs: string): boolean {
  const posix = abs.split(path.sep).join('/');
  const i = posix.lastIndexOf('/.github/');
  const kind = commandFileKind(i >= 0 ? posix.slice(i + 1) : path.basename(abs));
  return kind !== null && kind !== 'maybe-shell';
}

/** Finds the inputs of a lint: named files as given, directories searched as projects (sorted,
 *  .git, node_modules and vendored third-party trees skipped). Compose files named together in one folder, or by
 *  COMPOSE_FILE, are one project, merged in the order given. */
export async function discover(paths: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Discovery> {
  const d: Discovery = { dockerfiles: [], composeGroups: [], errors: [], searched: new Set(), skipped: [], named: [], projects: [], projectOf: new Map(), daemonConfigs: [], profiles: [], commandFiles: [] };
  const explicitCompose: string[] = [];
  const namedFiles: string[] = [];
  const dirs: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      // one synchronous stat per path named (the promise API costs several times more per call)
      st = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      d.errors.push({ path: abs, error: code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code}` });
      continue;
    }
    if (st.isDirectory()) dirs.push(abs);
    else if (YAML_NAME.test(abs) && !/(^|\/)\.github\/workflows\/|(^|\/)(\.gitlab-ci|[^/]+\.gitlab-ci|action)\.ya?ml$/i.test(abs.split(path.sep).join('/'))) explicitCompose.push(abs);
    else namedFiles.push(abs);
  }

  const { templateExtension } = await import('../targets/project/names.js');
  const discoverProject = dirs.length ? (await import('../targets/project/discover.js')).discover : null;
  const hasGit = new Map<string, boolean>(); // folders asked by rootOfFile: whether .git is in them
  // the projects by root (normalised absolute POSIX roots), for projectHolding
  const byRoot = new Map<string, number>();
  let oddRoots = path.sep !== '/';
  const atRoot = new Map<string, Project>(); // every project by its root as given
  const projectAt = (root: string): Project => {
    let p = atRoot.get(root);
    if (!p) {
      p = { root, tree: scanTree(root) };
      atRoot.set(root, p);
      d.projects.push(p);
      if (!isNormalAbsolute(root)) oddRoots = true;
      else if (!byRoot.has(root)) byRoot.set(root, d.projects.length - 1);
    }
    return p;
  };
  /** The first project made whose root holds `abs` (as `within` says): looked up by the path's
   *  folders instead of asking every project (a run naming a thousand files makes hundreds). */
  const projectHolding = (abs: string): Project | undefined => {
    if (oddRoots || !isNormalAbsolute(abs)) return d.projects.find((p) => within(p.root, abs));
    let best = -1;
    for (let dir = abs; ; dir = path.posix.dirname(dir)) {
      const i = byRoot.get(dir);
      // a first part named '..x' is not within, as path.relative words it
      if (i !== undefined && (best < 0 || i < best) && (dir === abs || !abs.startsWith('..', dir === '/' ? 1 : dir.length + 1))) best = i;
      if (dir === '/') break;
    }
    return best < 0 ? undefined : d.projects[best];
  };
  const fromComposeVar = composeFileVar(env, cwd).filter((f) => existsSync(f));
  const taken = new Set<string>(fromComposeVar);

  if (discoverProject) for (const dir of dirs) {
    const project = projectAt(dir);
    const found = (project.discovery ??= discoverProject(project.tree));
    const abs = (rel: string) => path.join(dir, ...rel.split('/'));
    for (const rel of found.dockerfiles) {
      const f = abs(rel);
      d.searched.add(f);
      d.dockerfiles.push(f);
      d.projectOf.set(f, project);
    }
    for (const group of found.composeGroups) {
      const g = group.map(abs).filter((f) => !taken.has(f));
      if (g.length === 0) continue;
      g.forEach((f) => { d.searched.add(f); d.projectOf.set(f, project); });
      d.composeGroups.push(g);
    }
    for (const s of project.tree.unreadable ?? []) d.skipped.push({ path: abs(s.path), reason: s.reason });
    for (const s of project.tree.vendored ?? []) d.skipped.push({ path: abs(s.path), reason: s.reason });
    for (const s of [...found.templates, ...found.notAudited]) {
      // a Dockerfile link that leads out of the project (or nowhere) is audited: its result says which
      if (/^symbolic link that leads outside/.test(s.reason)) {
        const f = abs(s.path);
        d.searched.add(f);
        d.dockerfiles.push(f);
        d.projectOf.set(f, project);
        continue;
      }
      d.skipped.push({ path: abs(s.path), reason: s.reason });
    }
    for (const l of found.composeLinks) {
      if (l.how === 'COMPOSE_FILE') continue;
      const grouped = found.composeGroups.some((g) => g.includes(l.to));
      if (!grouped) d.skipped.push({ path: abs(l.to), reason: `named by ${l.how}: in ${l.from}; ${l.how === 'include' ? 'included files are not merged into that project by this audit' : 'its services are read only where they are extended'}` });
    }
    let commands = 0;
    let daemons = 0;
    for (const rel of project.tree.files) {
      const f = abs(rel);
      if (rel === 'daemon.json' || rel.endsWith('/daemon.json')) {
        if (daemonTarget.detect(f)) { d.daemonConfigs.push(f); d.searched.add(f); daemons++; }
        continue;
      }
      const kind = commandFileKind(rel);
      if ((kind !== null && kind !== 'maybe-shell') || (await hasShebang(f) && isCommandFile(rel, '#!/bin/sh'))) {
        d.commandFiles.push(f);
        d.searched.add(f);
        commands++;
      }
    }
    if (!d.dockerfiles.some((f) => d.projectOf.get(f) === project) && found.composeGroups.length === 0 && daemons === 0) {
      // only files that may hold command lines: lint decides once it knows whether they do
      d.errors.push({ path: dir, error: commands ? COMMANDS_ONLY : 'no Dockerfile or compose file found in this directory' });
    }
  }

  for (const f of namedFiles) {
    if (path.basename(f) === 'daemon.json' || (/\.json$/i.test(f) && daemonTarget.detect(f))) { d.daemonConfigs.push(f); continue; }
    if (/\.json$/i.test(f) && profileTarget.detect(f)) { d.profiles.push(f); continue; }
    if (!dockerfileTarget.detect(path.basename(f)) && isNamedCommandFile(f)) { d.commandFiles.push(f); continue; }
    const project = projectHolding(f) ?? projectAt(rootOfFile(f, cwd, hasGit));
    const ext = templateExtension(path.basename(f));
    if (ext) {
      d.skipped.push({ path: f, reason: `a ${ext} template, not a Dockerfile: it is rendered before it is built` });
      continue;
    }
    d.dockerfiles.push(f);
    d.named.push(f);
    d.projectOf.set(f, project);
  }

  // compose files named together: one project per folder, merged in the order given
  const groups = new Map<string, string[]>();
  if (fromComposeVar.length) groups.set('\u0000COMPOSE_FILE', fromComposeVar);
  for (const f of explicitCompose) {
    if (taken.has(f)) continue;
    const key = path.dirname(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const compose = explicitCompose.length || fromComposeVar.length ? await loadCompose() : null;
  if (!compose && explicitCompose.length) {
    for (const f of explicitCompose) d.errors.push({ path: f, error: 'compose files cannot be audited by this build' });
    groups.clear();
  }
  for (const [key, files] of groups) {
    // a directory search may have grouped these files already: the files named win
    d.composeGroups = d.composeGroups.filter((g) => !g.some((x) => files.includes(x)));
    const project = projectHolding(files[0]) ?? projectAt(key.startsWith('\u0000') ? cwd : rootOfFile(files[0], cwd, hasGit));
    files.forEach((f) => d.projectOf.set(f, project));
    d.composeGroups.push(files);
  }
  d.composeGroups.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  d.dockerfiles = [...new Set(d.dockerfiles)];
  d.commandFiles = [...new Set(d.commandFiles)];
  d.daemonConfigs = [...new Set(d.daemonConfigs)];
  return d;
}

/** What the walks of discovery tell of the folders they listed, for the config lookup (a folder
 *  asked for its four config names is otherwise asked by four stats that find nothing). Only
 *  where names match as the walk saw them (Linux; a case-insensitive disk finds other spellings),
 *  never for a link (the disk says where it leads), a folder the walk could not list, or a tree
 *  cut at its file limit. */
export function knownFiles(projects: readonly Project[], platform: NodeJS.Platform = process.platform): KnownFiles {
  let index: Map<string, { rel: string; tree: ProjectTree; files: ReadonlySet<string> }> | undefined;
  const build = () => {
    const out = new Map<string, { rel: string; tree: ProjectTree; files: ReadonlySet<string> }>();
    for (const { root, tree } of projects) {
      if (tree.truncated || !path.isAbsolute(root)) continue;
      const files = fileSetOf(tree);
      const unlisted = new Set((tree.unreadable ?? []).map((u) => u.path));
      for (const rel of ['.', ...tree.dirs]) {
        if (unlisted.has(rel)) continue;
        const abs = rel === '.' ? path.resolve(root) : path.join(root, ...rel.split('/'));
        if (!out.has(abs)) out.set(abs, { rel, tree, files });
      }
    }
    return out;
  };
  return (dir, name) => {
    if (platform !== 'linux') return undefined;
    index ??= build();
    const at = index.get(dir);
    if (!at) return undefined;
    const rel = at.rel === '.' ? name : `${at.rel}/${name}`;
    if (at.tree.links.has(rel)) return undefined;
    return at.files.has(rel);
  };
}

/** Discovery of `lint -`: the one file standard input stands for. Named (--stdin-filename), it
 *  belongs to the project of that path, so the project's builds give its context; unnamed, it
 *  belongs to no project. */
export function discoverStdin(abs: string, kind: 'dockerfile' | 'compose', named: boolean, cwd: string): Discovery {
  const d: Discovery = { dockerfiles: [], composeGroups: [], errors: [], searched: new Set(), skipped: [], named: [], projects: [], projectOf: new Map(), daemonConfigs: [], profiles: [], commandFiles: [] };
  if (kind === 'compose') d.composeGroups.push([abs]);
  else {
    d.dockerfiles.push(abs);
    d.named.push(abs);
  }
  if (named) {
    const project: Project = { root: rootOfFile(abs, cwd), tree: scanTree(rootOfFile(abs, cwd)) };
    d.projects.push(project);
    d.projectOf.set(abs, project);
  }
  return d;
}

/** Reads how each project builds its images (before any audit), with the `builds:` of the
 *  config that applies at its root. Only the projects a Dockerfile is audited in need one.
 *  deferGuesses: a Dockerfile no build names is left for its audit to guess (BuildMap.unguessed,
 *  from the parse the audit makes anyway) instead of being parsed here. */
export async function buildMaps(found: Discovery, configFor: (dir: string) => Promise<ResolvedConfig>, deferGuesses = false): Promise<void> {
  const dockerfilesOf = new Map<Project, string[]>();
  for (const f of found.dockerfiles) {
    const p = found.projectOf.get(f);
    if (!p) continue;
    const list = dockerfilesOf.get(p);
    if (list) list.push(f);
    else dockerfilesOf.set(p, [f]);
  }
  const parsed = (found.parsed ??= newParseMemo(found.dockerfiles));
  await mapProjects(found, dockerfilesOf, parsed, configFor, deferGuesses);
}

async function mapProjects(found: Discovery, dockerfilesOf: ReadonlyMap<Project, string[]>, parsed: ParseMemo, configFor: (dir: string) => Promise<ResolvedConfig>, deferGuesses: boolean): Promise<void> {
  for (const project of found.projects) {
    const dockerfiles = dockerfilesOf.get(project);
    if (!dockerfiles) continue;
    const config = await configFor(project.root);
    const opts: Parameters<typeof import('../targets/project/build-map.js').buildMap>[2] = {};
    if (project.discovery) opts.discovery = project.discovery;
    if (config.builds?.length && config.source && config.baseDir && within(project.root, config.source)) {
      opts.config = { builds: config.builds, file: path.relative(project.root, config.source).split(path.sep).join('/') };
    }
    if (!project.discovery && !mayDescribeBuilds(project.tree) && !opts.config) {
      project.map = deferGuesses ? { builds: [], notes: [], unguessed: new Set(dockerfiles.map((f) => relativeTo(project.root, f))) } : await guessOnly(project, dockerfiles, parsed);
      continue;
    }
    if (deferGuesses) opts.deferGuesses = true;
    opts.parsed = parsed;
    const { buildMap } = await import('../targets/project/build-map.js');
    project.map = await buildMap(project.root, project.tree, opts);
  }
}

/** A path below root, relative and POSIX (path.relative's answer, without its resolving of both
 *  paths for the usual case of a normalised file below a normalised root). */
function relativeTo(root: string, abs: string): string {
  if (isNormalAbsolute(root) && isNormalAbsolute(abs) && root !== '/' && abs.startsWith(root) && abs[root.length] === '/') return abs.slice(root.length + 1);
  return path.relative(root, abs).split(path.sep).join('/');
}

/** Files the build map reads: compose, bake, workflows, CI, Makefiles, package.json, scripts. */
function mayDescribeBuilds(tree: ProjectTree): boolean {
  return tree.files.some((f) => {
    const name = f.slice(f.lastIndexOf('/') + 1);
    return /\.(?:ya?ml|hcl|json|sh|bash|mk)$/i.test(name) || /^(?:Makefile|GNUmakefile|makefile|Justfile)$/.test(name);
  });
}

/** A project with nothing that describes a build (a folder holding a Dockerfile): each named
 *  Dockerfile gets the guessed context, without loading the map's readers (YAML, HCL). */
async function guessOnly(project: Project, dockerfiles: readonly string[], parsed: ParseMemo): Promise<BuildMap> {
  const { guessedBuild } = await import('../targets/project/guess.js');
  const max = 2 * 1024 * 1024;
  const builds = dockerfiles.map((f) => {
    const rel = relativeTo(project.root, f);
    const text = project.tree.read(rel, max);
    return guessedBuild(rel, () => (text === null ? null : parseOnce(parsed, f, text, { path: rel })), project.tree);
  });
  return { builds, notes: [] };
}
