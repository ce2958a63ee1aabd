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
import { createConfigLoader, isIgnoredPath, parseFailOn, type ConfigOverrides } from '../engine/config.js';
import { auditDockerfileText, errorResult, isMissingModule, readTextFile, relativePath } from '../targets/dockerfile/audit.js';
import { fixUntilStable, type AppliedFix } from '../engine/fix.js';
import { FORMAT_NAMES, isFormat, loadFormatter } from '../report/load.js';
import { VERSION } from '../main.js';
import { flagSet, flagValue, flagValues, parseArgs, type FlagSpec } from './args.js';
import { useColor, writeFileAtomic } from './output.js';

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
      --no-inline-ignores ignore '# tightship ignore=…' and hadolint pragmas
                                                                      [env TIGHTSHIP_NO_INLINE_IGNORES=1]
      --fix               apply safe fixes to the files (written atomically), then report
      --debug             print stack traces of internal errors
  -h, --help              show this help

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error (also when a
file could not be audited).
`;

const SPECS: Record<string, FlagSpec> = {
  format: { value: true, alias: 'f' },
  output: { value: true, alias: 'o' },
  'fail-on': { value: true },
  'build-arg': { value: true, repeat: true },
  config: { value: true, alias: 'c' },
  context: { value: true },
  'no-context': {},
  'no-inline-ignores': {},
  fix: {},
  help: { alias: 'h' },
};

/** Skipped while searching directories. */
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export function isDockerfileName(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith('.dockerignore')) return false;
  return n === 'dockerfile' || n.endsWith('.dockerfile') || n.startsWith('dockerfile.');
}

const YAML_NAME = /\.ya?ml$/i;

interface Discovery {
  dockerfiles: string[];
  /** Compose projects: absolute paths, base file first. */
  composeGroups: string[][];
  /** Paths that could not be used, with the reason. */
  errors: { path: string; error: string }[];
  /** Files found by searching (subject to the config's ignore globs), as opposed to named. */
  searched: Set<string>;
}

type ComposeModule = typeof import('../targets/compose/audit.js');

async function loadCompose(): Promise<ComposeModule | null> {
  try {
    return await import('../targets/compose/audit.js');
  } catch (err) {
    if (isMissingModule(err, 'compose/audit')) return null;
    throw err;
  }
}

async function walk(dir: string, found: { dockerfiles: string[]; yaml: string[] }): Promise<void> {
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
      if (!SKIP_DIRS.has(e.name)) await walk(p, found);
    } else if (e.isFile() || e.isSymbolicLink()) {
      if (isDockerfileName(e.name)) found.dockerfiles.push(p);
      else if (YAML_NAME.test(e.name)) found.yaml.push(p);
    }
  }
}

async function discover(paths: string[], cwd: string): Promise<Discovery> {
  const d: Discovery = { dockerfiles: [], composeGroups: [], errors: [], searched: new Set() };
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
      const found = { dockerfiles: [] as string[], yaml: [] as string[] };
      await walk(abs, found);
      found.dockerfiles.forEach((f) => d.searched.add(f));
      found.yaml.forEach((f) => d.searched.add(f));
      d.dockerfiles.push(...found.dockerfiles);
      searchedYaml.push(...found.yaml);
      if (found.dockerfiles.length === 0 && found.yaml.length === 0) {
        d.errors.push({ path: abs, error: 'no Dockerfile or compose file found in this directory' });
      } else if (found.dockerfiles.length === 0) {
        // only YAML: decided below once we know which are compose files
        d.errors.push({ path: abs, error: '\u0000pending' });
      }
    } else if (YAML_NAME.test(abs)) {
      explicitCompose.push(abs);
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
    if (!found) e.error = 'no Dockerfile or compose file found in this directory';
    return !found;
  });
  d.dockerfiles = [...new Set(d.dockerfiles)];
  return d;
}

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

export async function run(argv: string[], io: IO): Promise<number> {
  const args = parseArgs(argv, SPECS, 'lint');
  if (flagSet(args, 'help')) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  if (args.positional.length === 0) {
    throw new UserError('no path given', "run 'tightship lint PATH...' with a Dockerfile, compose file or directory (e.g. 'tightship lint .')");
  }
  const formatFlag = flagValue(args, 'format');
  const format = formatFlag ?? (io.env.TIGHTSHIP_FORMAT?.trim() || 'pretty');
  if (!isFormat(format)) {
    throw new UserError(`unknown format '${format}'${formatFlag === undefined ? ' (from TIGHTSHIP_FORMAT)' : ''}`, `use one of ${FORMAT_NAMES.join(', ')}`);
  }

  const overrides: ConfigOverrides = {};
  const failOnFlag = flagValue(args, 'fail-on');
  if (failOnFlag !== undefined) overrides.failOn = parseFailOn(failOnFlag, '--fail-on');
  if (flagSet(args, 'no-inline-ignores')) overrides.inlineIgnores = false;
  const buildArgs = parseBuildArgs(flagValues(args, 'build-arg'));
  if (Object.keys(buildArgs).length) overrides.buildArgs = buildArgs;

  // Only the registries a run needs are loaded (a Dockerfile lint never loads the image,
  // container or compose rules); the whole catalogue only when a config file must be checked.
  let rules: readonly Rule[] = [...dockerfileRules, ...contextRules];
  const configFlag = flagValue(args, 'config');
  const loader = createConfigLoader({
    explicitPath: configFlag ? path.resolve(io.cwd, configFlag) : undefined,
    env: io.env,
    overrides,
    catalogue: async () => (await import('../engine/catalogue.js')).catalogue(),
  });
  await loader.forDir(io.cwd); // a broken explicit config fails before any work

  let contextDir: string | undefined;
  const contextFlag = flagValue(args, 'context');
  if (contextFlag !== undefined) {
    contextDir = path.resolve(io.cwd, contextFlag);
    const st = await fs.stat(contextDir).catch(() => null);
    if (!st?.isDirectory()) throw new UserError(`build context ${contextFlag} is not a directory`, 'give --context an existing folder');
  }
  const outputFlag = flagValue(args, 'output');
  const outputPath = outputFlag !== undefined ? path.resolve(io.cwd, outputFlag) : undefined;
  if (outputPath) {
    const st = await fs.stat(outputPath).catch(() => null);
    if (st?.isDirectory()) throw new UserError(`--output ${outputFlag} is a directory; refusing to overwrite it`, 'give a file path');
    const parent = await fs.stat(path.dirname(outputPath)).catch(() => null);
    if (!parent?.isDirectory()) throw new UserError(`--output ${outputFlag}: folder ${path.dirname(outputFlag!)} does not exist`, 'create the folder first');
  }

  const found = await discover(args.positional, io.cwd);
  if (found.composeGroups.length) rules = [...rules, ...(await import('../rules/compose/index.js')).composeRules];
  const date = today();
  const results: TargetResult[] = [];
  const failOnOf = new Map<TargetResult, ResolvedConfig['failOn']>();
  const sources: Record<string, string> = {};
  const fixed: Record<string, AppliedFix[]> = {};
  const fix = flagSet(args, 'fix');
  const optsFor = (config: ResolvedConfig): AuditOptions => {
    const o: AuditOptions = { cwd: io.cwd, config, rules, today: date, auditContext: !flagSet(args, 'no-context') };
    if (contextDir) o.contextDir = contextDir;
    return o;
  };

  for (const e of found.errors) {
    const r = errorResult(relativePath(io.cwd, e.path), e.error);
    results.push(r);
  }
  const audited = new Set<string>();
  for (const file of found.dockerfiles) {
    const config = await loader.forDir(path.dirname(file));
    if (found.searched.has(file) && isIgnoredPath(file, config)) continue;
    const rel = relativePath(io.cwd, file);
    audited.add(targetKey({ kind: 'dockerfile', path: rel }));
    const read = await readTextFile(file);
    if ('error' in read) {
      results.push(errorResult(rel, read.error));
      continue;
    }
    const opts = optsFor(config);
    let text = read.text;
    if (fix) {
      const outcome = await fixUntilStable(text, async (t) =>
        (await auditDockerfileText(t, file, { ...opts, auditContext: false })).result.findings.filter((f) => f.location.path === rel));
      if (outcome.text !== text) {
        await writeFileAtomic(file, outcome.text);
        fixed[rel] = outcome.applied;
        text = outcome.text;
      }
    }
    const { result } = await auditDockerfileText(text, file, opts);
    sources[rel] = text;
    results.push(result);
    failOnOf.set(result, config.failOn);
  }
  if (found.composeGroups.length) {
    const compose = await loadCompose();
    for (const group of found.composeGroups) {
      const config = await loader.forDir(path.dirname(group[0]!));
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
        results.push(r);
        failOnOf.set(r, config.failOn);
      }
      for (const f of group) {
        const rel = relativePath(io.cwd, f);
        if (sources[rel] === undefined) {
          const t = await readTextFile(f, 16 * 1024 * 1024);
          if ('text' in t) sources[rel] = t.text;
        }
      }
    }
  }

  const color = outputPath ? false : useColor(io.isTTY, io.env);
  const entries: CatalogueEntry[] = [...rules, ...tightshipRules];
  const meta = { toolVersion: VERSION, rules: entries, sources, color, fixed };
  const report = (await loadFormatter(format))(results, meta);
  if (outputPath) {
    await writeFileAtomic(outputPath, report);
    const n = results.reduce((s, r) => s + r.findings.length, 0);
    io.stderr(`tightship: wrote ${format} report of ${results.length} target(s), ${n} finding(s) to ${relativePath(io.cwd, outputPath)}\n`);
  } else {
    io.stdout(report);
  }
  if (fix && format !== 'pretty') {
    for (const [p, list] of Object.entries(fixed).sort()) io.stderr(`tightship: fixed ${list.length} problem(s) in ${p}\n`);
  }

  return exitCode(results, (r) => failOnOf.get(r) ?? 'error');
}
