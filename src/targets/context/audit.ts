// The build-context auditor: finds the context and its ignore file, builds the ContextModel
// (the only place that reads the context from disk) and runs the context rules over it.
// Called by the Dockerfile auditor; its findings count toward the Dockerfile's level.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../engine/types.js';
import { UserError } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import { runRules } from '../../engine/run.js';
import type { DockerfileModel } from '../dockerfile/model.js';
import { buildContextModel } from './build.js';
import { diskFs } from './fs.js';
import type { ContextFile, ContextModel } from './model.js';
import { gitignored, parseGitignore, type GitignoreFile, type GitignoreHit } from './gitignore.js';

function posixRelative(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

/** The ignore file BuildKit uses: `<Dockerfile name>.dockerignore` beside the Dockerfile wins
 *  over `.dockerignore` at the context root. */
export function findIgnoreFile(dockerfileAbsPath: string, contextDir: string): { abs: string; kind: 'dockerfile' | 'context' } | null {
  const own = `${dockerfileAbsPath}.dockerignore`;
  if (isFile(own)) return { abs: own, kind: 'dockerfile' };
  const shared = path.join(contextDir, '.dockerignore');
  if (isFile(shared)) return { abs: shared, kind: 'context' };
  return null;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The repository a context folder belongs to: the nearest folder above it (or itself) holding
 *  `.git`; without one, the working directory when the context is inside it, else the context. */
export function repositoryRoot(contextDir: string, cwd: string): string {
  for (let dir = contextDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const rel = path.relative(cwd, contextDir);
  return rel.startsWith('..') || path.isAbsolute(rel) ? contextDir : cwd;
}

/** A lookup of context paths in the repository's .gitignore files (each file read once). */
function gitignoreLookup(contextDir: string, cwd: string): (contextRel: string) => GitignoreHit | null {
  const root = repositoryRoot(contextDir, cwd);
  const base = path.relative(root, contextDir).split(path.sep).join('/');
  const files = new Map<string, GitignoreFile | null>();
  const fileIn = (dir: string): GitignoreFile | null => {
    let f = files.get(dir);
    if (f !== undefined) return f;
    const abs = path.join(root, ...dir.split('/').filter(Boolean), '.gitignore');
    try {
      f = { dir, path: posixRelative(cwd, abs), rules: parseGitignore(fs.readFileSync(abs, 'utf8')) };
    } catch {
      f = null; // no such file, or unreadable: git would not apply it either
    }
    files.set(dir, f);
    return f;
  };
  return (contextRel) => {
    const rel = base === '' ? contextRel : `${base}/${contextRel}`;
    const segs = rel.split('/');
    const on: GitignoreFile[] = [];
    for (let i = 0; i < segs.length; i++) {
      const f = fileIn(segs.slice(0, i).join('/'));
      if (f) on.push(f);
    }
    return on.length ? gitignored(on, rel) : null;
  };
}

export interface ContextLoadOptions {
  cwd: string;
  contextDir?: string;
  scanSizeLimit?: number;
  /** Per run: context folder → what its files hold (see AuditOptions.contextCache). */
  contextCache?: Map<string, unknown>;
}

/** Reads the build context of a parsed Dockerfile into a ContextModel. */
export function loadContext(model: DockerfileModel, dockerfileAbsPath: string, opts: ContextLoadOptions): ContextModel {
  const contextDir = path.resolve(opts.cwd, opts.contextDir ?? path.dirname(dockerfileAbsPath));
  let st: fs.Stats;
  try {
    st = fs.statSync(contextDir);
  } catch {
    throw new UserError(`build context not found: ${posixRelative(opts.cwd, contextDir)}`, 'give an existing folder with --context');
  }
  if (!st.isDirectory()) {
    throw new UserError(`build context is not a folder: ${posixRelative(opts.cwd, contextDir)}`, 'give a folder with --context');
  }
  const found = findIgnoreFile(dockerfileAbsPath, contextDir);
  let ignore: { path: string; kind: 'dockerfile' | 'context'; text: string } | null = null;
  if (found) {
    let text: string;
    try {
      text = fs.readFileSync(found.abs, 'utf8');
    } catch (err) {
      throw new UserError(`cannot read ${posixRelative(opts.cwd, found.abs)}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
        'Docker cannot read it either: fix its permissions');
    }
    ignore = { path: posixRelative(opts.cwd, found.abs), kind: found.kind, text };
  }
  let scanCache: Map<string, ContextFile> | undefined;
  if (opts.contextCache) {
    const key = `${contextDir}\u0000${opts.scanSizeLimit ?? ''}`;
    scanCache = opts.contextCache.get(key) as Map<string, ContextFile> | undefined;
    if (!scanCache) {
      scanCache = new Map();
      opts.contextCache.set(key, scanCache);
    }
  }
  const input = {
    dockerfile: model,
    dockerfilePath: posixRelative(opts.cwd, dockerfileAbsPath),
    contextPath: posixRelative(opts.cwd, contextDir),
    fs: diskFs(contextDir),
    ignore,
    gitignored: gitignoreLookup(contextDir, opts.cwd),
    ...(opts.scanSizeLimit !== undefined ? { scanSizeLimit: opts.scanSizeLimit } : {}),
    ...(scanCache ? { scanCache } : {}),
  };
  return buildContextModel(input);
}

/** Audits the build context a Dockerfile uses; the findings belong to the Dockerfile's result. */
// eslint-disable-next-line @typescript-eslint/require-await -- a context that cannot be loaded rejects the promise, as callers expect
export async function auditContext(model: DockerfileModel, dockerfileAbsPath: string, opts: AuditOptions): Promise<Finding[]> {
  const contextDir = opts.build?.contextDir ?? opts.contextDir;
  const ctx = loadContext(model, dockerfileAbsPath, {
    cwd: opts.cwd,
    ...(contextDir !== undefined ? { contextDir } : {}),
    ...(opts.contextCache ? { contextCache: opts.contextCache } : {}),
  });
  return runRules('context', ctx, ctx.dockerfilePath, { config: opts.config, rules: opts.rules, today: opts.today });
}
