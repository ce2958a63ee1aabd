// `tightship lint PATH...`: find Dockerfiles and compose files, audit each (one bad file never
// aborts the batch), apply safe fixes with --fix, format, write, and return the exit code.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../io.js';
import type { TargetResult, Rule } from '../engine/types.js';
import { UserError } from '../engine/types.js';
import type { ResolvedConfig } from '../engine/config-types.js';
import type { AuditOptions } from '../engine/audit-types.js';
import { exitCode } from '../engine/run.js';
import { tightshipRules } from '../rules/tightship/index.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { isIgnoredPath, type ConfigLoader } from '../engine/config.js';
import { auditDockerfileText, errorResult, readTextFile, readTextFileSync, relativePath } from '../targets/dockerfile/audit.js';
import { shellcheckNotice } from '../targets/dockerfile/shellcheck.js';
import { parseOnce, release as releaseParses } from '../targets/dockerfile/parse-memo.js';
import { fixUntilStable, unifiedDiff, type AppliedFix } from '../engine/fix.js';
import { loadReport } from '../report/load.js';
import type { ReportMeta } from '../report/common.js';
import { terminalText } from '../report/terminal.js';
import { VERSION } from '../version.js';
import { flagSet, flagValue, flagValues, parseArgs, type FlagSpec, type ParsedArgs } from './args.js';
import { assertNotAnInput, readForFix, writeFixed, writePiecesAtomic, writePiecesToStdout } from './output.js';
import {
  DISPLAY_USAGE, displaySeverity, filterForDisplay, POLICY_SPECS, POLICY_USAGE, policyRequest,
  resolveColor, resolveFormat, resolveOutput, sharedSpecs,
} from './options.js';
import { COMMANDS_ONLY, buildMaps, discover, discoverStdin, knownFiles, loadCompose, type Discovery, type Project } from './discover.js';
import { applyExcludes, compileExcludes, type Excluder } from './exclude.js';
import { readStdin, STDIN_NAME, stdinKind, type StdinInput, type StdinKind } from './stdin.js';
import { planBaseline, baselineStep, type BaselinePlan, type BaselineReport } from './baseline.js';
import type { Severity } from '../engine/types.js';
import type { BuildInfo } from '../engine/audit-types.js';
import type { Build, BuildMap } from '../targets/project/types.js';
import { imagelessOutput } from '../targets/project/types.js';
import {
  auditComposeTask, auditDockerfileTask, DigestKeyedCache, endLintShellcheckCache, ignoredBySearch, jobsOf, keepsAllSources, keepsSource, lintLoader, lintRules, makeAuditor, ReadAhead, useLintShellcheckCache,
  type Auditor, type ComposeOutput, type ComposeTask, type DockerfileTask, type LintWorkerSetup, type ReadEntry, type RuleSets, type RunSettings,
} from './lint-audit.js';
import type { WorkerPool } from './workers.js';

export const LINT_USAGE = `Usage: tightship lint PATH... [options]
       tightship lint - [--stdin-filename NAME] [--stdin-kind compose] [options]  < FILE

Audits Dockerfiles (Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile, …), their build
contexts, compose files, and the container command lines (docker run, docker create, podman
run, nerdctl run, docker service create) written in shell scripts, Makefiles, CI workflows,
package.json scripts, systemd units and Markdown. A directory is searched recursively (.git and node_modules are
skipped) and read as a project: how it builds each image (compose, bake, CI workflows, scripts,
Makefiles, .tightship.yaml builds:) gives each Dockerfile its context and target stage.
'-' reads one Dockerfile (or compose file) from standard input.

Options:
  -f, --format FORMAT     pretty (default) | json | sarif | github | gitlab | junit
                          | checkstyle | html   [env TIGHTSHIP_FORMAT]
  -o, --output FILE       write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY  exit 1 on findings at or above: error (default) | warning | info | none
                                                                      [env TIGHTSHIP_FAIL_ON]
      --build-arg K=V     value of a Dockerfile ARG (repeatable); --build-arg K alone takes the
                          value from the environment as docker does (unset there: the ARG stays unset)
  -c, --config FILE       use this config file instead of searching for .tightship.yaml
      --context DIR       build context of the Dockerfiles named (once, or once per Dockerfile
                          named, in order; default: the project's build, else a guess)
      --target STAGE      the stage built (docker build --target), same pairing as --context
      --no-context        do not audit the build context
      --no-run-lines      do not audit container command lines (docker run …) [env TIGHTSHIP_NO_RUN_LINES=1]
      --no-shellcheck     do not run ShellCheck on RUN lines (it runs when \`shellcheck\` is on PATH)
      --no-cache          do not read or write the cache of ShellCheck's findings (a script
                          checked by an earlier run is not checked again) [env TIGHTSHIP_NO_CACHE=1]
      --cache-location D  keep that cache in folder D (default: the user's cache folder)
      --inspect-images    read from the local Docker engine the user, healthcheck and ports of
                          compose services' images (services that build no image), and the
                          age and size of Dockerfiles' base images
      --no-inline-ignores ignore '# tightship ignore=…' and hadolint pragmas
                                                                      [env TIGHTSHIP_NO_INLINE_IGNORES=1]
      --fix               apply safe fixes to the files, then report. A symbolic link's target is
                          edited; mode, owner, hard links, BOM and line endings are kept; a
                          read-only file or one changed during the run is not written (exit 2,
                          the other files are still fixed). Suggestions are never applied.
      --fix-dry-run       print the fixes as a unified diff and write nothing (exit 1 when a
                          file would change)
${POLICY_USAGE}      --exclude GLOB      leave out matching paths (repeatable; relative to the working folder,
                          .gitignore style: 'vendor', '*.old', 'deploy/legacy/**')
      --stdin-filename N  with '-': the path standard input stands for (shown in the report; its
                          folder's .tightship.yaml, ignore: and --exclude apply; its project's
                          builds give the context). Without it the path is '-' and no context is audited
      --stdin-kind KIND   with '-': dockerfile (default; compose for a .yml/.yaml --stdin-filename)
                          | compose
${DISPLAY_USAGE}      --write-baseline F  record every finding of this run in baseline file F (entries of files
                          not audited are kept), then report as --baseline F would
      --baseline F        hide the findings baseline file F holds; new ones are shown, and entries
                          that match nothing any more are listed (the file is never written)
      --prune-baseline    with --baseline: rewrite F without the entries that match nothing
      --jobs N            audit in N threads (default: the cores available, when there are 200
                          files or more; 1: this thread only); the report is the same [env TIGHTSHIP_JOBS]
      --debug             print stack traces of internal errors
  -h, --help              show this help

Exit codes: 0 clean, 1 findings at or above --fail-on or a policy not met, 2 usage or input
error (also when a file could not be audited).
`;

