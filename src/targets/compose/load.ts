// Builds the ComposeModel of a project: parse each file, validate it against the compose-spec
// schema, merge the files in order, build the typed services. `assembleCompose` is pure (texts in,
// model out); `readComposeProject` does the file I/O (compose files, `.env`, env_file files).
import { existsSync, lstatSync } from 'node:fs';
import * as path from 'node:path';
import type { ComposeFile, ComposeModel, ComposeService, Diagnostic, EnvFileEntry, YMap, YNode } from './model.js';
import { parseComposeText } from './parse.js';
import { validateCompose } from './schema.js';
import { mergeNode } from './merge.js';
import { buildService } from './services.js';
import { parseDotEnv } from './interpolate.js';
import { readRegularFileSync } from './read-file.js';

const TOP_LEVEL = new Set(['services', 'include', 'version', 'name', 'networks', 'volumes', 'secrets', 'configs', 'models']);

export interface ComposeSource {
  /** Relative POSIX path used in findings. */
  path: string;
  text: string;
}

export interface AssembleOptions {
  /** Variables for interpolation. */
  env: Record<string, string>;
  /** false to skip schema validation (rule tests of one snippet keep it on). */
  validate?: boolean;
}

/** Texts of one project (base first, overrides in merge order) → the merged model. */
export function assembleCompose(sources: ComposeSource[], opts: AssembleOptions): ComposeModel {
  const files: ComposeFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const roots: YMap[] = [];
  sources.forEach((src, index) => {
    const parsed = parseComposeText(src.text, { path: src.path, env: opts.env });
    files.push(parsed.file);
    diagnostics.push(...parsed.diagnostics);
    const root = parsed.root;
    if (!root) return;
    const keys = [...root.entries.keys()];
    if (index === 0 && !keys.some((k) => TOP_LEVEL.has(k))) {
      diagnostics.push({
        kind: 'not-compose', severity: 'error', file: src.path,
        message: `not a compose file: no "services" (top-level keys: ${keys.slice(0, 5).join(', ') || 'none'})`,
        range: root.entries.values().next().value?.keyRange ?? root.range,
      });
      return;
    }
    if (opts.validate !== false) diagnostics.push(...validateCompose(root, src.path, parsed.schemaPlain));
    roots.push(root);
  });

  const merged = new Map<string, { node: YMap; file: string; keyRange: YNode['range'] }>();
  for (const root of roots) {
    const services = root.entries.get('services');
    if (!services || services.kind !== 'map') continue;
    for (const [name, svc] of services.entries) {
      const prev = merged.get(name);
      if (svc.kind !== 'map') {
        if (svc.kind === 'scalar' && svc.value === null && !prev) {
          // `api:` with nothing under it: an empty service (the schema reports it)
          merged.set(name, { node: { kind: 'map', file: svc.file, range: svc.range, keyRange: svc.keyRange, entries: new Map() }, file: svc.file, keyRange: svc.keyRange ?? svc.range });
        }
        continue;
      }
      const node = mergeNode(prev?.node, svc, ['services', name]);
      if (!node) {
        merged.delete(name);
        continue;
      }
      if (node.kind !== 'map') continue;
      merged.set(name, { node, file: prev?.file ?? svc.file, keyRange: prev?.keyRange ?? svc.keyRange ?? svc.range });
    }
  }
  const services: ComposeService[] = [];
  for (const [name, m] of [...merged].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    services.push(buildService(name, m.node, m.file, m.keyRange));
  }
  return { path: sources[0]?.path ?? '', files, services, diagnostics };
}

/** The path of `abs` relative to `cwd`, POSIX separators; the file's name when it is the cwd. */
export function relPosix(cwd: string, abs: string): string {
  // a normalised path under a normalised absolute cwd (what the callers hand over): its tail, as
  // path.relative gives it, without resolving both paths again for every file
  if (path.sep === '/' && abs.length > cwd.length + 1 && abs.charCodeAt(cwd.length) === 47 && abs.startsWith(cwd)
    && cwd.charCodeAt(0) === 47 && !NOT_NORMAL.test(cwd) && !NOT_NORMAL.test(abs)) return abs.slice(cwd.length + 1);
  const rel = path.relative(cwd, abs) || path.basename(abs);
  return rel.split(path.sep).join('/');
}

