// The audit step of `tightship lint`, one file (or compose group) at a time: what the loop of
// commands/lint.ts runs in its own thread, and what each worker thread of commands/workers.ts
// runs for its share of the files. Everything a task needs travels with it (the text, the
// builds, ShellCheck's facts) or is rebuilt from the run's options (the config loader, the
// rules), so the same task gives the same results in any thread.
import { createHash } from 'node:crypto';
import type { ParseMemo } from '../targets/dockerfile/parse-memo.js';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { IO } from '../io.js';
import type { Rule, TargetResult } from '../engine/types.js';
import { UserError } from '../engine/types.js';
import type { ResolvedConfig } from '../engine/config-types.js';
import type { AuditOptions, BuildInfo } from '../engine/audit-types.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { isIgnoredPath, type ConfigLoader } from '../engine/config.js';
import { isLoadError } from '../engine/target.js';
import { dockerfileRules } from '../rules/dockerfile/index.js';
import { contextRules } from '../rules/context/index.js';
import { tightshipRules } from '../rules/tightship/index.js';
import { findTokens } from '../secrets/tokens.js';
import { auditDockerfileText, readTextFileSync, relativePath } from '../targets/dockerfile/audit.js';
import { parseModel } from '../targets/dockerfile/target.js';
import type { DockerfileModel } from '../targets/dockerfile/model.js';
import { prefetchShellcheck, shellcheckNotice } from '../targets/dockerfile/shellcheck.js';
import { flushShellcheckStore, storeFor, useShellcheckStore } from '../targets/dockerfile/shellcheck-cache.js';
import type { Build } from '../targets/project/types.js';
import { flagSet, flagValue, flagValues, type ParsedArgs } from './args.js';
import { configLoader, ignoredRules, withRulesOff } from './options.js';
import { loadCompose } from './discover.js';

/** Cores from which a run uses worker threads without being asked. Measured on 2 cores (bench,
 *  2026-12-04): the reader thread and ShellCheck's processes already keep the second core busy, so
 *  --jobs 2 took 0.91× (the 1,112-file corpus) to 1.15× (a 10,000-file monorepo, and the compose
 *  corpus 1.05×) the wall time of one thread, and 1.3× its CPU. */
const WORKERS_FROM_CORES = 4;

/** How many worker threads a run uses: --jobs N, else TIGHTSHIP_JOBS, else the cores available
 *  on a machine of WORKERS_FROM_CORES or more (one thread below); `explicit` says whether the
 *  user chose (a small batch then still uses them). */
export function jobsOf(flag: string | undefined, env: Record<string, string | undefined>, cores = availableParallelism()): { jobs: number; explicit: boolean } {
  const given = flag ?? (env.TIGHTSHIP_JOBS?.trim() || undefined);
  if (given === undefined) return { jobs: cores >= WORKERS_FROM_CORES ? cores : 1, explicit: false };
  const where = flag !== undefined ? '--jobs' : 'TIGHTSHIP_JOBS';
  if (!/^[0-9]+$/.test(given) || Number(given) < 1 || Number(given) > 256) {
    throw new UserError(`${where} '${given}' is not a number of threads from 1 to 256`, `give ${where} 1 to audit in the one thread, or the number of cores to use (e.g. ${availableParallelism()})`);
  }
  return { jobs: Number(given), explicit: true };
}

/** The config loader of a lint run: the config files, the flags' overrides, --ignore-rule. */
export async function lintLoader(args: ParsedArgs, io: Pick<IO, 'cwd' | 'env'>, buildArgs: Record<string, string>): Promise<ConfigLoader> {
  // the whole catalogue only when a config file must be checked
  const allRules = async () => (await import('../rules/index.js')).catalogue();
  const ignoreIds = flagValues(args, 'ignore-rule');
  const off = ignoreIds.length ? ignoredRules(ignoreIds, await allRules()) : [];
  return withRulesOff(configLoader(args, io as IO, allRules, Object.keys(buildArgs).length ? { buildArgs } : {}), off);
}

/** Which registries a run needs besides the Dockerfile and context rules. */
export interface RuleSets { compose: boolean; run: boolean; daemon: boolean; profile: boolean }

/** Only the registries a run needs are loaded (a Dockerfile lint never loads the image,
 *  container or compose rules). */
export async function lintRules(sets: RuleSets): Promise<readonly Rule[]> {
  let rules: readonly Rule[] = [...dockerfileRules, ...contextRules];
  if (sets.compose) rules = [...rules, ...(await import('../rules/compose/index.js')).composeRules];
  if (sets.run) rules = [...rules, ...(await import('../rules/run/index.js')).runRules];
  if (sets.daemon) rules = [...rules, ...(await import('../rules/daemon/index.js')).daemonRules];
  if (sets.daemon || sets.profile || sets.compose) rules = [...rules, ...(await import('../rules/profile/index.js')).profileRules];
  return rules;
}