const SPECS: Record<string, FlagSpec> = {
  ...sharedSpecs('format', 'output', 'fail-on', 'config', 'no-inline-ignores', 'help', 'color', 'no-color', 'quiet', 'severity', 'ignore-rule'),
  exclude: { value: true, repeat: true },
  'stdin-filename': { value: true },
  'stdin-kind': { value: true },
  baseline: { value: true },
  'write-baseline': { value: true },
  'prune-baseline': {},
  'build-arg': { value: true, repeat: true },
  context: { value: true, repeat: true },
  target: { value: true, repeat: true },
  'no-context': {},
  'no-run-lines': {},
  'no-shellcheck': {},
  'no-cache': {},
  'cache-location': { value: true },
  'inspect-images': {},
  fix: {},
  'fix-dry-run': {},
  jobs: { value: true },
  ...POLICY_SPECS,
};

/** --build-arg NAME=VALUE, or NAME alone: its value from the environment as docker build takes
 *  it (a NAME the environment does not have leaves the ARG unset). */
function parseBuildArgs(values: string[], env: IO['env']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) {
      const fromEnv = env[v];
      if (fromEnv !== undefined) out[v] = fromEnv;
      continue;
    }
    if (eq <= 0) throw new UserError(`--build-arg '${v}' is not NAME=VALUE or NAME`, 'write --build-arg NAME=VALUE, or NAME to take the value from the environment');
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

function targetKey(t: TargetResult['target']): string {
  return `${t.kind}\u0000${t.path}\u0000${t.service ?? ''}\u0000${t.image ?? ''}`;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** What the options of a lint run resolved to. */
interface LintPlan {
  format: string;
  outputPath: string | undefined;
  loader: ConfigLoader;
  /** --context values (absolute) and --target values, paired with the Dockerfiles named. */
  contextDirs: string[];
  targets: string[];
  auditContext: boolean;
  fix: boolean;
  /** --inspect-images: compose services' images and Dockerfiles' base images are inspected in the local engine. */
  inspectImages: boolean;
  /** --fix-dry-run: the diff of the fixes, nothing written. */
  fixDryRun: boolean;
  /** --build-arg values (secret-named ones are redacted in the report). */
  buildArgs: Record<string, string>;
  /** Audit the container command lines found in scripts, Makefiles, CI, Markdown… */
  runLines: boolean;
  /** Colour in the pretty report (--color / --no-color, FORCE_COLOR, NO_COLOR, a terminal). */
  color: boolean;
  /** The lowest severity shown (--severity, --quiet). */
  severity: Severity;
  quiet: boolean;
  /** --exclude patterns. */
  exclude: Excluder | null;
  /** `lint -`: what standard input is (read in run, after the options are checked). */
  stdin: { kind: StdinKind; filename: string | undefined } | null;
  /** The text read from standard input. */
  stdinInput?: StdinInput;
  /** --baseline / --write-baseline / --prune-baseline, checked before any work. */
  baseline: BaselinePlan | null;
  shellcheck: boolean;
  /** --jobs / TIGHTSHIP_JOBS: the threads the audit may use (1: this thread only). */
  jobs: { jobs: number; explicit: boolean };
}

async function plan(args: ParsedArgs, io: IO): Promise<LintPlan> {
  const format = resolveFormat(args, io, 'lint');
  const buildArgs = parseBuildArgs(flagValues(args, 'build-arg'), io.env);
  const loader = await lintLoader(args, io, buildArgs);
  await loader.forDir(io.cwd); // a broken explicit config fails before any work
  const severity = displaySeverity(args);

  const contextDirs: string[] = [];
  for (const contextFlag of flagValues(args, 'context')) {
    const contextDir = path.resolve(io.cwd, contextFlag);
    const st = await fs.stat(contextDir).catch(() => null);
    if (!st?.isDirectory()) throw new UserError(`build context ${contextFlag} is not a directory`, 'give --context an existing folder');
    contextDirs.push(contextDir);
  }
  const targets = flagValues(args, 'target');
  for (const t of targets) if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(t)) throw new UserError(`--target '${t}' is not a stage name`, 'give the name of a FROM … AS NAME stage');
  const outputPath = await resolveOutput(args, io);
  const noRun = flagSet(args, 'no-run-lines') || /^(1|true|yes)$/i.test(io.env.TIGHTSHIP_NO_RUN_LINES?.trim() ?? '');
  const stdin = planStdin(args);
  const baseline = await planBaseline(args, io, outputPath);
  return {
    format, outputPath, loader, contextDirs, targets, auditContext: !flagSet(args, 'no-context'), fix: flagSet(args, 'fix'), runLines: !noRun, shellcheck: !flagSet(args, 'no-shellcheck'),
    inspectImages: flagSet(args, 'inspect-images'), fixDryRun: flagSet(args, 'fix-dry-run'), buildArgs,
    color: resolveColor(args, io, outputPath), severity, quiet: flagSet(args, 'quiet'),
    exclude: compileExcludes(flagValues(args, 'exclude'), io.cwd), stdin, baseline, jobs: jobsOf(flagValue(args, 'jobs'), io.env),
  };
}

