// The flags and environment variables that lint, image and verify share, read one way:
//   -f/--format  [TIGHTSHIP_FORMAT]      -o/--output      --fail-on [TIGHTSHIP_FAIL_ON]
//   -c/--config  --no-inline-ignores [TIGHTSHIP_NO_INLINE_IGNORES]   -h/--help
//   --color / --no-color [FORCE_COLOR, NO_COLOR]   -q/--quiet   --severity LEVEL
//   --ignore-rule ID (repeatable)
// A flag beats its variable; an empty (or blank) variable counts as unset. (--debug is read by
// main for every command.)
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../io.js';
import { UserError } from '../engine/types.js';
import type { ResolvedConfig } from '../engine/config-types.js';
import { createConfigLoader, parseFailOn, type ConfigLoader, type ConfigOverrides } from '../engine/config.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { formatNames, isFormat, loadFormatter } from '../report/load.js';
import type { Formatter } from '../report/common.js';
import { flagSet, flagValue, flagValues, type FlagSpec, type ParsedArgs } from './args.js';
import { didYouMean } from '../engine/did-you-mean.js';
import type { Severity, TargetResult } from '../engine/types.js';
import { SEVERITY_RANK } from '../engine/types.js';
import { useColor } from './output.js';

export type SharedFlag = 'format' | 'output' | 'fail-on' | 'config' | 'no-inline-ignores' | 'help'
  | 'color' | 'no-color' | 'quiet' | 'severity' | 'ignore-rule';

const SHARED: Record<SharedFlag, FlagSpec> = {
  format: { value: true, alias: 'f' },
  output: { value: true, alias: 'o' },
  'fail-on': { value: true },
  config: { value: true, alias: 'c' },
  'no-inline-ignores': {},
  help: { alias: 'h' },
  color: {},
  'no-color': {},
  quiet: { alias: 'q' },
  severity: { value: true },
  'ignore-rule': { value: true, repeat: true },
};

/** The help lines of the display flags (--color, --no-color, --quiet, --severity, --ignore-rule). */
export const DISPLAY_USAGE = `      --color, --no-color colour in the pretty report (default: on a terminal only;
                          FORCE_COLOR=1 / NO_COLOR=1 do the same)
  -q, --quiet             show errors only (as --severity error); the exit code still follows --fail-on
      --severity LEVEL    show findings at or above LEVEL: error | warning | info (default). A display
                          filter: --fail-on still counts every finding
      --ignore-rule ID    turn a rule off for this run (repeatable): a tightship id, or a hadolint,
                          Trivy, … id its rules are equivalent to (DL3008)
`;

/** The specs of the shared flags a command offers, to merge with its own. */
export function sharedSpecs(...names: SharedFlag[]): Record<string, FlagSpec> {
  return Object.fromEntries(names.map((n) => [n, SHARED[n]]));
}

