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
import { fixUntilStable, type AppliedFix } from '../engine/fix.js';
import { loadFormatter } from '../report/load.js';
import { VERSION } from '../version.js';
import { flagSet, flagValue, flagValues, parseArgs, type FlagSpec, type ParsedArgs } from './args.js';
import { useColor, writeFileAtomic } from './output.js';
import { configLoader, POLICY_SPECS, POLICY_USAGE, policyRequest, resolveFormat, resolveOutput, sharedSpecs } from './options.js';
import { COMMANDS_ONLY, discover, loadCompose, type Discovery } from './discover.js';

export const LINT_USAGE = `Usage: tightship lint PATH... [options]

Audits Dockerfiles (Dockerfile, *.Dockerfile, Dockerfile.*), their build contexts, compose
files, and the container command lines (docker run, docker create, podman run, nerdctl run,
docker service create) written in shell scripts, Makefiles, CI workflows, package.json scripts,
systemd units and Markdown. A directory is searched recursively (.git and node_modules are skipped).

Options:
  -f, --format FORMAT     pretty (default) | json | sarif | github   [env TIGHTSHIP_FORMAT]
  -o, --output FILE       write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY  exit 1 on findings at or above: error (default) | warning | info | none
                                                                      [env TIGHTSHIP_FAIL_ON]
      --build-arg K=V     value of a Dockerfile ARG (repeatable)
  -c, --config FILE       use this config file instead of searching for .tightship.yaml
      --context DIR       build context for the Dockerfiles (default: each Dockerfile's folder)
      --no-context        do not audit the build context
      --no-run-lines      do not audit container command lines (docker run …) [env TIGHTSHIP_NO_RUN_LINES=1]
      --no-inline-ignores ignore '# tightship ignore=…' and hadolint pragmas
                                                                      [env TIGHTSHIP_NO_INLINE_IGNORES=1]
      --fix               apply safe fixes to the files (written atomically), then report
${POLICY_USAGE}      --debug             print stack traces of internal errors
  -h, --help              show this help

Exit codes: 0 clean, 1 findings at or above --fail-on or a policy not met, 2 usage or input
error (also when a file could not be audited).
`;

const SPECS: Record<string, FlagSpec> = {
  ...sharedSpecs('format', 'output', 'fail-on', 'config', 'no-inline-ignores', 'help'),
  'build-arg': { value: true, repeat: true },
  context: { value: true },
  'no-context': {},
  'no-run-lines': {},
  fix: {},
  ...POLICY_SPECS,
};

function parseBuildArgs(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UserError(`--build-arg '${v}' is not NAME=VALUE`, 'write --build-arg NAME=VALUE');
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
  /** --build-arg values (secret-named ones are redacted in the report). */
  buildArgs: Record<string, string>;
  /** Audit the container command lines found in scripts, Makefiles, CI, Markdown… */
  runLines: boolean;
}

async function plan(args: ParsedArgs, io: IO): Promise<LintPlan> {
  const format = resolveFormat(args, io, 'lint');
  const buildArgs = parseBuildArgs(flagValues(args, 'build-arg'));
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
  const noRun = flagSet(args, 'no-run-lines') || /^(1|true|yes)$/i.test(io.env.TIGHTSHIP_NO_RUN_LINES?.trim() ?? '');
  return { format, outputPath, loader, contextDir, auditContext: !flagSet(args, 'no-context'), fix: flagSet(args, 'fix'), runLines: !noRun, buildArgs };
}

/** What the audit of a lint run produced, for the report. */
interface Audited {
  results: TargetResult[];
  failOnOf: Map<TargetResult, ResolvedConfig['failOn']>;
  sources: Record<string, string>;
  fixed: Record<string, AppliedFix[]>;
  rules: readonly Rule[];
}

/** Audits what discovery found: every Dockerfile (fixing it first with --fix), then every compose
 *  project (with the Dockerfiles its services build, each reported once). */