/** What every audit of a run shares besides the config of its folder. */
export interface RunSettings {
  cwd: string;
  today: string;
  auditContext: boolean;
  shellcheck: boolean;
  inspectImages: boolean;
}

/** The report formats that show source lines (code frames, fingerprints over lines): they get
 *  the text of every file audited. The others get only the texts that hold a token-shaped
 *  string, which the report's redaction step hides wherever it is quoted. */
const FORMATS_WITH_SOURCES = new Set(['pretty', 'html', 'gitlab', 'sarif']);

/** Whether a run keeps the text of every file audited: a format that shows source lines, or a
 *  baseline (its fingerprints are made over the offending lines). */
export function keepsAllSources(format: string, baseline: boolean): boolean {
  return baseline || FORMATS_WITH_SOURCES.has(format);
}

/** Whether a file's text is kept for the report (the texts of a large batch are most of its
 *  memory; a JSON report reads none of them). */
export function keepsSource(allSources: boolean, text: string): boolean {
  return allSources || findTokens(text).length > 0;
}

/** A run's ShellCheck cache (Dockerfile text → facts, as targets/dockerfile/shellcheck.ts uses
 *  it) that holds a digest of each text instead of the text: a batch of thousands of files
 *  keeps no texts for it. */
export class DigestKeyedCache extends Map<string, unknown> {
  static digest(text: string): string {
    return createHash('sha1').update(text).digest('base64');
  }
  override get(text: string): unknown { return super.get(DigestKeyedCache.digest(text)); }
  override has(text: string): boolean { return super.has(DigestKeyedCache.digest(text)); }
  override set(text: string, value: unknown): this { return super.set(DigestKeyedCache.digest(text), value); }
  override delete(text: string): boolean { return super.delete(DigestKeyedCache.digest(text)); }
  /** By digest, for facts handed over from another thread. */
  setDigest(digest: string, value: unknown): void { super.set(digest, value); }
  hasDigest(digest: string): boolean { return super.has(digest); }
  getDigest(digest: string): unknown { return super.get(digest); }
  /** The entries by digest (to hand to another thread). */
  digests(): [string, unknown][] { return [...super.entries()]; }
}

/** One audit context: the rules, the caches and the options of each folder's config. */
export interface Auditor {
  rules: readonly Rule[];
  catalogue: readonly CatalogueEntry[];
  loader: ConfigLoader;
  shellcheckCache: DigestKeyedCache;
  optsFor(config: ResolvedConfig): AuditOptions;
}

function withParsed(opts: AuditOptions, parsed: ParseMemo | undefined): AuditOptions {
  return parsed ? { ...opts, parsed } : opts;
}

/** `parsed`: the run's parse memo once the build maps have made it (this thread only: a worker's
 *  audits parse for themselves). */
export function makeAuditor(settings: RunSettings, loader: ConfigLoader, rules: readonly Rule[], parsed: () => ParseMemo | undefined = () => undefined): Auditor {
  const catalogue: CatalogueEntry[] = [...rules, ...tightshipRules];
  const contextCache = new Map<string, unknown>();
  const shellcheckCache = new DigestKeyedCache();
  return {
    rules, catalogue, loader, shellcheckCache,
    optsFor: (config) => withParsed({
      cwd: settings.cwd, config, rules, catalogue, today: settings.today, auditContext: settings.auditContext,
      contextCache, shellcheck: settings.shellcheck, shellcheckCache, inspectImages: settings.inspectImages,
    }, parsed()),
  };
}

/** One build a Dockerfile is audited with (from lint's variantsOf). */
export interface Variant { info: BuildInfo; noImage?: string }

/** A Dockerfile to audit: its text (already read), the builds to audit it with, and the
 *  project's builds of it (for the notes on the stage graded). */
export interface DockerfileTask {
  file: string;
  text: string;
  variants: Variant[];
  /** The project's builds of this Dockerfile (not inline ones); null outside a mapped project. */
  builds: Build[] | null;
  /** The Dockerfile's path in its project (as the builds name it). */
  relInProject: string;
  /** ShellCheck's facts for the text, when the run has them (from another thread). */
  shellcheck?: { digest: string; facts: unknown };
}