/** The value of an environment variable, or undefined when it is unset, empty or blank. */
export function envValue(env: IO['env'], name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** --format, else TIGHTSHIP_FORMAT, else pretty; one the command offers. */
export function resolveFormat(args: ParsedArgs, io: IO, command: string): string {
  const flag = flagValue(args, 'format');
  const format = flag ?? envValue(io.env, 'TIGHTSHIP_FORMAT') ?? 'pretty';
  if (!isFormat(format, command)) {
    throw new UserError(`unknown format '${format}'${flag === undefined ? ' (from TIGHTSHIP_FORMAT)' : ''}`, `use one of ${formatNames(command).join(', ')}`);
  }
  return format;
}

export async function resolveFormatter(format: string): Promise<Formatter> {
  return loadFormatter(format);
}

/** --output as an absolute path, checked before any work: not a folder, its folder exists. */
export async function resolveOutput(args: ParsedArgs, io: IO): Promise<string | undefined> {
  const flag = flagValue(args, 'output');
  if (flag === undefined) return undefined;
  const out = path.resolve(io.cwd, flag);
  const st = await fs.stat(out).catch(() => null);
  if (st?.isDirectory()) throw new UserError(`--output ${flag} is a directory; refusing to overwrite it`, 'give a file path');
  const parent = await fs.stat(path.dirname(out)).catch(() => null);
  if (!parent?.isDirectory()) throw new UserError(`--output ${flag}: folder ${path.dirname(flag)} does not exist`, 'create the folder first');
  return out;
}

/** The flag layer of the config: --fail-on, --no-inline-ignores (when the command offers them). */
export function flagOverrides(args: ParsedArgs): ConfigOverrides {
  const overrides: ConfigOverrides = {};
  const failOn = flagValue(args, 'fail-on');
  if (failOn !== undefined) overrides.failOn = parseFailOn(failOn, '--fail-on');
  if (flagSet(args, 'no-inline-ignores')) overrides.inlineIgnores = false;
  return overrides;
}

/** The config loader of a run: --config (or a search for .tightship.yaml) < env < flags. */
export function configLoader(
  args: ParsedArgs, io: IO, catalogue: readonly CatalogueEntry[] | (() => Promise<readonly CatalogueEntry[]>), extra: ConfigOverrides = {},
): ConfigLoader {
  const configFlag = flagValue(args, 'config');
  return createConfigLoader({
    explicitPath: configFlag ? path.resolve(io.cwd, configFlag) : undefined,
    env: io.env,
    overrides: { ...flagOverrides(args), ...extra },
    catalogue,
  });
}

/** The config of the working folder (image and verify have one target, no folders to search). */
export async function loadConfig(args: ParsedArgs, io: IO, catalogue: readonly CatalogueEntry[]): Promise<ResolvedConfig> {
  return configLoader(args, io, catalogue).forDir(io.cwd);
}

// ── Policy by environment: --require-level LEVEL, --policy NAME, --scan-report FILE (repeatable)
export const POLICY_SPECS: Record<string, FlagSpec> = {
  'require-level': { value: true },
  policy: { value: true },
  'scan-report': { value: true, repeat: true },
};

export const POLICY_USAGE = `      --require-level L   exit 1 when a target is below L: nonroot | hardened (an ungraded target is below)
      --policy NAME       hold the targets to a policy: dev | staging | prod | regulated, or one of .tightship.yaml
      --scan-report FILE  a vulnerability scan of the image: Trivy JSON, Grype JSON or SARIF (repeatable)
`;

/** The policy flags as a request for targets/scan/apply.ts (checked before any work). */
export function policyRequest(args: ParsedArgs): import('../targets/scan/apply.js').PolicyRequest {
  const level = flagValue(args, 'require-level');
  if (level !== undefined && level !== 'nonroot' && level !== 'hardened') {
    const guess = didYouMean(level, ['nonroot', 'hardened']);
    throw new UserError(`--require-level '${level}' is not a level${guess ? ` (did you mean '${guess}'?)` : ''}`, 'use --require-level nonroot or --require-level hardened');
  }
  const req: import('../targets/scan/apply.js').PolicyRequest = { scanReports: flagValues(args, 'scan-report') };
  if (level !== undefined) req.requireLevel = level;
  const policy = flagValue(args, 'policy');
  if (policy !== undefined) req.policy = policy;
  return req;
}

// ── Display: colour, --quiet, --severity
/** Colour of the pretty report: --color / --no-color, else (stdout only, never a file) FORCE_COLOR,
 *  NO_COLOR, then whether stdout is a terminal. */
export function resolveColor(args: ParsedArgs, io: IO, outputPath: string | undefined): boolean {
  const on = flagSet(args, 'color');
  const off = flagSet(args, 'no-color');
  if (on && off) throw new UserError('--color and --no-color exclude each other', 'give one of them');
  if (on) return true;
  if (off) return false;
  return outputPath ? false : useColor(io.isTTY, io.env);
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The lowest severity shown: --severity, or error with --quiet, else info (everything). */
export function displaySeverity(args: ParsedArgs): Severity {
  const flag = flagValue(args, 'severity');
  const quiet = flagSet(args, 'quiet');
  if (flag === undefined) return quiet ? 'error' : 'info';
  if (!(SEVERITIES as readonly string[]).includes(flag)) {
    const guess = didYouMean(flag, SEVERITIES);
    throw new UserError(`--severity '${flag}' is not a severity${guess ? ` (did you mean '${guess}'?)` : ''}`, 'use --severity error, warning or info');
  }
  if (quiet && flag !== 'error') throw new UserError(`--quiet shows errors only; it contradicts --severity ${flag}`, 'give one of them');
  return flag as Severity;
}

/** The results as shown: findings below the display severity left out (counted, for the summary).
 *  Levels, exit codes and baselines see every finding; this is presentation only. */
export function filterForDisplay(results: readonly TargetResult[], min: Severity): { results: TargetResult[]; hidden: number } {
  if (min === 'info') return { results: [...results], hidden: 0 };
  let hidden = 0;
  const out = results.map((r) => {
    const findings = r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min]);
    hidden += r.findings.length - findings.length;
    return findings.length === r.findings.length ? r : { ...r, findings };
  });
  return { results: out, hidden };
}

// ── --ignore-rule ID
/** The rules --ignore-rule turns off: each id a rule id, or an id of another tool the catalogue
 *  lists as an equivalent (every rule equivalent to it). An unknown id is a usage error. */
export function ignoredRules(ids: readonly string[], catalogue: readonly CatalogueEntry[]): string[] {
  const out = new Set<string>();
  const known = new Set(catalogue.map((r) => r.id));
  for (const id of ids) {
    if (known.has(id)) { out.add(id); continue; }
    const equivalent = catalogue.filter((r) => Object.values(r.equivalents).some((list: readonly string[] | undefined) => list?.includes(id)));
    if (equivalent.length) { equivalent.forEach((r) => out.add(r.id)); continue; }
    const guess = didYouMean(id, known);
    throw new UserError(`--ignore-rule: unknown rule '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}`, "run 'tightship rules' for the list of rule ids");
  }
  return [...out].sort();
}

/** The config with these rules off (the flag layer, above the file). */
export function withIgnoredRules(config: ResolvedConfig, off: readonly string[]): ResolvedConfig {
  if (off.length === 0) return config;
  return { ...config, rules: { ...config.rules, ...Object.fromEntries(off.map((id) => [id, { ...config.rules[id], severity: 'off' as const }])) } };
}

/** A config loader whose every config has these rules off (the flag layer, above the file). */
export function withRulesOff(loader: ConfigLoader, off: readonly string[]): ConfigLoader {
  if (off.length === 0) return loader;
  const cache = new WeakMap<ResolvedConfig, ResolvedConfig>();
  return {
    knowFiles: (known) => { loader.knowFiles(known); },
    async forDir(dir) {
      const base = await loader.forDir(dir);
      let c = cache.get(base);
      if (!c) {
        c = withIgnoredRules(base, off);
        cache.set(base, c);
      }
      return c;
    },
  };
}
