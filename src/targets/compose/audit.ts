// The compose auditor: read the project's files (base + overrides, merged as `docker compose`
// merges them) → model → compose rules → inline ignores → one result per service, plus a
// file-level result for problems of the file itself (YAML, schema, interpolation). A service
// that builds its image gets its Dockerfile audited too, and the image's USER and HEALTHCHECK
// count in the service's posture.
import { existsSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TargetResult } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import type { ComposeModel, ComposeService, ImageFacts } from './model.js';
import { readRegularFileSync } from './read-file.js';
import { rangeOf } from './model.js';
import { assembleCompose, checkBuildFiles, dockerfileOf, readDotEnv, readEnvFiles, relPosix, type ComposeSource } from './load.js';
import { audit, type ResultPart } from '../../engine/pipeline.js';
import type { LoadError } from '../../engine/target.js';
import { catalogueOf } from '../dockerfile/audit.js';
import { composeComments, COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_NAMES, isComposeFile } from './target.js';
import type { DockerfileModel } from '../dockerfile/model.js';
import { newParseMemo, release, type ParseMemo } from '../dockerfile/parse-memo.js';

export { COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_NAMES, isComposeFile };

/** Rules whose findings are about the file, not a service. */
export const FILE_LEVEL_RULES = new Set(['compose/invalid-yaml', 'compose/schema-violation', 'compose/interpolation', 'compose/not-compose']);

const MAX_COMPOSE_FILE_BYTES = 16 * 1024 * 1024; // read limit; the parser itself stops at 4 MB with a finding

/** The files `docker compose` would read in `dir` without -f: the first base file found and the
 *  first override file found, in that order (absolute paths); [] when there is none. */
