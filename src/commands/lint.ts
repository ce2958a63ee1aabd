// `tightship lint PATH...`: find Dockerfiles and compose files, audit each (one bad file never
// aborts the batch), apply safe fixes with --fix, format, write, and return the exit code.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../io.js';
import type { TargetResult, Rule } from '../engine/types.js';
import { UserError } from '../engine/types.js';
import type { ResolvedConfig } from '../engine/config-types.js';
import type { AuditOptions } from '../engine/audit-types.js';
import { exitCode } from '../engine/run.js';
import { dockerfileRules } from '../rules/dockerfile/index.js';
import { contextRules } from '../rules/context/index.js';
import { tightshipRules } from '../rules/tightship/index.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { isIgnoredPath, type ConfigLoader } from '../engine/config.js';
import { auditDockerfileText, errorResult, readTextFile, relativePath } from '../targets/dockerfile/audit.js';
import { fixUntilStable, unifiedDiff, type AppliedFix } from '../engine/fix.js';
import { loadFormatter } from '../report/load.js';
import { VERSION } from '../version.js';
import { flagSet, flagValue, flagValues, parseArgs, type FlagSpec, type ParsedArgs } from './args.js';
import { assertNotAnInput, readForFix, useColor, writeFileAtomic, writeFixed } from './output.js';
import { configLoader, resolveFormat, resolveOutput, sharedSpecs } from './options.js';
import { discover, loadCompose, type Discovery } from './discover.js';

export const LINT_USAGE = `Usage: tightship lint PATH... [options]

Audits Dockerfiles (Dockerfile, *.Dockerfile, Dockerfile.*), their build contexts and compose
files. A directory is searched recursively (.git and node_modules are skipped).

Options:
  -f, --format FORMAT     pretty (default) | json | sarif | github   [env TIGHTSHIP_FORMAT]
  -o, --output FILE       write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY  exit 1 on findings at or above: error (default) | warning | info | none
                                                                      [env TIGHTSHIP_FAIL_ON]
      --build-arg K=V     value of a Dockerfile ARG (repeatable); --build-arg K alone takes the
                          value from the environment as docker does (unset there: the ARG stays unset)
  -c, --config FILE       use this config file instead of searching for .tightship.yaml
      --context DIR       build context for the Dockerfiles (default: each Dockerfile's folder)
      --no-context        do not audit the build context
      --no-inline-ignores ignore '# tightship ignore=…' and hadolint pragmas
                                                                      [env TIGHTSHIP_NO_INLINE_IGNORES=1]
      --fix               apply safe fixes to the files, then report. A symbolic link's target is
                          edited; mode, owner, hard links, BOM and line endings are kept; a
                          read-only file or one changed during the run is not written (exit 2,
                          the other files are still fixed). Suggestions are never applied.
      --fix-dry-run       print the fixes as a unified diff and write nothing (exit 1 when a
                          file would change)
      --debug             print stack traces of internal errors
  -h, --help              show this help

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error (also when a
file could not be audited).
`;

const SPECS: Record<string, FlagSpec> = {
  ...sharedSpecs('format', 'output', 'fail-on', 'config', 'no-inline-ignores', 'help'),
  'build-arg': { value: true, repeat: true },
  context: { value: true },
  'no-context': {},
  fix: {},
  'fix-dry-run': {},
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
  contextDir: string | undefined;
  auditContext: boolean;
  fix: boolean;
  /** --fix-dry-run: the diff of the fixes, nothing written. */
  fixDryRun: boolean;
  /** --build-arg values (secret-named ones are redacted in the report). */
  buildArgs: Record<string, string>;
}

async function plan(args: ParsedArgs, io: IO): Promise<LintPlan> {
  const format = resolveFormat(args, io, 'lint');
  const buildArgs = parseBuildArgs(flagValues(args, 'build-arg'), io.env);
  // the whole catalogue only when a config file must be checked
  const loader = configLoader(args, io, async () => (await import('../rules/index.js')).catalogue(),
    Object.keys(buildArgs).length ? { buildArgs } : {});
  await loader.forDir(io.cwd); // a broken explicit config fails before any work

  let contextDir: string | undefined;
  const contextFlag = flagValue(args, 'context');
  if (contextFlag !== undefined) {
    contextDir = path.resolve(io.cwd, contextFlag);
    const st = await fs.stat(contextDir).catch(() => null);
    if (!st?.isDirectory()) throw new UserError(`build context ${contextFlag} is not a directory`, 'give --context an existing folder');
  }
  const outputPath = await resolveOutput(args, io);
  return { format, outputPath, loader, contextDir, auditContext: !flagSet(args, 'no-context'), fix: flagSet(args, 'fix'), fixDryRun: flagSet(args, 'fix-dry-run'), buildArgs };
}

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

/** Audits what discovery found: every Dockerfile (fixing it first with --fix), then every compose
 *  project (with the Dockerfiles its services build, each reported once). */