/** `lint -` alone reads standard input; --stdin-* without it is a mistake. */
function planStdin(args: ParsedArgs): LintPlan['stdin'] {
  const filename = flagValue(args, 'stdin-filename');
  const kindFlag = flagValue(args, 'stdin-kind');
  if (!args.positional.includes(STDIN_NAME)) {
    if (filename !== undefined || kindFlag !== undefined) throw new UserError(`--${filename !== undefined ? 'stdin-filename' : 'stdin-kind'} applies to '-' (standard input)`, "run 'tightship lint - --stdin-filename Dockerfile < Dockerfile'");
    return null;
  }
  if (args.positional.length > 1) throw new UserError("'-' (standard input) is the only path of its run", 'lint the other paths in another run');
  if (flagSet(args, 'fix')) throw new UserError('--fix cannot write standard input', 'use --fix-dry-run for the diff, or lint the file itself with --fix');
  if (filename !== undefined && filename.trim() === '') throw new UserError('--stdin-filename is empty', 'give the path the text stands for, e.g. --stdin-filename Dockerfile');
  return { kind: stdinKind(kindFlag, filename), filename };
}

/** --context / --target given once apply to every Dockerfile named (every Dockerfile found when
 *  only folders are named); given several times, to the Dockerfiles named, in order. */
function checkPairing(p: LintPlan, found: Discovery): void {
  for (const [flag, values] of [['--context', p.contextDirs], ['--target', p.targets]] as const) {
    if (values.length > 1 && values.length !== found.named.length) {
      throw new UserError(`${flag} given ${values.length} times for ${found.named.length} Dockerfile(s) named`,
        `give ${flag} once (it applies to every Dockerfile named) or once per Dockerfile named, in the same order`);
    }
  }
}

function cliFor(file: string, p: LintPlan, found: Discovery): { contextDir?: string; target?: string } {
  if (p.contextDirs.length === 0 && p.targets.length === 0) return {};
  const at = namedIndex(found).get(file) ?? -1;
  const pick = (values: readonly string[]): string | undefined => {
    if (values.length === 0) return undefined;
    if (values.length === 1) return at >= 0 || found.named.length === 0 ? values[0] : undefined;
    return at >= 0 ? values[at] : undefined;
  };
  const out: { contextDir?: string; target?: string } = {};
  const c = pick(p.contextDirs);
  const t = pick(p.targets);
  if (c !== undefined) out.contextDir = c;
  if (t !== undefined) out.target = t;
  return out;
}

/** The position of each Dockerfile named on the command line (the first, as indexOf gives it). */
function namedIndex(found: Discovery): Map<string, number> {
  let index = namedIndexes.get(found.named);
  if (!index) {
    index = new Map();
    for (let i = found.named.length - 1; i >= 0; i--) index.set(found.named[i], i);
    namedIndexes.set(found.named, index);
  }
  return index;
}
const namedIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** The builds a Dockerfile is audited with: one per different context and stage (a build that
 *  differs only in args or names is the same verdict), the CLI's first, else the map's, else
 *  the Dockerfile's folder. */
function variantsOf(file: string, project: Project | undefined, p: LintPlan, found: Discovery): { info: BuildInfo; build?: Build; noImage?: string }[] {
  const cli = cliFor(file, p, found);
  const root = project?.root ?? path.dirname(file);
  const rel = path.relative(root, file).split(path.sep).join('/');
  const mapBuilds = project?.map ? buildsOf(project.map, rel) : [];
  if (cli.contextDir !== undefined) {
    const info: BuildInfo = { contextDir: cli.contextDir, source: 'cli' };
    if (cli.target !== undefined) info.target = cli.target;
    return [{ info }];
  }
  const seen = new Set<string>();
  const out: { info: BuildInfo; build?: Build; noImage?: string }[] = [];
  const keyOf = (b: Build) => `${b.context}\u0000${cli.target ?? b.target ?? ''}`;
  for (const b of mapBuilds) {
    const target = cli.target ?? b.target;
    const key = keyOf(b);
    if (seen.has(key)) continue;
    seen.add(key);
    // a stage every build of which makes no image (bake output type=cacheonly, a local export)
    const same = mapBuilds.filter((x) => keyOf(x) === key);
    const bNoImage = imagelessOutput(b.output); // b is one of same
    const noImage = bNoImage !== null && same.every((x) => imagelessOutput(x.output) !== null)
      ? `${b.name ? `${b.source} target ${b.name}` : b.source} (${b.file}:${b.line}) builds it with ${bNoImage}` : undefined;
    const info: BuildInfo = { contextDir: b.context === '.' ? root : path.join(root, ...b.context.split('/')), source: b.source };
    if (target !== undefined) info.target = target;
    if (Object.keys(b.args).length) info.args = b.args;
    if (b.reason !== undefined) info.reason = b.reason;
    out.push({ info, build: b, ...(noImage ? { noImage } : {}) });
  }
  if (out.length === 0) {
    const info: BuildInfo = { contextDir: path.dirname(file), source: 'guess', reason: 'its own folder: no build of the project names it' };
    if (cli.target !== undefined) info.target = cli.target;
    out.push({ info });
  }
  return out;
}