/** A path path.normalize would change: an empty, `.` or `..` part, or a trailing `/`. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

const MAX_ENV_FILE_BYTES = 1024 * 1024;

/** The `.env` beside the base file, as compose reads it; {} when there is none. A `.env` that is
 *  not a regular file (a FIFO, a device), too large or not UTF-8 gives a diagnostic through
 *  `problem` and is not used. */
export function readDotEnv(dir: string, problem?: (message: string) => void): Record<string, string> {
  // most projects have no .env: ask without an exception (one per file is measurable)
  const file = path.join(dir, '.env');
  if (!lstatSync(file, { throwIfNoEntry: false })) return {};
  const r = readRegularFileSync(file, MAX_ENV_FILE_BYTES);
  if ('error' in r) {
    if (r.code !== 'ENOENT') problem?.(`.env ${r.error}`);
    return {};
  }
  const env: Record<string, string> = {};
  for (const e of parseDotEnv(r.data.toString('utf8'))) env[e.name] = e.value;
  return env;
}

/** Reads the env_file files the services name (relative to the base file's folder, as compose does).
 *  The reads are synchronous (env files are small); the promise is kept for the callers. */
export function readEnvFiles(model: ComposeModel, baseDir: string, cwd: string): Promise<void> {
  const cache = new Map<string, EnvFileEntry[] | null>();
  for (const svc of model.services) {
    for (const ref of svc.envFiles) {
      const abs = path.resolve(baseDir, ref.path);
      if (!cache.has(abs)) {
        let entries: EnvFileEntry[] | null = null;
        const r = readRegularFileSync(abs, MAX_ENV_FILE_BYTES);
        try {
          if ('data' in r) {
            const rel = relPosix(cwd, abs);
            entries = parseDotEnv(r.data.toString('utf8')).map((e) => ({
              name: e.name, value: e.value, file: rel,
              range: {
                start: { line: e.line, column: e.column, offset: 0 },
                end: { line: e.line, column: e.column + e.name.length, offset: 0 },
              },
            }));
          }
        } catch { /* reported below when required */ }
        cache.set(abs, entries);
      }
      ref.entries = cache.get(abs) ?? null;
      if (ref.entries === null && ref.required) {
        model.diagnostics.push({
          kind: 'env-file', severity: 'error', file: ref.node.file,
          message: `env_file "${ref.path}" of service ${svc.name} cannot be read: docker compose would fail`,
          range: ref.node.range, yamlPath: `services.${svc.name}.env_file`,
        });
      }
    }
  }
  return Promise.resolve();
}

/** Where a service's Dockerfile is (absolute), or null for remote and inline builds. */
export function dockerfileOf(svc: ComposeService, baseDir: string): { dockerfile: string; context: string } | null {
  const b = svc.build;
  if (!b || b.inline) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(b.context) || b.context.startsWith('git@')) return null; // remote context
  const context = path.resolve(baseDir, b.context);
  return { context, dockerfile: path.resolve(context, b.dockerfile) };
}

/** Reports services whose Dockerfile does not exist. */
export function checkBuildFiles(model: ComposeModel, baseDir: string, cwd: string): void {
  for (const svc of model.services) {
    const where = dockerfileOf(svc, baseDir);
    const b = svc.build;
    if (!b || !where || existsSync(where.dockerfile)) continue;
    model.diagnostics.push({
      kind: 'build', severity: 'error', file: b.node.file,
      message: `service ${svc.name} builds from ${relPosix(cwd, where.dockerfile)}, which does not exist: docker compose build would fail`,
      range: b.node.keyRange ?? b.node.range, yamlPath: `services.${svc.name}.build`,
    });
  }
}