export function composeProjectFiles(dir: string): string[] {
  const exists = (n: string) => {
    try {
      return statSync(path.join(dir, n), { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  };
  const base = COMPOSE_FILE_NAMES.find(exists);
  if (!base) return [];
  const override = COMPOSE_OVERRIDE_NAMES.find(exists);
  return override ? [path.join(dir, base), path.join(dir, override)] : [path.join(dir, base)];
}

export interface ComposeAuditOptions extends AuditOptions {
  /** Variables for interpolation, over the `.env` beside the base file (the shell's are not read: output stays reproducible). */
  env?: Record<string, string>;
  /** Read the config (user, healthcheck, ports) of each service's image from the local engine
   *  when the service builds none (--inspect-images). Off by default: lint does no engine I/O. */
  inspectImages?: boolean;
  /** Texts that stand for files (absolute path → text): `lint -` hands over standard input. */
  texts?: ReadonlyMap<string, string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The message of a thrown value (an Error's, or any object's `message`), else its string form. */
function thrownText(err: unknown): string {
  const message: unknown = typeof err === 'object' && err !== null && 'message' in err ? err.message : undefined;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a message that is no string is shown as JavaScript shows it
  return message === undefined || message === null ? String(err) : String(message);
}

function readComposeFile(abs: string): { text: string } | { error: string } {
  // Synchronous: compose files are small, and a thread-pool round trip per stat/open costs more
  // than the read itself across a few hundred files. Not a regular file (a FIFO, /dev/zero): refused.
  const r = readRegularFileSync(abs, MAX_COMPOSE_FILE_BYTES);
  if ('error' in r) return { error: r.code === 'EFBIG' ? `${r.error}: not a compose file?` : r.error };
  try {
    return { text: utf8.decode(r.data) };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

/** One project read and assembled, before its builds are audited: the results so far (files
 *  that cannot be read, an internal error) and the model, null when there is nothing to audit. */
interface LoadedProject {
  results: TargetResult[];
  model: ComposeModel | null;
  baseDir: string;
  /** Dockerfiles already read for the ShellCheck prefetch (absolute path → read). */
  dockerfiles: Map<string, { text: string } | { error: string }>;
}

type ReadText = { text: string } | { error: string };

async function loadProject(files: string[], opts: ComposeAuditOptions, reads?: ReadonlyMap<string, ReadText>): Promise<LoadedProject> {
  const baseAbs = path.resolve(opts.cwd, files[0]);
  const baseDir = path.dirname(baseAbs);
  const sources: ComposeSource[] = [];
  const results: TargetResult[] = [];
  const dockerfiles = new Map<string, { text: string } | { error: string }>();
  for (const f of files) {
    const abs = path.resolve(opts.cwd, f);
    const rel = relPosix(opts.cwd, abs);
    const read = reads?.get(abs) ?? readText(abs, opts);
    if ('error' in read) {
      results.push({ target: { kind: 'compose', path: rel }, level: null, missingForNextLevel: [], findings: [], error: read.error });
      if (sources.length === 0) return { results, model: null, baseDir, dockerfiles }; // no base file: nothing to merge onto
      continue;
    }
    sources.push({ path: rel, text: read.text });
  }
  const envProblems: string[] = [];
  const env = { ...readDotEnv(baseDir, (m) => envProblems.push(m)), ...(opts.env ?? {}) };
  let model: ComposeModel;
  try {
    model = assembleCompose(sources, { env });
  } catch (err) {
    results.push({ target: { kind: 'compose', path: sources[0].path }, level: null, missingForNextLevel: [], findings: [], error: `internal error while reading: ${thrownText(err)}` });
    return { results, model: null, baseDir, dockerfiles };
  }
  for (const message of envProblems) {
    const at = { line: 1, column: 1, offset: 0 };
    model.diagnostics.push({ kind: 'env-file', severity: 'error', file: relPosix(opts.cwd, path.join(baseDir, '.env')), message, range: { start: at, end: at } });
  }
  await readEnvFiles(model, baseDir, opts.cwd);
  checkBuildFiles(model, baseDir, opts.cwd);
  return { results, model, baseDir, dockerfiles };
}

/** Audits one compose project. Returns the service results, a file-level result when the files
 *  themselves have findings, and the results of the Dockerfiles the services build (kind
 *  'dockerfile'; the caller drops those it already audited, by kind + path). */
export async function auditCompose(files: string[], opts: ComposeAuditOptions): Promise<TargetResult[]> {
  if (files.length === 0) return [];
  const taken = takePrefetched(files, opts);
  const { results, model, baseDir, dockerfiles } = taken && 'model' in taken ? taken : await loadProject(files, opts, taken?.reads);
  if (!model) return results;
  const dockerfileResults = await auditBuilds(model, baseDir, opts, dockerfiles);
  if (opts.inspectImages) await inspectImages(model);
  const profileResults = opts.rules.some((r) => r.target === 'profile') ? await auditNamedProfiles(model, baseDir, opts) : [];

  return results.concat(ungradedBuilds(composeResults(model, opts), model, dockerfileResults), dockerfileResults, profileResults);
}

/** Projects read by prefetchComposeBuilds, waiting for their audit (per run: keyed by the run's
 *  ShellCheck cache; each is taken once). */
const prefetched = new WeakMap<Map<string, unknown>, Map<string, LoadedProject | { reads: Map<string, ReadText> }>>();

/** The parses of the built Dockerfiles made by prefetchComposeBuilds, for their audits (per run,
 *  keyed like `prefetched`): the prefetch parses each Dockerfile to find its scripts, the audit
 *  takes that parse. Its own memo, not the run's (AuditOptions.parsed), which keeps only the
 *  Dockerfiles lint audits by themselves, and drops those after their audits, before compose's. */
const prefetchParses = new WeakMap<Map<string, unknown>, ParseMemo>();

/** The parse memo a built Dockerfile's parse goes through: the prefetch's, else the run's. */
function buildParses(opts: ComposeAuditOptions): ParseMemo | undefined {
  return (opts.shellcheckCache ? prefetchParses.get(opts.shellcheckCache) : undefined) ?? opts.parsed;
}

function readText(abs: string, opts: ComposeAuditOptions): ReadText {
  const given = opts.texts?.get(abs);
  return given !== undefined ? { text: given } : readComposeFile(abs);
}

function projectKey(files: readonly string[], opts: ComposeAuditOptions): string {
  return files.map((f) => path.resolve(opts.cwd, f)).join('\0');
}

function takePrefetched(files: readonly string[], opts: ComposeAuditOptions): LoadedProject | { reads: Map<string, ReadText> } | undefined {
  const run = opts.shellcheckCache ? prefetched.get(opts.shellcheckCache) : undefined;
  if (!run) return undefined;
  const key = projectKey(files, opts);
  const loaded = run.get(key);
  run.delete(key);
  return loaded;
}

/** As the Dockerfile audit decides it (targets/dockerfile/audit.ts): ShellCheck runs when the run
 *  allows it and its rule is among the rules and not turned off. */
function wantsShellcheck(opts: ComposeAuditOptions): boolean {
  return opts.shellcheck !== false && opts.config.rules['dockerfile/shellcheck']?.severity !== 'off' && opts.rules.some((r) => r.id === 'dockerfile/shellcheck');
}

/** Before a run's compose audits (lint): reads and assembles every project given and runs
 *  ShellCheck over the Dockerfiles their services build in one process per batch, instead of one
 *  process per Dockerfile, into opts.shellcheckCache; auditCompose then takes each project as it
 *  was read here. The Dockerfiles are parsed as their audit parses them (stage, build args), in
 *  the order the audits meet them, so the facts are the ones each audit would have found. */
export async function prefetchComposeBuilds(projects: readonly (readonly [files: string[], opts: ComposeAuditOptions])[]): Promise<void> {
  const models: DockerfileModel[] = [];
  let cache: Map<string, unknown> | undefined;
  let df: typeof import('../dockerfile/audit.js') | undefined;
  let parseModel: typeof import('../dockerfile/target.js').parseModel | undefined;
  const texts = new Set<string>();
  for (const [files, opts] of projects) {
    if (files.length === 0 || !opts.shellcheckCache || !wantsShellcheck(opts)) continue;
    let run = prefetched.get(opts.shellcheckCache);
    if (!run) {
      run = new Map<string, LoadedProject | { reads: Map<string, ReadText> }>();
      prefetched.set(opts.shellcheckCache, run);
    }
    const reads = new Map<string, ReadText>();
    for (const f of files) {
      const abs = path.resolve(opts.cwd, f);
      reads.set(abs, readText(abs, opts));
    }
    // a project none of whose files says "build" builds nothing: only its texts wait for its audit
    // (which reads the rest), so the models held at once are those of the projects that build (a
    // build spelt otherwise, were there one, would only be checked by its own audit, as before)
    if (![...reads.values()].some((r) => 'text' in r && r.text.includes('build'))) {
      run.set(projectKey(files, opts), { reads });
      continue;
    }
    const loaded = await loadProject(files, opts, reads);
    run.set(projectKey(files, opts), loaded);
    if (!loaded.model) continue;
    cache = opts.shellcheckCache;
    let parses = prefetchParses.get(cache);
    if (!parses) prefetchParses.set(cache, (parses = newParseMemo()));
    const seen = new Set<string>();
    for (const svc of loaded.model.services) {
      const built = builtDockerfile(svc, loaded.baseDir);
      if (!built || !svc.build || seen.has(built.key)) continue;
      seen.add(built.key);
      if (!existsSync(built.dockerfile)) continue;
      df ??= await import('../dockerfile/audit.js');
      parseModel ??= (await import('../dockerfile/target.js')).parseModel;
      const read = loaded.dockerfiles.get(built.dockerfile) ?? df.readTextFileSync(built.dockerfile);
      loaded.dockerfiles.set(built.dockerfile, read);
      // the facts are kept by text, the first model of a text gives them: one parse per text
      if ('error' in read || texts.has(read.text) || cache.has(read.text)) continue;
      texts.add(read.text);
      const parsed = parseModel(read.text, relPosix(opts.cwd, built.dockerfile), { ...buildOpts(opts, svc.build.args), parsed: parses }, built.stage !== undefined ? { target: built.stage } : {});
      if (!('loadError' in parsed)) models.push(parsed);
    }
  }
  if (!cache || !models.length) return;
  try {
    const { dockerfileScripts, prefetchShellcheck } = await import('../dockerfile/shellcheck.js');
    // the scripts split over as many processes as there are cores (ShellCheck checks each script on
    // its own, so the split changes nothing but the wall time), at most 400 a process as lint does
    const scripts = models.reduce((n, m) => n + dockerfileScripts(m).length, 0);
    const processes = Math.max(1, Math.min(4, os.availableParallelism()));
    await prefetchShellcheck(models, cache, { batchSize: Math.min(400, Math.max(25, Math.ceil(scripts / processes))) });
  } catch {
    // left to each Dockerfile's audit, which reports its own failure
  }
}

/** The audit options of a service's Dockerfile: the run's, with the service's build args. */
function buildOpts(opts: ComposeAuditOptions, args: Record<string, string>): ComposeAuditOptions {
  return { ...opts, config: { ...opts.config, buildArgs: { ...opts.config.buildArgs, ...args } } };
}

/** The Dockerfile a service builds from (not inline, not remote), the stage it builds and the
 *  key under which one audit serves every service with the same Dockerfile, args and stage. */
function builtDockerfile(svc: ComposeService, baseDir: string): { dockerfile: string; context: string; stage: string | undefined; key: string } | null {
  const b = svc.build;
  if (!b || b.inline) return null;
  const where = dockerfileOf(svc, baseDir);
  if (!where) return null;
  // the stage the service builds is the image it runs: its facts are that stage's
  const buildNode = svc.node.entries.get('build');
  const targetNode = buildNode?.kind === 'map' ? buildNode.entries.get('target') : undefined;
  const stage = targetNode?.kind === 'scalar' && typeof targetNode.value === 'string' && !targetNode.value.includes('$') ? targetNode.value : undefined;
  return { ...where, stage, key: `${where.dockerfile}\0${JSON.stringify(b.args)}\0${stage ?? ''}` };
}

const SECCOMP_OPT = /^\s*seccomp\s*[=:](.*)$/i;

/** The seccomp profile files the services name (`security_opt: ["seccomp=./profile.json"]`,
 *  relative to the compose file), each audited once as a profile result. */
async function auditNamedProfiles(model: ComposeModel, baseDir: string, opts: ComposeAuditOptions): Promise<TargetResult[]> {
  // the profile reader (and the JSON reader under it) is loaded only for a project that names a profile
  if (!model.services.some((svc) => svc.securityOpt.some((o) => SECCOMP_OPT.test(o.value)))) return [];
  const { loadSeccompProfile, profileFileOf } = await import('../profile/load.js');
  const { auditProfile } = await import('../profile/audit.js');
  const seen = new Set<string>();
  const out: TargetResult[] = [];
  for (const svc of model.services) {
    for (const o of svc.securityOpt) {
      const m = SECCOMP_OPT.exec(o.value);
      if (!m) continue;
      const abs = profileFileOf(m[1], baseDir);
      if (abs === null || seen.has(abs)) continue;
      seen.add(abs);
      const r = rangeOf(o.node);
      const location = { path: o.node.file, startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column, yamlPath: `${svc.yamlPath}.security_opt` };
      out.push(auditProfile(loadSeccompProfile(abs, opts.cwd, { via: `service ${svc.name} security_opt`, value: o.value.trim(), location }), opts));
    }
  }
  return out;
}

/** Reads and assembles one compose project into its model (the target's load); the first file
 *  that cannot be read is the load error. */
export async function loadComposeProject(files: string[], opts: { cwd: string; env?: Record<string, string>; inspectImages?: boolean }): Promise<ComposeModel | LoadError> {
  if (files.length === 0) return { loadError: 'no compose file given' };
  const baseDir = path.dirname(path.resolve(opts.cwd, files[0]));
  const sources: ComposeSource[] = [];
  for (const f of files) {
    const abs = path.resolve(opts.cwd, f);
    const read = readComposeFile(abs);
    if ('error' in read) return { loadError: `${relPosix(opts.cwd, abs)}: ${read.error}` };
    sources.push({ path: relPosix(opts.cwd, abs), text: read.text });
  }
  const env = { ...readDotEnv(baseDir), ...(opts.env ?? {}) };
  try {
    const model = assembleCompose(sources, { env });
    await readEnvFiles(model, baseDir, opts.cwd);
    checkBuildFiles(model, baseDir, opts.cwd);
    if (opts.inspectImages) await inspectImages(model);
    return model;
  } catch (err) {
    return { loadError: `internal error while reading: ${thrownText(err)}` };
  }
}

/** The pipeline over a compose model: one result per service, plus a file-level result (not
 *  graded) for each file with problems of the file itself (no I/O). */
export function composeResults(model: ComposeModel, opts: Pick<AuditOptions, 'config' | 'rules' | 'today' | 'catalogue'>): TargetResult[] {
  const services = new Map(model.services.map((svc) => [svc.name, {
    target: { kind: 'compose' as const, path: svc.file, service: svc.name }, graded: true, facts: serviceFacts(svc),
  } satisfies ResultPart]));
  const fileParts = new Map<string, ResultPart>();
  return ungradedImages(audit(model, {
    target: { kind: 'compose', path: model.path },
    path: model.path,
    rules: opts.rules,
    catalogue: catalogueOf(opts),
    config: opts.config,
    today: opts.today,
    comments: composeComments(model),
    split: {
      parts: [...services.values()],
      partOf(f) {
        const svc = FILE_LEVEL_RULES.has(f.ruleId) ? undefined : serviceOf(f.location.yamlPath);
        const part = svc !== undefined ? services.get(svc) : undefined;
        if (part) return part;
        let file = fileParts.get(f.location.path);
        if (!file) {
          file = { target: { kind: 'compose', path: model.files.some((x) => x.path === f.location.path) ? f.location.path : model.path }, graded: false };
          fileParts.set(f.location.path, file);
        }
        return file;
      },
    },
  }), model);
}

async function inspectImages(model: ComposeModel): Promise<void> {
  const { inspectServiceImages } = await import('./inspect-images.js');
  await inspectServiceImages(model);
}

/** A service whose image cannot be seen (no build:, not inspected) has an unknown user when it
 *  sets none: when that is all that keeps it at root, it is not graded (level null) rather than
 *  graded root on no evidence. A finding that makes it root whatever its image (privileged, the
 *  Docker socket, user: root) still grades it root. */
function ungradedImages(results: TargetResult[], model: ComposeModel): TargetResult[] {
  const byName = new Map(model.services.map((s) => [s.name, s]));
  for (const r of results) {
    const svc = r.target.service !== undefined ? byName.get(r.target.service) : undefined;
    if (!svc || svc.build || svc.imageFacts) continue;
    if (r.level !== 'root' || r.missingForNextLevel.length !== 1 || r.missingForNextLevel[0] !== 'compose/user-missing') continue;
    const unknown = svc.healthcheck ? 'its user is unknown' : 'its user and healthcheck are unknown';
    r.level = null;
    r.missingForNextLevel = [];
    r.levelReason = svc.imageUnknown !== undefined
      ? `image not inspected: ${svc.imageUnknown}; ${unknown}`
      : `image not inspected: ${unknown} (run with --inspect-images)`;
  }
  return results;
}

/** A service whose image is built from a Dockerfile that would not build is not graded either:
 *  its level would rest on an image that cannot exist. */
function ungradedBuilds(results: TargetResult[], model: ComposeModel, dockerfiles: readonly TargetResult[]): TargetResult[] {
  const broken = new Map(dockerfiles.flatMap((r): [string, string][] => (r.level === null && r.levelReason !== undefined ? [[r.target.path, r.levelReason]] : [])));
  if (broken.size === 0) return results;
  const byName = new Map(model.services.map((s) => [s.name, s]));
  for (const r of results) {
    const dockerfile = r.target.service !== undefined ? byName.get(r.target.service)?.imageFacts?.dockerfile : undefined;
    const reason = dockerfile !== undefined ? broken.get(dockerfile) : undefined;
    if (reason === undefined) continue;
    r.level = null;
    r.levelReason = `its image ${reason.replace(/^does not build/, `does not build (${dockerfile})`)}`;
    r.missingForNextLevel = [];
  }
  return results;
}

function serviceOf(yamlPath: string | undefined): string | undefined {
  if (!yamlPath?.startsWith('services.')) return undefined;
  const rest = yamlPath.slice('services.'.length);
  const m = /^[^.[]+/.exec(rest);
  return m?.[0];
}

function serviceFacts(svc: ComposeService): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (svc.image) facts.image = svc.image.value;
  if (svc.imageFacts) {
    if (svc.imageFacts.dockerfile) facts.dockerfile = svc.imageFacts.dockerfile;
    facts.imageUser = svc.imageFacts.user;
    facts.imageHealthcheck = svc.imageFacts.healthcheck;
    if (svc.imageFacts.image !== undefined) facts.imageInspected = svc.imageFacts.image;
    if (svc.imageFacts.exposedPorts) facts.imageExposedPorts = svc.imageFacts.exposedPorts;
  }
  return facts;
}

/** Audits the Dockerfile of each service with `build:` (once per Dockerfile and build args) and
 *  records the image facts on the service. Missing Dockerfiles become diagnostics. */
async function auditBuilds(model: ComposeModel, baseDir: string, opts: ComposeAuditOptions, read: ReadonlyMap<string, { text: string } | { error: string }>): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  const done = new Map<string, { facts: ImageFacts | null }>();
  const auditedPaths = new Set<string>();
  const parses = buildParses(opts);
  const withParses = (o: ComposeAuditOptions): ComposeAuditOptions => (parses ? { ...o, parsed: parses } : o);
  for (const svc of model.services) {
    const b = svc.build;
    if (!b) continue;
    if (b.inline) {
      const inline = svc.node.entries.get('build');
      const text = inline?.kind === 'map' ? inline.entries.get('dockerfile_inline') : undefined;
      if (text?.kind === 'scalar' && typeof text.value === 'string') {
        svc.imageFacts = await factsFromText(text.value, `${svc.file} (services.${svc.name}.build.dockerfile_inline)`, b.args, opts);
      }
      continue;
    }
    const built = builtDockerfile(svc, baseDir);
    if (!built) continue;
    const { context: contextDir, dockerfile: dockerfileAbs, stage, key } = built;
    const seen = done.get(key);
    if (seen) {
      svc.imageFacts = seen.facts;
      continue;
    }
    if (!existsSync(dockerfileAbs)) continue; // reported by checkBuildFiles
    let facts: ImageFacts | null = null;
    try {
      const df = await import('../dockerfile/audit.js');
      const text = read.get(dockerfileAbs) ?? await df.readTextFile(dockerfileAbs);
      if (auditedPaths.has(dockerfileAbs)) {
        // audited already for another service (other args or stage): its result would not be kept
        // (one result per path), so only the image facts are needed, and the parse gives them
        if ('text' in text) {
          const { parseModel } = await import('../dockerfile/target.js');
          const rel = relPosix(opts.cwd, dockerfileAbs);
          const parsed = parseModel(text.text, rel, withParses(buildOpts(opts, b.args)), stage !== undefined ? { target: stage } : {});
          if (!('loadError' in parsed)) facts = factsOf(parsed, rel);
        }
      } else if ('error' in text) {
        results.push(df.errorResult(relPosix(opts.cwd, dockerfileAbs), text.error));
      } else {
        const audited = await df.auditDockerfileText(text.text, dockerfileAbs, {
          ...withParses(buildOpts(opts, b.args)),
          contextDir,
          build: { contextDir, source: 'compose', ...(stage !== undefined ? { target: stage } : {}) },
        });
        results.push(audited.result);
        if (audited.model) facts = factsOf(audited.model, relPosix(opts.cwd, dockerfileAbs));
      }
    } catch (err) {
      results.push({ target: { kind: 'dockerfile', path: relPosix(opts.cwd, dockerfileAbs) }, level: null, missingForNextLevel: [], findings: [], error: `internal error: ${thrownText(err)}` });
    }
    done.set(key, { facts });
    auditedPaths.add(dockerfileAbs);
    svc.imageFacts = facts;
  }
  // the prefetch's parses of this project's Dockerfiles are done with (the run's memo is lint's)
  if (parses && parses !== opts.parsed) for (const p of auditedPaths) release(parses, p);
  // a result per Dockerfile path (the first set of build args wins when two services differ)
  const byPath = new Map<string, TargetResult>();
  for (const r of results) if (!byPath.has(r.target.path)) byPath.set(r.target.path, r);
  return [...byPath.values()];
}

async function factsFromText(text: string, label: string, args: Record<string, string>, opts: ComposeAuditOptions): Promise<ImageFacts | null> {
  try {
    const { parseDockerfile } = await import('../dockerfile/parse.js');
    return factsOf(parseDockerfile(text, { path: label, buildArgs: { ...opts.config.buildArgs, ...args } }), label);
  } catch {
    return null;
  }
}

/** USER and HEALTHCHECK of the final stage, as the compose rules need them. */
export function factsOf(model: DockerfileModel, dockerfile: string): ImageFacts | null {
  const f = model.final;
  if (!f) return null;
  const hc = f.healthcheck;
  const none = hc !== null && /^\s*NONE\s*$/i.test(hc.args);
  return { dockerfile, user: f.user ? f.user.user : null, healthcheck: hc !== null && !none, healthcheckNone: none };
}