/** A Dockerfile its project's map left unguessed: its guessed build made from the parse its
 *  audit then takes from the run's memo (the same text, path and options), and added to the
 *  map's index. */
async function guessAtAudit(project: Project, map: BuildMap, rel: string, file: string, text: string, found: Discovery): Promise<void> {
  const { takeGuess } = await import('../targets/project/guess.js');
  const build = takeGuess(map, project.tree, rel, () => parseOnce(found.parsed, file, text, { path: rel }));
  const index = buildIndex.get(map);
  if (!build || !index) return;
  const list = index.get(rel);
  if (list) list.push(build);
  else index.set(rel, [build]);
}

/** The builds of a map that build this Dockerfile (not inline ones): the map indexed once, not
 *  searched once per Dockerfile (a monorepo has thousands of both). */
function buildsOf(map: BuildMap, rel: string): Build[] {
  let index = buildIndex.get(map);
  if (!index) {
    index = new Map();
    for (const b of map.builds) {
      if (b.inline !== undefined) continue;
      const list = index.get(b.dockerfile);
      if (list) list.push(b);
      else index.set(b.dockerfile, [b]);
    }
    buildIndex.set(map, index);
  }
  return index.get(rel) ?? [];
}
const buildIndex = new WeakMap<BuildMap, Map<string, Build[]>>();

/** What the audit of a lint run produced, for the report. */
interface Audited {
  results: TargetResult[];
  failOnOf: Map<TargetResult, ResolvedConfig['failOn']>;
  sources: Record<string, string>;
  fixed: Record<string, AppliedFix[]>;
  /** What --fix / --fix-dry-run did to each file it had fixes for. */
  outcomes: FileFixOutcome[];
  /** --fix-dry-run: the unified diff of each file. */
  diffs: string[];
  rules: readonly Rule[];
  /** The build maps, notes and files not audited, for the report (paths relative to the cwd). */
  project: ProjectReport;
}

/** What the report says about the projects: every build found, notes of the map, files skipped. */
export interface ProjectReport {
  builds: { dockerfile: string; context: string; target?: string; source: string; file: string; line: number; name?: string }[];
  notes: { file: string; line: number; message: string }[];
  skipped: { path: string; reason: string }[];
}

function projectReport(found: Discovery, cwd: string): ProjectReport {
  const rep: ProjectReport = { builds: [], notes: [], skipped: [] };
  const show = (root: string, rel: string) => relativePath(cwd, rel === '.' ? root : path.join(root, ...rel.split('/')));
  const showDir = (root: string, rel: string) => {
    const abs = rel === '.' ? root : path.join(root, ...rel.split('/'));
    return path.resolve(abs) === path.resolve(cwd) ? '.' : relativePath(cwd, abs);
  };
  for (const pr of found.projects) {
    const map: BuildMap | undefined = pr.map;
    if (!map) continue;
    for (const b of map.builds) {
      if (b.source === 'guess') continue; // a guess is not a build of the project: the result says it
      const e: ProjectReport['builds'][number] = { dockerfile: show(pr.root, b.dockerfile), context: showDir(pr.root, b.context), source: b.source, file: show(pr.root, b.file), line: b.line };
      if (b.target !== undefined) e.target = b.target;
      if (b.name !== undefined) e.name = b.name;
      if (b.inline !== undefined) e.dockerfile = `${e.dockerfile} (dockerfile_inline)`;
      rep.builds.push(e);
    }
    for (const n of map.notes) rep.notes.push({ file: show(pr.root, n.file), line: n.line, message: n.message });
  }
  for (const s of found.skipped) rep.skipped.push({ path: relativePath(cwd, s.path), reason: s.reason });
  const where = (v: { file: string } | { path: string }) => ('file' in v ? v.file : v.path);
  const byPath = <T extends ({ file: string } | { path: string }) & { line?: number }>(a: T, b: T) => {
    const x = where(a); const y = where(b);
    return x < y ? -1 : x > y ? 1 : (a.line ?? 0) - (b.line ?? 0);
  };
  rep.builds.sort((a, b) => (a.dockerfile < b.dockerfile ? -1 : a.dockerfile > b.dockerfile ? 1 : byPath(a, b)));
  rep.notes.sort(byPath);
  rep.skipped = [...new Map(rep.skipped.map((s) => [s.path, s])).values()].sort(byPath);
  return rep;
}

interface FileFixOutcome {
  path: string;
  status: 'fixed' | 'not fixed' | 'would fix';
  count: number;
  reason?: string;
}

