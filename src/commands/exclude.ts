// --exclude GLOB (repeatable): paths lint leaves out, as .gitignore and ESLint's --ignore-pattern
// read them, relative to the working folder: a pattern without a '/' (but a trailing one) matches
// a name at any depth (`*.generated.Dockerfile`, `vendor`), one with a '/' matches from the working
// folder (`deploy/legacy/**`, `/Dockerfile.old`, or an absolute path into it); a folder matched
// leaves out everything in it.
// Patterns compile to the non-backtracking matcher of engine/glob.ts, so a test costs
// O(path length × pattern length) whatever the pattern.
import * as path from 'node:path';
import { compileGlob, type Glob } from '../engine/glob.js';
import { relativePath } from '../targets/dockerfile/audit.js';
import type { Discovery } from './discover.js';

export interface Excluder {
  /** The pattern that leaves this absolute path out, or null. */
  match(abs: string): string | null;
}

export function compileExcludes(patterns: readonly string[], cwd: string): Excluder | null {
  if (patterns.length === 0) return null;
  const compiled: { source: string; globs: Glob[] }[] = patterns.map((source) => {
    let p = source.trim().split(path.sep).join('/');
    // an absolute path into the working folder is that path; another leading '/' anchors (.gitignore)
    const cwdPosix = cwd.split(path.sep).join('/');
    if (p === cwdPosix) p = '**';
    else if (p.startsWith(`${cwdPosix}/`)) p = `/${p.slice(cwdPosix.length + 1)}`;
    p = p.replace(/^\.\//, '');
    const anchored = p.startsWith('/') || p.replace(/\/+$/, '').includes('/');
    p = p.replace(/^\/+/, '').replace(/\/+$/, '');
    const base = anchored ? p : `**/${p}`;
    // the path itself, or a folder above it
    return { source, globs: [compileGlob(base, 'dockerignore'), compileGlob(`${base}/**`, 'dockerignore')] };
  });
  return {
    match(abs) {
      const rel = relativePath(cwd, abs);
      for (const c of compiled) if (c.globs.some((g) => g.test(rel))) return c.source;
      return null;
    },
  };
}

/** Leaves the excluded files out of what discovery found. A file found by searching a folder goes
 *  silently; a file named on the command line is listed as skipped, with the pattern (it stays in
 *  `named`, so --context and --target keep pairing with the Dockerfiles as named). */
export function applyExcludes(found: Discovery, ex: Excluder): void {
  const keep = (abs: string): boolean => {
    const pattern = ex.match(abs);
    if (pattern === null) return true;
    if (!found.searched.has(abs)) found.skipped.push({ path: abs, reason: `excluded by --exclude ${pattern}` });
    return false;
  };
  found.dockerfiles = found.dockerfiles.filter(keep);
  found.composeGroups = found.composeGroups.map((g) => g.filter(keep)).filter((g) => g.length > 0);
  found.daemonConfigs = found.daemonConfigs.filter(keep);
  found.profiles = found.profiles.filter(keep);
  found.commandFiles = found.commandFiles.filter(keep);
}