async function auditFound(found: Discovery, p: LintPlan, io: IO): Promise<Audited> {
  // Only the registries a run needs are loaded (a Dockerfile lint never loads the image,
  // container or compose rules).
  let rules: readonly Rule[] = [...dockerfileRules, ...contextRules];
  if (found.composeGroups.length) rules = [...rules, ...(await import('../rules/compose/index.js')).composeRules];
  const runLines = p.runLines && found.commandFiles.length > 0;
  if (runLines) rules = [...rules, ...(await import('../rules/run/index.js')).runRules];
  const catalogue: CatalogueEntry[] = [...rules, ...tightshipRules];
  const date = today();
  const out: Audited = { results: [], failOnOf: new Map(), sources: {}, fixed: {}, rules };
  const optsFor = (config: ResolvedConfig): AuditOptions => {
    const o: AuditOptions = { cwd: io.cwd, config, rules, catalogue, today: date, auditContext: p.auditContext };
    if (p.contextDir) o.contextDir = p.contextDir;
    return o;
  };

  for (const e of found.errors) {
    if (e.error === COMMANDS_ONLY) continue; // decided after the command files are read
    out.results.push(errorResult(relativePath(io.cwd, e.path), e.error));
  }
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
    if (p.fix) {
      const outcome = await fixUntilStable(text, async (t) =>
        (await auditDockerfileText(t, file, { ...opts, auditContext: false })).result.findings.filter((f) => f.location.path === rel));
      if (outcome.text !== text) {
        await writeFileAtomic(file, outcome.text);
        out.fixed[rel] = outcome.applied;
        text = outcome.text;
      }
    }
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
  const withRunLines = new Set<string>();
  if (runLines) {
    const { loadRunFile, maskedText, runResults } = await import('../targets/run/audit.js');
    for (const file of found.commandFiles) {
      const config = await p.loader.forDir(path.dirname(file));
      if (found.searched.has(file) && isIgnoredPath(file, config)) continue;
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
        out.sources[rel] = maskedText(model);
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
  return out;
}

/** Formats and writes the report; returns the exit code. */
async function report(a: Audited, p: LintPlan, io: IO, policy: import('../engine/policy.js').PolicyOutcome | null = null): Promise<number> {
  const color = p.outputPath ? false : useColor(io.isTTY, io.env);
  const entries: CatalogueEntry[] = [...a.rules, ...tightshipRules, ...(policy || a.results.some((r) => r.findings.some((f) => f.ruleId.startsWith('scan/'))) ? (await import('../rules/scan/index.js')).scanRules : [])];
  const meta = { toolVersion: VERSION, rules: entries, sources: a.sources, color, fixed: a.fixed, buildArgs: p.buildArgs, ...(policy ? { policy } : {}) };
  const text = (await loadFormatter(p.format))(a.results, meta);
  if (p.outputPath) {
    await writeFileAtomic(p.outputPath, text);
    const n = a.results.reduce((s, r) => s + r.findings.length, 0);
    io.stderr(`tightship: wrote ${p.format} report of ${a.results.length} target(s), ${n} finding(s) to ${relativePath(io.cwd, p.outputPath)}\n`);
  } else {
    io.stdout(text);
  }
  if (p.fix && p.format !== 'pretty') {
    for (const [file, list] of Object.entries(a.fixed).sort()) io.stderr(`tightship: fixed ${list.length} problem(s) in ${file}\n`);
  }
  return exitCode(a.results, (r) => a.failOnOf.get(r) ?? 'error');
}

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, SPECS, 'lint');
  if (flagSet(args, 'help')) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  if (args.positional.length === 0) {
    throw new UserError('no path given', "run 'tightship lint PATH...' with a Dockerfile, compose file or directory (e.g. 'tightship lint .')");
  }
  const p = await plan(args, io);
  const req = policyRequest(args);
  const cwdConfig = await p.loader.forDir(io.cwd);
  const { defaultPolicy, applyPolicy, withPolicy } = await import('../targets/scan/apply.js');
  defaultPolicy(req, cwdConfig); // an unknown --policy fails before any work
  const found = await discover(args.positional, io.cwd);
  const audited = await auditFound(found, p, io);
  const gated = await applyPolicy(audited.results, req, { cwd: io.cwd, config: cwdConfig, now: new Date().toISOString() });
  audited.results = gated.results;
  return withPolicy(await report(audited, p, io, gated.outcome), gated.outcome);
}