/** --fix / --fix-dry-run of one Dockerfile: the fixed text is written (or its diff kept), every
 *  outcome recorded, and the text to report on returned (the old one when the fix was refused).
 *  A file that cannot be written never aborts the batch. */
async function fixFile(file: string, rel: string, text: string, opts: AuditOptions, p: LintPlan, out: Audited): Promise<string> {
  const outcome = await fixUntilStable(text, async (t) =>
    (await auditDockerfileText(t, file, { ...opts, auditContext: false })).result.findings.filter((f) => f.location.path === rel));
  if (outcome.text === text) return text;
  if (p.fixDryRun) {
    out.diffs.push(unifiedDiff(text, outcome.text, `a/${rel}`, `b/${rel}`));
    out.outcomes.push({ path: rel, status: 'would fix', count: outcome.applied.length });
    return text;
  }
  const read = await readForFix(file);
  if ('error' in read) {
    out.outcomes.push({ path: rel, status: 'not fixed', count: outcome.applied.length, reason: read.error });
    return text;
  }
  // the text linted came from an earlier read: a change in between is a change since it was read
  const decoded = read.bytes.toString('utf8');
  if ((read.bom ? decoded.slice(1) : decoded) !== text) {
    out.outcomes.push({ path: rel, status: 'not fixed', count: outcome.applied.length, reason: 'changed since it was read; run again' });
    return text;
  }
  const written = await writeFixed(read, outcome.text);
  if (written.status === 'refused') {
    out.outcomes.push({ path: rel, status: 'not fixed', count: outcome.applied.length, reason: written.reason });
    return text;
  }
  out.fixed[rel] = outcome.applied;
  out.outcomes.push({ path: rel, status: 'fixed', count: outcome.applied.length });
  return outcome.text;
}

/** Targets (Dockerfiles and compose projects) from which a run uses worker threads without
 *  being asked (--jobs or TIGHTSHIP_JOBS): below it, starting them costs more than they save. */
const PARALLEL_FROM = 200;

/** How a run audits: in this thread, or in worker threads with a reader thread ahead of them. */
interface AuditSession {
  sets: RuleSets;
  rules: readonly Rule[];
  /** This thread's auditor (daemon.json, profiles, command lines; everything with one job). */
  auditor: Auditor;
  settings: RunSettings;
  /** The Dockerfiles read ahead, chunk by chunk (with ShellCheck's facts). */
  chunk: (k: number) => Promise<ReadEntry[]>;
  chunkSize: number;
  pool: WorkerPool | null;
  reader: WorkerPool | null;
  close(): Promise<void>;
}

/** Starts the audit of what discovery found before the build map is made: the rules, the
 *  reader of the Dockerfiles (ShellCheck runs ahead in the background) and, for a large batch
 *  with more than one job, the worker threads. */