async function auditFound(found: Discovery, p: LintPlan, io: IO): Promise<Audited> {
  // Only the registries a run needs are loaded (a Dockerfile lint never loads the image,
  // container or compose rules).
  let rules: readonly Rule[] = [...dockerfileRules, ...contextRules];
  if (found.composeGroups.length) rules = [...rules, ...(await import('../rules/compose/index.js')).composeRules];
  const catalogue: CatalogueEntry[] = [...rules, ...tightshipRules];
  const date = today();
  const out: Audited = { results: [], failOnOf: new Map(), sources: {}, fixed: {}, outcomes: [], diffs: [], rules };
  const optsFor = (config: ResolvedConfig): AuditOptions => {
    const o: AuditOptions = { cwd: io.cwd, config, rules, catalogue, today: date, auditContext: p.auditContext };
    if (p.contextDir) o.contextDir = p.contextDir;
    return o;
  };

  for (const e of found.errors) out.results.push(errorResult(relativePath(io.cwd, e.path), e.error));
  const audited = new Set<string>();
  for (const file of found.dockerfiles) {
    const config = await p.loader.forDir(path.dirname(file));
    if (found.searched.has(file) && isIgnoredPath(file, config)) continue;
    const rel = relativePath(io.cwd, file);
    audited.add(targetKey({ kind: 'dockerfile', path: rel }));
    const read = await readTextFile(file);
    if ('error' in read) {
      out.results.push(errorResult(rel, read.error));
      continue;
    }
    const opts = optsFor(config);
    let text = read.text;
    if (p.fix || p.fixDryRun) text = await fixFile(file, rel, text, opts, p, out);
    const { result } = await auditDockerfileText(text, file, opts);
    out.sources[rel] = text;
    out.results.push(result);
    out.failOnOf.set(result, config.failOn);
  }
  if (found.composeGroups.length) {
    const compose = await loadCompose();
    for (const group of found.composeGroups) {
      const config = await p.loader.forDir(path.dirname(group[0]!));
      if (group.every((f) => found.searched.has(f) && isIgnoredPath(f, config))) continue;
      let groupResults: TargetResult[];
      try {
        groupResults = compose ? await compose.auditCompose(group, optsFor(config)) : [];
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        groupResults = [{ target: { kind: 'compose', path: relativePath(io.cwd, group[0]!) }, level: null, missingForNextLevel: [], findings: [], error: err.message }];
      }
      for (const r of groupResults) {
        const key = targetKey(r.target);
        if (audited.has(key)) continue;
        audited.add(key);
        out.results.push(r);
        out.failOnOf.set(r, config.failOn);
      }
      for (const f of group) {
        const rel = relativePath(io.cwd, f);
        if (out.sources[rel] === undefined) {
          const t = await readTextFile(f, 16 * 1024 * 1024);
          if ('text' in t) out.sources[rel] = t.text;
        }
      }
    }
  }
  return out;
}

/** Formats and writes the report; returns the exit code. */
async function report(a: Audited, p: LintPlan, io: IO): Promise<number> {
  const notFixed = a.outcomes.filter((o) => o.status === 'not fixed');
  if (p.fixDryRun) {
    // the diff is the output (as `git diff`): exit 1 when a file would change
    io.stdout(a.diffs.join(''));
    for (const o of a.outcomes) io.stderr(`tightship: ${o.status}: ${o.path}: ${o.count} problem(s)${o.reason ? ` (${o.reason})` : ''}\n`);
    if (a.outcomes.length === 0) io.stderr('tightship: nothing to fix\n');
    return a.results.some((r) => r.error) ? 2 : a.outcomes.length ? 1 : 0;
  }
  const color = p.outputPath ? false : useColor(io.isTTY, io.env);
  const entries: CatalogueEntry[] = [...a.rules, ...tightshipRules];
  const meta = { toolVersion: VERSION, rules: entries, sources: a.sources, color, fixed: a.fixed, buildArgs: p.buildArgs };
  const text = (await loadFormatter(p.format))(a.results, meta);
  if (p.outputPath) {
    await writeFileAtomic(p.outputPath, text);
    const n = a.results.reduce((s, r) => s + r.findings.length, 0);
    io.stderr(`tightship: wrote ${p.format} report of ${a.results.length} target(s), ${n} finding(s) to ${relativePath(io.cwd, p.outputPath)}\n`);
  } else {
    io.stdout(text);
  }
  if (p.fix) {
    // every file's outcome; the pretty report lists the fixes themselves
    for (const o of a.outcomes) {
      if (o.status === 'fixed' && p.format === 'pretty' && !p.outputPath) continue;
      io.stderr(o.status === 'fixed' ? `tightship: fixed ${o.count} problem(s) in ${o.path}\n` : `tightship: not fixed: ${o.path}: ${o.reason}\n`);
    }
  }
  const code = exitCode(a.results, (r) => a.failOnOf.get(r) ?? 'error');
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
  const found = await discover(args.positional, io.cwd);
  if (p.outputPath) await assertNotAnInput(p.outputPath, [...found.dockerfiles, ...found.composeGroups.flat()]);
  return report(await auditFound(found, p, io), p, io);
}