/** The results of one Dockerfile: one per different (context, stage) it is built with. */
export async function auditDockerfileTask(task: DockerfileTask, a: Auditor): Promise<TargetResult[]> {
  const config = await a.loader.forDir(path.dirname(task.file));
  const opts = a.optsFor(config);
  if (task.shellcheck) a.shellcheckCache.setDigest(task.shellcheck.digest, task.shellcheck.facts);
  const out: TargetResult[] = [];
  for (const { info, noImage } of task.variants) {
    // a build that makes no image: the rules that judge the container it would start are not run
    const imageRules = noImage ? opts.rules.filter((r) => r.judgesImage).map((r) => r.id) : [];
    const runOpts = imageRules.length ? { ...opts, rules: opts.rules.filter((r) => !r.judgesImage) } : opts;
    const audited = await auditDockerfileText(task.text, task.file, { ...runOpts, build: noImage ? { ...info, notes: [...(info.notes ?? []),
      `no image: ${noImage}, so the user of stage ${info.target ?? '(last)'} is not judged (${imageRules.join(', ')} not run)`] } : info });
    const result = audited.result;
    if (audited.model && task.builds) {
      const notes = stageNotes(audited.model, info, task.builds);
      if (notes.length) result.notes = [...(result.notes ?? []), ...notes];
    }
    out.push(result);
  }
  return out;
}

const TEST_STAGE = /(?:^|[-_.])(?:test|tests|testing|ci|lint|check|checks|e2e|spec|debug|dev|development)(?:$|[-_.])/i;

/** Notes on the stage graded: a build of the last stage that only tests, or a last stage the
 *  project builds only as a test stage while this audit (without a target) grades it. `mine`:
 *  the project's builds of this Dockerfile. */
function stageNotes(model: DockerfileModel, info: BuildInfo, mine: readonly Build[]): string[] {
  if (model.stages.length < 2) return [];
  const last = model.stages[model.stages.length - 1];
  const lastName = last.name;
  const where = (b: Build) => `${b.name ? `${b.name} in ` : ''}${b.file}:${b.line}`;
  const isLast = (t: string | undefined) => t !== undefined && lastName !== null && t.toLowerCase() === lastName;
  const testy = (b: Build) => TEST_STAGE.test(b.target ?? '') || TEST_STAGE.test(b.name ?? '');
  const lastBuilds = mine.filter((b) => isLast(b.target));
  const shipped = [...new Set(mine.filter((b) => b.target !== undefined && !isLast(b.target) && !testy(b)).flatMap((b) => (b.target === undefined ? [] : [b.target])))];
  const onlyTests = lastBuilds.length > 0 && lastBuilds.every(testy);
  if (info.target === undefined && (onlyTests || (lastBuilds.length === 0 && shipped.length > 0))) {
    const how = onlyTests ? `only as a test/CI stage (${lastBuilds.map(where).join(', ')})` : 'never (its builds target an earlier stage)';
    return [`graded as built without --target: the last stage${lastName ? ` ${lastName}` : ''}, which the project builds ${how}${shipped.length ? `; the image that ships is stage ${shipped.join(', ')}` : ''}`];
  }
  if (isLast(info.target) && onlyTests) {
    return [`stage ${lastName} is the last stage and is built only as a test/CI stage (${lastBuilds.map(where).join(', ')})${shipped.length ? `; the image that ships is stage ${shipped.join(', ')}` : ''}`];
  }
  return [];
}

/** A compose project to audit: its files, in merge order. */
export interface ComposeTask {
  group: string[];
  /** Standard input's text, for `lint -` (absolute path → text). */
  texts?: Map<string, string>;
}

/** The results of a compose project and the texts of its files (path relative to the cwd →
 *  text; null for a text the report does not keep). An invalid project is one result with the
 *  error, never an abort of the batch. */
export interface ComposeOutput { results: TargetResult[]; sources: [string, string | null][] }

export async function auditComposeTask(task: ComposeTask, a: Auditor, settings: RunSettings, allSources: boolean): Promise<ComposeOutput> {
  const config = await a.loader.forDir(path.dirname(task.group[0]));
  const compose = await loadCompose();
  let results: TargetResult[];
  try {
    results = compose ? await compose.auditCompose(task.group, { ...a.optsFor(config), inspectImages: settings.inspectImages, ...(task.texts ? { texts: task.texts } : {}) }) : [];
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    results = [{ target: { kind: 'compose', path: relativePath(settings.cwd, task.group[0]) }, level: null, missingForNextLevel: [], findings: [], error: err.message }];
  }
  const sources: [string, string | null][] = [];
  for (const f of task.group) {
    const given = task.texts?.get(f);
    const t = given !== undefined ? { text: given } : readTextFileSync(f, 16 * 1024 * 1024);
    if ('text' in t) sources.push([relativePath(settings.cwd, f), keepsSource(allSources, t.text) ? t.text : null]);
  }
  return { results, sources };
}