async function startAudit(found: Discovery, p: LintPlan, args: ParsedArgs, io: IO): Promise<AuditSession> {
  const sets: RuleSets = {
    compose: found.composeGroups.length > 0,
    run: p.runLines && found.commandFiles.length > 0,
    daemon: found.daemonConfigs.length > 0,
    profile: found.profiles.length > 0,
  };
  const rules = await lintRules(sets);
  const settings: RunSettings = { cwd: io.cwd, today: today(), auditContext: p.auditContext, shellcheck: p.shellcheck, inspectImages: p.inspectImages };
  const auditor = makeAuditor(settings, p.loader, rules, () => found.parsed);
  const tasks = found.dockerfiles.length + found.composeGroups.length;
  const { jobs, explicit } = p.jobs;
  const parallel = jobs > 1 && !p.fix && !p.fixDryRun && !p.stdin && tasks >= (explicit ? 2 : PARALLEL_FROM);
  if (!parallel) {
    // each Dockerfile is read once, here (the build map leaves its guesses to the audits)
    const ahead = new ReadAhead(found.dockerfiles, (f) => (p.stdinInput?.abs === f ? { text: p.stdinInput.text } : readTextFileSync(f)), async (f) => {
      const config = await p.loader.forDir(path.dirname(f));
      return ignoredBySearch(f, found.searched, config) ? null : auditor.optsFor(config);
    }, auditor.shellcheckCache);
    return { sets, rules, auditor, settings, chunk: (k) => ahead.chunk(k), chunkSize: ahead.chunkSize, pool: null, reader: null, close: () => Promise.resolve() };
  }
  const { WorkerPool } = await import('./workers.js');
  const setup: LintWorkerSetup = { args, env: io.env, buildArgs: p.buildArgs, sets, settings, allSources: keepsAllSources(p.format, p.baseline !== null) };
  const reader = new WorkerPool(1, setup);
  const pool = new WorkerPool(Math.min(jobs, tasks), setup);
  const close = async () => { await Promise.all([reader.close(), pool.close()]); };
  try {
    const chunkSize = 48;
    const count = await reader.run<number>('files', { files: found.dockerfiles, searched: [...found.searched], chunkSize });
    // asked for ahead: the reader starts now, and ShellCheck runs while this thread makes the build map
    const asked = new Map<number, Promise<ReadEntry[]>>();
    const ask = (k: number) => {
      if (k >= count || asked.has(k)) return;
      const c = reader.run<ReadEntry[]>('chunk', k);
      c.catch(() => undefined); // awaited when its turn comes
      asked.set(k, c);
    };
    ask(0);
    const chunk = (k: number): Promise<ReadEntry[]> => {
      ask(k);
      ask(k + 1);
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- ask(k) has just set it: k < count, a chunk of the files
      const c = asked.get(k)!;
      asked.delete(k);
      return c;
    };
    return { sets, rules, auditor, settings, chunk, chunkSize, pool, reader, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** ShellCheck over the Dockerfiles the compose services build, in one batch for the whole run
 *  (instead of one process per Dockerfile audit). The Dockerfiles are audited again in the
 *  compose audit (and reported once): in one thread the facts and the assembled projects wait in
 *  the auditor's cache for the compose audits; with worker threads, every worker gets the facts
 *  the reader thread has and those of the services' Dockerfiles (the projects assembled here are
 *  dropped with the temporary cache). */
async function prefetchComposeScripts(groups: readonly { group: string[]; config: ResolvedConfig }[], texts: Map<string, string> | undefined, p: LintPlan, session: AuditSession): Promise<void> {
  const { auditor, pool, reader } = session;
  const compose = p.shellcheck ? await loadCompose() : null;
  const projects = (cache: DigestKeyedCache) => groups.map(({ group, config }) => [group, { ...auditor.optsFor(config), shellcheckCache: cache, ...(texts ? { texts } : {}) }] as const);
  if (!pool || !reader) {
    if (compose) await compose.prefetchComposeBuilds(projects(auditor.shellcheckCache));
    return;
  }
  const facts = new DigestKeyedCache();
  for (const [digest, f] of await reader.run<[string, unknown][]>('allFacts', null)) facts.setDigest(digest, f);
  if (compose) await compose.prefetchComposeBuilds(projects(facts));
  await pool.broadcast('facts', facts.digests());
}

/** Audits what discovery found: every Dockerfile (fixing it first with --fix), then every compose
 *  project (with the Dockerfiles its services build, each reported once). With worker threads
 *  the results are merged in the same order, so the report is the same byte for byte. */
async function auditFound(found: Discovery, p: LintPlan, io: IO, session: AuditSession): Promise<Audited> {
  const { rules, auditor, pool } = session;
  const out: Audited = { results: [], failOnOf: new Map(), sources: {}, fixed: {}, outcomes: [], diffs: [], rules, project: projectReport(found, io.cwd) };
  const allSources = keepsAllSources(p.format, p.baseline !== null);
  const keep = (rel: string, text: string) => { if (keepsSource(allSources, text)) out.sources[rel] = text; };
  const optsFor = (config: ResolvedConfig) => auditor.optsFor(config);

  for (const e of found.errors) {
    if (e.error === COMMANDS_ONLY) continue; // decided after the command files are read
    out.results.push(errorResult(relativePath(io.cwd, e.path), e.error));
  }
  const audited = new Set<string>();
  // results are taken in input order; with workers, a few tasks per worker are in flight
  const window = pool ? pool.size * 4 : 1;
  const queue: Promise<() => void>[] = [];
  const enqueue = (p: Promise<() => void>) => {
    p.catch(() => undefined); // thrown when its turn comes (the first error in input order wins)
    queue.push(p);
  };
  const drain = async (upTo: number) => {
    while (queue.length > upTo) {
      const next = queue.shift();
      if (next === undefined) break; // not reached: the queue is longer than upTo
      (await next)();
    }
  };
  let chunk: ReadEntry[] = [];
  let chunkAt = -1;
  for (let i = 0; i < found.dockerfiles.length; i++) {
    const file = found.dockerfiles[i];
    const k = Math.floor(i / session.chunkSize);
    if (k !== chunkAt) {
      chunk = await session.chunk(k);
      chunkAt = k;
    }
    const entry = chunk[i - k * session.chunkSize];
    const config = await p.loader.forDir(path.dirname(file));
    if (ignoredBySearch(file, found.searched, config) || !entry.read) continue;
    const rel = relativePath(io.cwd, file);
    audited.add(targetKey({ kind: 'dockerfile', path: rel }));
    const read = entry.read;
    if ('error' in read) {
      enqueue(Promise.resolve(() => { out.results.push(errorResult(rel, read.error)); }));
      await drain(window);
      continue;
    }
    let text = read.text;
    if (p.fix || p.fixDryRun) text = await fixFile(file, rel, text, optsFor(config), p, out);
    const project = found.projectOf.get(file);
    const relInProject = path.relative(project?.root ?? path.dirname(file), file).split(path.sep).join('/');
    if (project?.map?.unguessed?.has(relInProject)) await guessAtAudit(project, project.map, relInProject, file, read.text, found);
    const task: DockerfileTask = {
      file, text, relInProject,
      variants: variantsOf(file, project, p, found).map(({ info, noImage }) => (noImage ? { info, noImage } : { info })),
      builds: project?.map ? buildsOf(project.map, relInProject) : null,
      ...(entry.shellcheck ? { shellcheck: entry.shellcheck } : {}),
    };
    const results = pool ? pool.run<TargetResult[]>('dockerfile', task) : auditDockerfileTask(task, auditor);
    enqueue(results.then((rs) => () => {
      releaseParses(found.parsed, file);
      keep(rel, text);
      for (const result of rs) {
        out.results.push(result);
        out.failOnOf.set(result, config.failOn);
      }
    }));
    await drain(window - 1);
    // let ShellCheck's processes and the reads ahead go on between audits in this thread
    if (!pool) await new Promise((resolve) => setImmediate(resolve));
  }
  await drain(0);
  for (const file of found.daemonConfigs) {
    const config = await p.loader.forDir(path.dirname(file));
    if (ignoredBySearch(file, found.searched, config)) continue;
    const { auditDaemonFile } = await import('../targets/daemon/audit.js');
    for (const r of await auditDaemonFile(file, optsFor(config))) {
      const key = targetKey(r.target);
      if (audited.has(key)) continue;
      audited.add(key);
      out.results.push(r);
      out.failOnOf.set(r, config.failOn);
    }
    const t = await readTextFile(file, 4 * 1024 * 1024);
    if ('text' in t) keep(relativePath(io.cwd, file), t.text);
  }
  for (const file of found.profiles) {
    const config = await p.loader.forDir(path.dirname(file));
    const { loadSeccompProfile } = await import('../targets/profile/load.js');
    const { auditProfile } = await import('../targets/profile/audit.js');
    const model = loadSeccompProfile(file, io.cwd);
    const r = auditProfile(model, optsFor(config));
    const key = targetKey(r.target);
    if (audited.has(key)) continue;
    audited.add(key);
    out.results.push(r);
    out.failOnOf.set(r, config.failOn);
    if (model.text !== null) keep(model.path, model.text);
  }
  if (found.composeGroups.length) {
    const texts = p.stdinInput ? new Map([[p.stdinInput.abs, p.stdinInput.text]]) : undefined;
    const groups: { group: string[]; config: ResolvedConfig }[] = [];
    for (const group of found.composeGroups) {
      const config = await p.loader.forDir(path.dirname(group[0]));
      if (!group.every((f) => ignoredBySearch(f, found.searched, config))) groups.push({ group, config });
    }
    await prefetchComposeScripts(groups, texts, p, session);
    for (const { group, config } of groups) {
      const task: ComposeTask = { group, ...(texts ? { texts } : {}) };
      const done = pool ? pool.run<ComposeOutput>('compose', task) : auditComposeTask(task, auditor, session.settings, allSources);
      enqueue(done.then((o) => () => {
        for (const r of o.results) {
          const key = targetKey(r.target);
          if (audited.has(key)) continue;
          audited.add(key);
          out.results.push(r);
          out.failOnOf.set(r, config.failOn);
        }
        for (const [rel, text] of o.sources) if (text !== null && !(rel in out.sources)) out.sources[rel] = text;
      }));
      await drain(window - 1);
    }
    await drain(0);
  }
  const withRunLines = new Set<string>();
  if (session.sets.run) {
    const { loadRunFile, maskedText, runResults } = await import('../targets/run/audit.js');
    for (const file of found.commandFiles) {
      const config = await p.loader.forDir(path.dirname(file));
      if (ignoredBySearch(file, found.searched, config)) continue;
      const model = loadRunFile(file, io.cwd);
      const rel = relativePath(io.cwd, file);
      if ('loadError' in model) {
        // a file found by searching that cannot be read is not ours to complain about
        if (!found.searched.has(file)) out.results.push({ target: { kind: 'run', path: rel }, level: null, missingForNextLevel: [], findings: [], error: model.loadError });
        continue;
      }
      const results = runResults(model, optsFor(config));
      if (results.length) {
        withRunLines.add(file);
        keep(rel, maskedText(model));
      }
      for (const r of results) {
        out.results.push(r);
        out.failOnOf.set(r, config.failOn);
      }
    }
  }
  for (const e of found.errors) {
    if (e.error !== COMMANDS_ONLY) continue;
    if ([...withRunLines].some((f) => f.startsWith(e.path + path.sep))) continue;
    out.results.push(errorResult(relativePath(io.cwd, e.path), p.runLines ? 'no Dockerfile, compose file or container command line found in this directory' : 'no Dockerfile or compose file found in this directory'));
  }
  const notice = shellcheckNotice(auditor.shellcheckCache)
    ?? (session.reader ? await session.reader.run<string | null>('notice', null) : null)
    ?? (pool ? (await pool.broadcast<string | null>('notice', null)).find((n) => n !== null) ?? null : null);
  if (notice) io.stderr(`tightship: info: ${notice}\n`);
  return out;
}

/** Formats and writes the report; returns the exit code. */
async function report(a: Audited, p: LintPlan, io: IO, policy: import('../engine/policy.js').PolicyOutcome | null = null, baseline: BaselineReport | null = null): Promise<number> {
  const notFixed = a.outcomes.filter((o) => o.status === 'not fixed');
  if (p.fixDryRun) {
    // the diff is the output (as `git diff`): exit 1 when a file would change
    io.stdout(a.diffs.join(''));
    for (const o of a.outcomes) io.stderr(`tightship: ${o.status}: ${terminalText(o.path)}: ${o.count} problem(s)${o.reason ? ` (${o.reason})` : ''}\n`);
    if (a.outcomes.length === 0) io.stderr('tightship: nothing to fix\n');
    return a.results.some((r) => r.error) ? 2 : a.outcomes.length ? 1 : 0;
  }
  const entries: CatalogueEntry[] = [...a.rules, ...tightshipRules, ...(policy || a.results.some((r) => r.findings.some((f) => f.ruleId.startsWith('scan/'))) ? (await import('../rules/scan/index.js')).scanRules : [])];
  // the formats that say pass or fail (junit) fail exactly what the exit code counts
  const failOnByTarget = new Map<string, ResolvedConfig['failOn']>();
  for (const [r, f] of a.failOnOf) failOnByTarget.set(failOnKey(r.target), f);
  const shown = filterForDisplay(a.results, p.severity);
  const meta: ReportMeta = {
    toolVersion: VERSION, rules: entries, sources: a.sources, color: p.color, fixed: a.fixed, buildArgs: p.buildArgs, project: a.project,
    failOn: (t) => failOnByTarget.get(failOnKey(t)) ?? 'error',
    display: { severity: p.severity, quiet: p.quiet, belowSeverity: shown.hidden, ...(baseline ? { baseline: { file: baseline.file, hidden: baseline.hidden } } : {}) },
    ...(policy ? { policy } : {}),
  };
  // written a target path at a time (streaming formats): no whole report text is ever held
  const pieces = (await loadReport(p.format))(shown.results, meta);
  if (p.outputPath) {
    await writePiecesAtomic(p.outputPath, pieces);
    const n = shown.results.reduce((s, r) => s + r.findings.length, 0);
    io.stderr(`tightship: wrote ${p.format} report of ${a.results.length} target(s), ${n} finding(s) to ${relativePath(io.cwd, p.outputPath)}\n`);
  } else {
    await writePiecesToStdout(pieces, io);
  }
  if (p.fix) {
    // every file's outcome; the pretty report lists the fixes themselves
    for (const o of a.outcomes) {
      if (o.status === 'fixed' && p.format === 'pretty' && !p.outputPath) continue;
      io.stderr(o.status === 'fixed' ? `tightship: fixed ${o.count} problem(s) in ${terminalText(o.path)}\n` : `tightship: not fixed: ${terminalText(o.path)}: ${o.reason}\n`);
    }
  }
  // by target, not by result object: the baseline step hands back new results
  const code = exitCode(a.results, (r) => a.failOnOf.get(r) ?? failOnByTarget.get(failOnKey(r.target)) ?? 'error');
  return notFixed.length ? 2 : code;
}

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, SPECS, 'lint');
  if (flagSet(args, 'help')) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  if (flagSet(args, 'fix') && flagSet(args, 'fix-dry-run')) throw new UserError('--fix and --fix-dry-run exclude each other', 'use --fix-dry-run to see the diff, --fix to write it');
  if (args.positional.length === 0) {
    throw new UserError('no path given', "run 'tightship lint PATH...' with a Dockerfile, compose file or directory (e.g. 'tightship lint .')");
  }
  const p = await plan(args, io);
  const req = policyRequest(args);
  const cwdConfig = await p.loader.forDir(io.cwd);
  const { defaultPolicy, applyPolicy, withPolicy } = await import('../targets/scan/apply.js');
  defaultPolicy(req, cwdConfig); // an unknown --policy fails before any work
  const found = p.stdin ? await stdinFound(p, p.stdin, io) : await discover(args.positional, io.cwd, io.env);
  if (p.exclude) applyExcludes(found, p.exclude);
  p.loader.knowFiles(knownFiles(found.projects));
  checkPairing(p, found);
  useLintShellcheckCache(args, io);
  let session: AuditSession | undefined;
  let audited: Audited;
  try {
    session = await startAudit(found, p, args, io);
    // a guess is made by the audit from its own parse (one parse per Dockerfile); from standard
    // input, the file's guess stays the disk's, made up front
    await buildMaps(found, (dir) => p.loader.forDir(dir), !p.stdin);
    const inputs = [...found.dockerfiles, ...found.composeGroups.flat()];
    if (p.outputPath) await assertNotAnInput(p.outputPath, inputs);
    if (p.baseline?.write) await assertNotAnInput(p.baseline.abs, inputs, '--write-baseline');
    audited = await auditFound(found, p, io, session);
  } finally {
    await session?.close();
    endLintShellcheckCache();
  }
  const gated = await applyPolicy(audited.results, req, { cwd: io.cwd, config: cwdConfig, now: new Date().toISOString() });
  audited.results = gated.results;
  const baseline = p.baseline ? await baselineStep(audited, p.baseline, io) : null;
  return withPolicy(await report(audited, p, io, gated.outcome, baseline), gated.outcome);
}

/** `lint -`: standard input as the one file of the run. Named, it is left out like the file it
 *  names would be (config ignore:, --exclude), and listed as skipped. */
async function stdinFound(p: LintPlan, stdin: NonNullable<LintPlan['stdin']>, io: IO): Promise<Discovery> {
  const input = await readStdin(io, stdin.kind, stdin.filename);
  p.stdinInput = input;
  // an unnamed text (or one named in a folder that does not exist) has no context to audit
  // unless --context names one
  if ((!input.named || !existsSync(path.dirname(input.abs))) && p.contextDirs.length === 0) p.auditContext = false;
  const found = discoverStdin(input.abs, input.kind, input.named, io.cwd);
  if (input.named && isIgnoredPath(input.abs, await p.loader.forDir(path.dirname(input.abs)))) {
    found.dockerfiles = [];
    found.composeGroups = [];
    found.skipped.push({ path: input.abs, reason: 'matched by ignore: in the config' });
  }
  return found;
}

function failOnKey(t: TargetResult['target']): string {
  return `${targetKey(t)}\u0000${t.context ?? ''}\u0000${t.stage ?? ''}\u0000${t.line ?? ''}`;
}
