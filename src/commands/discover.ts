// Discovery for `tightship lint`: paths in → the Dockerfiles and compose projects to audit, the
// paths that could not be used, and which files a directory search found (those are subject to
// the config's ignore globs). No auditing here.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMissingModule } from '../targets/dockerfile/audit.js';
import { dockerfileTarget } from '../targets/dockerfile/target.js';
import { isCommandFile } from '../targets/run/target.js';
import { commandFileKind } from '../targets/project/command-files.js';
import { daemonTarget } from '../targets/daemon/target.js';
import { profileTarget } from '../targets/profile/target.js';

/** Skipped while searching directories. */
const SKIP_DIRS = new Set(['.git', 'node_modules']);

const YAML_NAME = /\.ya?ml$/i;

/** The error of a searched folder that holds only files that may write command lines: lint drops
 *  it when one of them holds a run line, and words it otherwise. */
export const COMMANDS_ONLY = '\u0000commands';

export interface Discovery {
  dockerfiles: string[];
  /** Compose projects: absolute paths, base file first. */
  composeGroups: string[][];
  /** Docker daemon configurations (daemon.json by name and content). */
  daemonConfigs: string[];
  /** Seccomp profiles named on the command line. */
  profiles: string[];
  /** Paths that could not be used, with the reason. */
  errors: { path: string; error: string }[];
  /** Files found by searching (subject to the config's ignore globs), as opposed to named. */
  searched: Set<string>;
  /** Files that may write container command lines (scripts, Makefiles, CI, package.json, systemd, Markdown). */
  commandFiles: string[];
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

interface Found { dockerfiles: string[]; yaml: string[]; commandFiles: string[]; daemon: string[] }

async function walk(dir: string, found: Found, root: string): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable folder below the named one is skipped, like git does
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(p, found, root);
    } else if (e.isFile() || e.isSymbolicLink()) {
      if (dockerfileTarget.detect(e.name)) { found.dockerfiles.push(p); continue; }
      if (YAML_NAME.test(e.name)) found.yaml.push(p);
      else if (e.name === 'daemon.json' && daemonTarget.detect(p)) { found.daemon.push(p); continue; }
      const rel = path.relative(root, p).split(path.sep).join('/');
      const kind = commandFileKind(rel);
      if (kind !== null && kind !== 'maybe-shell') found.commandFiles.push(p);
      else if (await hasShebang(p) && isCommandFile(rel, '#!/bin/sh')) found.commandFiles.push(p);
    }
  }
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

/** Finds the inputs of a lint: named files as given, directories searched recursively (sorted,
 *  .git and node_modules skipped). Dockerfiles and compose files are recognised by their
 *  targets' detect(); compose files are grouped into projects as `docker compose` reads them. */
export async function discover(paths: readonly string[], cwd: string): Promise<Discovery> {
  const d: Discovery = { dockerfiles: [], composeGroups: [], daemonConfigs: [], profiles: [], errors: [], searched: new Set(), commandFiles: [] };
  const explicitCompose: string[] = [];
  const searchedYaml: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = await fs.stat(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      d.errors.push({ path: abs, error: code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code}` });
      continue;
    }
    if (st.isDirectory()) {
      const found: Found = { dockerfiles: [], yaml: [], commandFiles: [], daemon: [] };
      await walk(abs, found, abs);
      found.commandFiles.forEach((f) => d.searched.add(f));
      d.commandFiles.push(...found.commandFiles);
      found.dockerfiles.forEach((f) => d.searched.add(f));
      found.yaml.forEach((f) => d.searched.add(f));
      found.daemon.forEach((f) => d.searched.add(f));
      d.dockerfiles.push(...found.dockerfiles);
      d.daemonConfigs.push(...found.daemon);
      searchedYaml.push(...found.yaml);
      if (found.dockerfiles.length === 0 && found.yaml.length === 0 && found.commandFiles.length === 0 && found.daemon.length === 0) {
        d.errors.push({ path: abs, error: 'no Dockerfile or compose file found in this directory' });
      } else if (found.dockerfiles.length === 0 && found.yaml.length === 0 && found.daemon.length === 0) {
        // only files that may hold command lines: lint decides once it knows whether they do
        d.errors.push({ path: abs, error: COMMANDS_ONLY });
      } else if (found.dockerfiles.length === 0 && found.daemon.length === 0) {
        // only YAML: decided below once we know which are compose files
        d.errors.push({ path: abs, error: '\u0000pending' });
      }
    } else if (YAML_NAME.test(abs) && !/(^|\/)\.github\/workflows\/|(^|\/)(\.gitlab-ci|[^/]+\.gitlab-ci|action)\.ya?ml$/i.test(abs.split(path.sep).join('/'))) {
      explicitCompose.push(abs);
    } else if (path.basename(abs) === 'daemon.json' || (/\.json$/i.test(abs) && daemonTarget.detect(abs))) {
      d.daemonConfigs.push(abs);
    } else if (/\.json$/i.test(abs) && profileTarget.detect(abs)) {
      d.profiles.push(abs);
    } else if (!dockerfileTarget.detect(path.basename(abs)) && isNamedCommandFile(abs)) {
      d.commandFiles.push(abs);
    } else {
      d.dockerfiles.push(abs);
    }
  }
  let compose: ComposeModule | null = null;
  if (explicitCompose.length || searchedYaml.length) compose = await loadCompose();
  const groups = new Map<string, string[]>();
  for (const f of explicitCompose) {
    const key = path.dirname(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  if (compose) {
    for (const dir of [...new Set(searchedYaml.filter((f) => compose!.isComposeFile(f)).map((f) => path.dirname(f)))]) {
      if (groups.has(dir)) continue;
      const files = compose.composeProjectFiles(dir);
      if (files.length) groups.set(dir, files);
    }
  } else if (explicitCompose.length) {
    for (const f of explicitCompose) d.errors.push({ path: f, error: 'compose files cannot be audited by this build' });
    groups.clear();
  }
  d.composeGroups = [...groups.keys()].sort().map((k) => groups.get(k)!);
  // directories that held only YAML: an error unless a compose project was found under them
  d.errors = d.errors.filter((e) => {
    if (e.error !== '\u0000pending') return true;
    const found = d.composeGroups.some((g) => g.some((f) => f.startsWith(e.path + path.sep)));
    if (!found && d.commandFiles.some((f) => f.startsWith(e.path + path.sep))) { e.error = COMMANDS_ONLY; return true; }
    if (!found) e.error = 'no Dockerfile or compose file found in this directory';
    return !found;
  });
  d.dockerfiles = [...new Set(d.dockerfiles)];
  d.daemonConfigs = [...new Set(d.daemonConfigs)];
  d.profiles = [...new Set(d.profiles)];
  return d;
}