/** What reading a Dockerfile gave: its text, or why it cannot be audited. */
export type Read = { text: string } | { error: string };

/** A Dockerfile read ahead: its read (absent when its folder's config ignores it) and ShellCheck's
 *  facts for its text (by digest, to hand to another thread). */
export interface ReadEntry { file: string; read?: Read; shellcheck?: { digest: string; facts: unknown } }

/** Reads the Dockerfiles of a run ahead of their audits, a chunk at a time, and runs ShellCheck
 *  over each chunk's scripts in the background (its processes work while the audits run): an
 *  audit never waits for ShellCheck over the whole run, and no more than a few chunks' texts are
 *  held at once. A text already checked (or being checked in an earlier chunk) is not parsed or
 *  checked again. Chunks are asked for in order. */
export class ReadAhead {
  private readonly chunks = new Map<number, Promise<ReadEntry[]>>();
  private readonly inFlight = new Set<string>();
  private started = 0;
  private running = 0;
  private consumed = 0;
  private finished = 0;

  constructor(
    private readonly files: readonly string[],
    private readonly readFile: (file: string) => Read,
    /** The options of a file's audit, or null when the file is not audited (ignored). */
    private readonly optsOf: (file: string) => Promise<AuditOptions | null>,
    private readonly cache: DigestKeyedCache,
    readonly chunkSize = 48,
    /** Chunks checked at once: one ShellCheck process each, one per core. */
    private readonly parallel = availableParallelism(),
    /** Chunks read ahead of the audits at most (their texts are held until audited). */
    private readonly maxAhead = 32,
  ) {
    this.pump();
  }

  get chunkCount(): number {
    return Math.ceil(this.files.length / this.chunkSize);
  }

  /** Chunk k's reads, once its ShellCheck run (and every earlier chunk's) is done. */
  async chunk(k: number): Promise<ReadEntry[]> {
    while (this.started <= k) this.startNext();
    const entries = this.chunks.get(k);
    if (!entries) throw new Error(`chunk ${k} of the Dockerfiles read ahead was asked for twice`);
    this.chunks.delete(k); // asked for once: its texts go with the caller
    this.consumed = Math.max(this.consumed, k + 1);
    this.pump();
    return entries;
  }

  /** Keeps `parallel` chunks being checked, up to `maxAhead` chunks ahead of the audits. */
  private pump(): void {
    while (this.started < this.chunkCount && this.running < this.parallel && this.started - this.consumed < this.maxAhead) this.startNext();
  }

  private startNext(): void {
    const k = this.started++;
    const previous = this.chunks.get(k - 1);
    this.running++;
    const work = this.run(this.files.slice(k * this.chunkSize, (k + 1) * this.chunkSize));
    const done = (): void => {
      this.running--;
      this.pump();
    };
    work.then(done, done);
    // a text this chunk left to an earlier one is checked when that one is done
    const chunk = work.then(async (entries) => {
      if (previous) await previous.catch(() => undefined);
      return this.withFacts(entries);
    });
    // its error (a config that cannot be read) reaches whoever asks for the chunk; one never asked
    // for (the run stopped at an earlier error) is not an unhandled rejection
    chunk.catch(() => undefined);
    this.chunks.set(k, chunk);
  }

  private withFacts(entries: [ReadEntry, string | undefined][]): ReadEntry[] {
    return entries.map(([entry, digest]) => {
      const facts = digest === undefined ? undefined : this.cache.getDigest(digest);
      return digest === undefined || facts === undefined ? entry : { ...entry, shellcheck: { digest, facts } };
    });
  }

  private async run(files: readonly string[]): Promise<[ReadEntry, string | undefined][]> {
    const entries: [ReadEntry, string | undefined][] = [];
    const models: DockerfileModel[] = [];
    const mine: string[] = [];
    try {
      for (const file of files) {
        const opts = await this.optsOf(file);
        const entry: ReadEntry = { file };
        if (!opts) {
          entries.push([entry, undefined]);
          continue;
        }
        const read = this.readFile(file);
        entry.read = read;
        if ('error' in read || !wantsShellcheck(opts)) {
          entries.push([entry, undefined]);
          continue;
        }
        const digest = DigestKeyedCache.digest(read.text);
        entries.push([entry, digest]);
        if (this.inFlight.has(digest) || this.cache.hasDigest(digest)) continue;
        this.inFlight.add(digest);
        mine.push(digest);
        const model = parseModel(read.text, relativePath(opts.cwd, file), opts);
        if (!isLoadError(model)) models.push(model);
      }
      // every script is checked once per thread (targets/dockerfile/shellcheck.ts): one an
      // earlier chunk is checking is waited for, not checked again
      if (models.length) await prefetchShellcheck(models, this.cache);
    } finally {
      for (const d of mine) this.inFlight.delete(d);
      // the run's last chunk checked: what ShellCheck found is written to the findings cache
      if (++this.finished === this.chunkCount) flushShellcheckStore();
    }
    return entries;
  }
}

