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
      --build-arg K=V     value of a Dockerfile ARG (repeatable)
  -c, --config FILE       use this config file instead of searching for .tightship.yaml
      --context DIR       build context for the Dockerfiles (default: each Dockerfile's folder)
      --no-context        do not audit the build context
      --inspect-images    read the user, healthcheck and ports of compose services' images
                          from the local Docker engine (services that build no image)
      --no-inline-ignores ignore '# tightship ignore=…' and hadolint pragmas
                                                                      [env TIGHTSHIP_NO_INLINE_IGNORES=1]
      --fix               apply safe fixes to the files (written atomically), then report
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
  'inspect-images': {},
  fix: {},
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
  /** --inspect-images: compose services' images are inspected in the local engine. */
  inspectImages: boolean;
  /** --build-arg values (secret-named ones are redacted in the report). */
  buildArgs: Record<string, string>;
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
  return { format, outputPath, loader, contextDir, auditContext: !flagSet(args, 'no-context'), fix: flagSet(args, 'fix'), inspectImages: flagSet(args, 'inspect-images'), buildArgs };
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
  const catalogue: CatalogueEntry[] = [...rules, ...tightshipRules];
  const date = today();
  const out: Audited = { results: [], failOnOf: new Map(), sources: {}, fixed: {}, rules };
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
        groupResults = compose ? await compose.auditCompose(group, { ...optsFor(config), inspectImages: p.inspectImages }) : [];
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
  const found = await discover(args.positional, io.cwd);
  return report(await auditFound(found, p, io), p, io);
}