/** Sets the findings cache of a lint run in this thread (ShellCheck's findings kept between
 *  runs, targets/dockerfile/shellcheck-cache.ts): under the user's cache folder, or in
 *  --cache-location DIR; none with --no-cache or TIGHTSHIP_NO_CACHE=1. */
export function useLintShellcheckCache(args: ParsedArgs, io: Pick<IO, 'cwd' | 'env'>): void {
  const location = flagValue(args, 'cache-location');
  if (location?.trim() === '') throw new UserError('--cache-location is empty', 'give the folder for the findings cache, e.g. --cache-location .cache/tightship, or --no-cache');
  useShellcheckStore(storeFor(flagSet(args, 'no-cache'), location, io.cwd, io.env));
}

/** The end of a lint run: what ShellCheck found is written to the findings cache, which the
 *  thread then forgets. */
export function endLintShellcheckCache(): void {
  flushShellcheckStore();
  useShellcheckStore(null);
}

/** As the Dockerfile audit decides it: ShellCheck runs when the run allows it and its rule is
 *  among the rules and not turned off. */
function wantsShellcheck(opts: AuditOptions): boolean {
  const off = opts.config.rules[SHELLCHECK_RULE]?.severity === 'off';
  return opts.shellcheck !== false && !off && opts.rules.some((r) => r.id === SHELLCHECK_RULE);
}
const SHELLCHECK_RULE = 'dockerfile/shellcheck';

/** Whether a file a search found is left out by its folder's config (`ignore:`). */
export function ignoredBySearch(file: string, searched: ReadonlySet<string>, config: ResolvedConfig): boolean {
  return searched.has(file) && isIgnoredPath(file, config);
}

/** What a worker thread needs to audit as the run's own thread does. */
export interface LintWorkerSetup {
  args: ParsedArgs;
  env: Record<string, string | undefined>;
  buildArgs: Record<string, string>;
  sets: RuleSets;
  settings: RunSettings;
  /** Every file's text goes back to the run's thread (keepsAllSources). */
  allSources: boolean;
}

/** The tasks a worker thread runs (commands/workers.ts): each gives what the run's own thread
 *  would, and ShellCheck's notice (the one line a run prints when it could not run) with it. */
export async function lintWorkerHandlers(setup: LintWorkerSetup): Promise<Record<string, (payload: unknown) => Promise<unknown>>> {
  const loader = await lintLoader(setup.args, { cwd: setup.settings.cwd, env: setup.env }, setup.buildArgs);
  useLintShellcheckCache(setup.args, { cwd: setup.settings.cwd, env: setup.env });
  const a = makeAuditor(setup.settings, loader, await lintRules(setup.sets));
  let reader: ReadAhead | undefined;
  return {
    dockerfile: async (task) => auditDockerfileTask(task as DockerfileTask, a),
    compose: async (task) => auditComposeTask(task as ComposeTask, a, setup.settings, setup.allSources),
    facts: (entries) => {
      for (const [digest, facts] of entries as [string, unknown][]) a.shellcheckCache.setDigest(digest, facts);
      return Promise.resolve();
    },
    // asked at the end of the run: what this thread's ShellCheck runs found goes to the cache too
    notice: () => {
      flushShellcheckStore();
      return Promise.resolve(shellcheckNotice(a.shellcheckCache));
    },
    // the reader thread: the run's Dockerfiles read ahead, ShellCheck run over them in chunks
    files: (payload) => {
      const { files, searched, chunkSize } = payload as { files: string[]; searched: string[]; chunkSize: number };
      const searchedSet = new Set(searched);
      reader = new ReadAhead(files, (f) => readTextFileSync(f), async (f) => {
        const config = await loader.forDir(path.dirname(f));
        return ignoredBySearch(f, searchedSet, config) ? null : a.optsFor(config);
      }, a.shellcheckCache, chunkSize);
      return Promise.resolve(reader.chunkCount);
    },
    chunk: (k) => {
      if (!reader) throw new Error('the reader thread was given no files');
      return reader.chunk(k as number);
    },
    allFacts: () => Promise.resolve(a.shellcheckCache.digests()),
  };
}
