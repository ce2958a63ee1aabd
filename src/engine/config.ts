// Configuration: defaults < .tightship.yaml (found upward from each target, or --config) <
// TIGHTSHIP_* environment < command-line flags. The YAML parser and ajv are loaded only when a
// config file exists, so a plain lint stays fast.
import { compileGlob } from './glob.js';
import { constants as fsConstants, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig, RuleSetting } from './config-types.js';
import { defaultConfig } from './config-types.js';
import { UserError, type Severity } from './types.js';
import type { CatalogueEntry } from './catalogue.js';
import { didYouMean } from './did-you-mean.js';
import { baseConfigSchema, POLICY_KEYS, SCAN_GATE_KEYS, TOP_LEVEL_KEYS } from './config-schema.js';
import { BUILTIN_POLICIES } from './policy.js';

export const CONFIG_FILE_NAMES = ['.tightship.yaml', '.tightship.yml'];
/** Read when no .tightship.yaml is found (hadolint-config.ts, loaded only then, translates them). */
export const HADOLINT_CONFIG_FILE_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;

/** Settings from the command line (the top layer). */
export interface ConfigOverrides {
  failOn?: ResolvedConfig['failOn'];
  inlineIgnores?: boolean;
  buildArgs?: Record<string, string>;
}

export interface ConfigLoaderOptions {
  /** --config PATH (absolute); when given, it applies to every target and no search happens. */
  explicitPath?: string;
  env: Record<string, string | undefined>;
  overrides: ConfigOverrides;
  /** Every rule (for unknown-id checks and options); a function to load it only when a config file exists. */
  catalogue: readonly CatalogueEntry[] | (() => Promise<readonly CatalogueEntry[]>);
}

/** What a caller already knows of folders it listed, so that the lookup need not ask the disk:
 *  true when `name` is a regular file in the absolute folder `dir`, false when nothing of that
 *  name is there, undefined when the caller does not know (the disk is asked). */
export type KnownFiles = (dir: string, name: string) => boolean | undefined;

export interface ConfigLoader {
  /** The configuration for a target in this (absolute) folder. */
  forDir(dir: string): Promise<ResolvedConfig>;
  /** Lookups from now on ask `known` first (lint gives it the project trees discovery walked). */
  knowFiles(known: KnownFiles): void;
}

export function parseFailOn(value: string, origin: string): ResolvedConfig['failOn'] {
  if ((FAIL_ON as readonly string[]).includes(value)) return value as ResolvedConfig['failOn'];
  throw new UserError(`${origin}: '${value}' is not a severity`, `use one of ${FAIL_ON.join(', ')}`);
}

/** The env layer: TIGHTSHIP_FAIL_ON, TIGHTSHIP_NO_INLINE_IGNORES (TIGHTSHIP_FORMAT is read by
 *  the commands' options, src/commands/options.ts). An empty (or blank) variable is unset. */
export function envOverrides(env: Record<string, string | undefined>): ConfigOverrides {
  const out: ConfigOverrides = {};
  const failOn = env.TIGHTSHIP_FAIL_ON?.trim();
  if (failOn) out.failOn = parseFailOn(failOn, 'TIGHTSHIP_FAIL_ON');
  const noIgnores = env.TIGHTSHIP_NO_INLINE_IGNORES?.trim().toLowerCase();
  if (noIgnores && !['0', 'false', 'no', ''].includes(noIgnores)) out.inlineIgnores = false;
  return out;
}

export function createConfigLoader(opts: ConfigLoaderOptions): ConfigLoader {
  const env = envOverrides(opts.env);
  const byFile = new Map<string, Promise<ResolvedConfig>>();

  const layered = (file: string | null): Promise<ResolvedConfig> => {
    const key = file ?? '';
    let p = byFile.get(key);
    if (!p) {
      const entries = async () => (typeof opts.catalogue === 'function' ? opts.catalogue() : opts.catalogue);
      const hadolint = file === HADOLINT_ENV || (file !== null && HADOLINT_CONFIG_FILE_NAMES.includes(path.basename(file)));
      p = (hadolint ? entries().then((c) => loadHadolintConfig(file === HADOLINT_ENV ? null : file, c, opts.env))
        : file ? entries().then((c) => loadConfigFile(file, c)) : Promise.resolve(defaultConfig())).then((base) => {
        const c: ResolvedConfig = { ...base, rules: { ...base.rules }, buildArgs: { ...base.buildArgs } };
        for (const layer of [env, opts.overrides]) {
          if (layer.failOn !== undefined) c.failOn = layer.failOn;
          if (layer.inlineIgnores !== undefined) c.inlineIgnores = layer.inlineIgnores;
          if (layer.buildArgs) Object.assign(c.buildArgs, layer.buildArgs);
        }
        return c;
      });
      byFile.set(key, p);
    }
    return p;
  };

  // the folder → the config file in force there, found by one walk up shared by every folder on
  // the way (a thousand files in a hundred folders ask each folder once)
  const tightshipIn = new Map<string, string | null>();
  const hadolintIn = new Map<string, string | null>();
  let knownFiles: KnownFiles | undefined;
  const findUp = (start: string, names: readonly string[], known: Map<string, string | null>): string | null => {
    const walked: string[] = [];
    let found: string | null = null;
    for (let dir = start; ;) {
      const cached = known.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      walked.push(dir);
      const here = fileIn(dir, names, knownFiles);
      if (here !== null) {
        found = here;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of walked) known.set(d, found);
    return found;
  };
  // the HADOLINT_* variables are read once: the environment does not change during a run
  let hadolintEnv: boolean | undefined;
  const byDir = new Map<string, Promise<ResolvedConfig>>();

  return {
    knowFiles(known) {
      knownFiles = known;
    },
    forDir(dir) {
      if (opts.explicitPath) return layered(opts.explicitPath);
      let p = byDir.get(dir);
      if (!p) {
        const abs = path.resolve(dir);
        // no .tightship.yaml: a hadolint setup (.hadolint.yaml upward, or HADOLINT_* variables) is read instead
        hadolintEnv ??= Object.keys(opts.env).some((k) => /^HADOLINT_(?!FORMAT$|VERBOSE$)/.test(k) && opts.env[k] !== undefined);
        p = layered(findUp(abs, CONFIG_FILE_NAMES, tightshipIn) ?? findUp(abs, HADOLINT_CONFIG_FILE_NAMES, hadolintIn) ?? (hadolintEnv ? HADOLINT_ENV : null));
        byDir.set(dir, p);
      }
      return p;
    },
  };
}

/** The first of `names` that is a file (or a link to one) in `dir`, as an absolute path. */
function fileIn(dir: string, names: readonly string[], known?: KnownFiles): string | null {
  for (const name of names) {
    const candidate = path.join(dir, name);
    const said = known?.(dir, name);
    if (said === false) continue;
    if (said === true) return candidate;
    try {
      // no Stats object is made for the usual "no such file"
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    } catch { /* not there as far as a lookup is concerned (a folder that cannot be searched, a loop) */ }
  }
  return null;
}

/** Stands for "HADOLINT_* variables, no file" in the loader's cache. */
const HADOLINT_ENV = '\0hadolint-env';

/** A .hadolint.yaml (or the HADOLINT_* variables alone) as the configuration; its notes become
 *  the config's `notice`, one line saying which settings were honoured. */
async function loadHadolintConfig(file: string | null, catalogue: readonly CatalogueEntry[], env: Record<string, string | undefined>): Promise<ResolvedConfig> {
  let text: string | null = null;
  if (file) {
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      throw new UserError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'check the hadolint config file');
    }
  }
  const h = await import('./hadolint-config.js');
  const t = h.translateHadolintConfig({ yaml: text, file: file ?? undefined, env, rules: catalogue });
  const config = h.hadolintResolvedConfig(t, file);
  config.notice = h.summarizeNotes(file ?? 'HADOLINT_* variables', t.notes);
  return config;
}

type AjvLike = { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: AjvError[] | null } };
interface AjvError { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }

let ajvInstance: Promise<AjvLike> | null = null;
async function ajv(): Promise<AjvLike> {
  ajvInstance ??= import('ajv').then((m) => {
    const Ajv = (m.default as unknown as { default?: unknown }).default ?? m.default;
    return new (Ajv as new (o: object) => AjvLike)({ allErrors: true, strict: false });
  });
  return ajvInstance;
}

type Validator = ReturnType<AjvLike['compile']>;
let baseValidator: Validator | null = null;
const optionValidators = new Map<string, Validator>();

/** A config file is a few kilobytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** The yaml library's budget of nodes reached through aliases (its default of 100 refuses a
 *  config that reuses one anchor 150 times). */
const MAX_CONFIG_ALIAS_EXPANSION = 100_000;

/** Reads, parses and validates one config file; returns defaults overlaid with the file. */
export async function loadConfigFile(file: string, catalogue: readonly CatalogueEntry[]): Promise<ResolvedConfig> {
  const shown = file;
  let text: string;
  try {
    // non-blocking open, then fstat: a FIFO must not block, a device must not be read forever
    const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      if (st.isDirectory()) throw new UserError(`config ${shown} is a directory`, 'pass the path of a .tightship.yaml file');
      if (!st.isFile()) throw new UserError(`config ${shown} is not a regular file (${st.isFIFO() ? 'a named pipe' : 'a device or socket'}): not read`, 'pass the path of a .tightship.yaml file');
      const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
      let n = 0;
      for (let got; n < buf.length && (got = (await handle.read(buf, n, buf.length - n, null)).bytesRead) > 0;) n += got;
      if (n > MAX_CONFIG_BYTES) throw new UserError(`config ${shown} is larger than ${MAX_CONFIG_BYTES / 1048576} MB: not a config file?`, 'pass the path of a .tightship.yaml file');
      text = buf.subarray(0, n).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read config ${shown}: ${code === 'ENOENT' ? 'no such file' : code ?? String(err)}`,
      'check the --config path');
  }
  const YAML = await import('yaml');
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UserError(`invalid YAML in ${shown}${line ? ` at line ${line}` : ''}: ${message}`,
      'fix the YAML syntax of the config file');
  }
  let data: unknown;
  try {
    // an anchor may be reused freely; only an expansion that explodes (an alias bomb) is refused
    data = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIAS_EXPANSION }) ?? {};
  } catch (err) {
    throw new UserError(`YAML aliases in ${shown} expand too much (an alias bomb?): ${(err as Error).message.split('\n')[0]}`,
      'write the settings out instead of nesting aliases');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError(`${shown} must be a mapping of settings`, `allowed keys: ${TOP_LEVEL_KEYS.join(', ')}`);
  }
  baseValidator ??= (await ajv()).compile(baseConfigSchema());
  const validate = baseValidator;
  if (!validate(data)) throw schemaError(shown, validate.errors ?? []);

  const raw = data as {
    failOn?: ResolvedConfig['failOn']; inlineIgnores?: boolean; buildArgs?: Record<string, unknown>;
    ignore?: string[]; builds?: unknown[]; rules?: Record<string, string | RuleSetting>;
    policies?: ResolvedConfig['policies']; policyPaths?: Record<string, string>;
  };
  const config = defaultConfig();
  config.source = file;
  config.baseDir = path.dirname(file);
  if (raw.failOn !== undefined) config.failOn = raw.failOn;
  if (raw.inlineIgnores !== undefined) config.inlineIgnores = raw.inlineIgnores;
  if (raw.buildArgs) for (const [k, v] of Object.entries(raw.buildArgs)) config.buildArgs[k] = String(v);
  if (raw.ignore) config.ignore = raw.ignore;
  if (raw.builds) config.builds = raw.builds;
  if (raw.policies) config.policies = raw.policies;
  if (raw.policyPaths) {
    const known = [...new Set([...Object.keys(BUILTIN_POLICIES), ...Object.keys(raw.policies ?? {})])];
    for (const [glob, name] of Object.entries(raw.policyPaths)) {
      if (known.includes(name)) continue;
      const guess = didYouMean(name, known);
      throw new UserError(`unknown policy '${name}' for policyPaths '${glob}' in ${shown}${guess ? ` (did you mean '${guess}'?)` : ''}`,
        `known policies: ${known.sort().join(', ')}`);
    }
    config.policyPaths = raw.policyPaths;
  }
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const rule = byId.get(id);
    if (!rule) {
      const guess = didYouMean(id, byId.keys());
      throw new UserError(`unknown rule '${id}' in ${shown}${guess ? ` (did you mean '${guess}'?)` : ''}`,
        "run 'tightship rules' for the list of rule ids");
    }
    const s: RuleSetting = typeof setting === 'string' ? { severity: setting as Severity | 'off' } : { ...setting };
    if (s.options !== undefined) {
      if (!rule.options) {
        throw new UserError(`rule '${id}' takes no options (in ${shown})`, `remove 'options' from rules.${id}`);
      }
      const merged = { ...(rule.options.defaults as object), ...s.options };
      let check = optionValidators.get(id);
      if (!check) {
        check = (await ajv()).compile(rule.options.schema);
        optionValidators.set(id, check);
      }
      if (!check(merged)) {
        const e = check.errors?.[0];
        const where = e?.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '';
        const detail = e?.keyword === 'additionalProperties'
          ? `unknown option '${String(e.params.additionalProperty)}'`
          : `${where ? `option '${where}' ` : ''}${e?.message ?? 'is invalid'}${e?.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`;
        throw new UserError(`invalid options for rule '${id}' in ${shown}: ${detail}`,
          `see docs/rules/${id}.md for the options and their defaults`);
      }
    }
    config.rules[id] = s;
  }
  return config;
}

function schemaError(file: string, errors: AjvError[]): UserError {
  // Prefer the most telling error: unknown keys first, then the deepest one.
  const unknown = errors.find((e) => e.keyword === 'additionalProperties' && e.instancePath === '');
  if (unknown) {
    const key = String(unknown.params.additionalProperty);
    const guess = didYouMean(key, TOP_LEVEL_KEYS.filter((k) => k !== '$schema'));
    return new UserError(`unknown key '${key}' in ${file}${guess ? ` (did you mean '${guess}'?)` : ''}`,
      `allowed keys: ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')}`);
  }
  const badName = errors.find((e) => e.keyword === 'propertyNames' || e.keyword === 'pattern');
  if (badName && badName.instancePath.startsWith('/rules')) {
    const property = badName.params.propertyName;
    const name = typeof property === 'string' ? property : String(badName.instancePath.split('/').pop());
    return new UserError(`'${name}' in ${file} is not a rule id`, "rule ids look like 'dockerfile/last-user-root'; run 'tightship rules'");
  }
  const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  const where = e.instancePath.slice(1).split('/').join('.') || '(top level)';
  if (e.instancePath.startsWith('/rules/')) {
    const id = e.instancePath.split('/')[2].replace(/~1/g, '/');
    const nested = e.keyword === 'additionalProperties' ? ` (unknown key '${String(e.params.additionalProperty)}')` : '';
    return new UserError(`invalid setting for rule '${id}' in ${file}${nested}`,
      `use off | error | warning | info, or { severity: …, options: { … } }`);
  }
  if (e.instancePath.startsWith('/policies/') && e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const keys: readonly string[] = e.instancePath.endsWith('/scan') ? SCAN_GATE_KEYS : POLICY_KEYS;
    const guess = didYouMean(key, keys);
    return new UserError(`unknown key '${key}' in ${where} in ${file}${guess ? ` (did you mean '${guess}'?)` : ''}`, `allowed keys: ${keys.join(', ')}`);
  }
  const allowed = e.keyword === 'enum' ? ` (one of ${(e.params.allowedValues as unknown[]).join(', ')})` : '';
  return new UserError(`${where} in ${file} ${e.message ?? 'is invalid'}${allowed}`, 'see docs/configuration.md');
}

/** A glob of the config (`ignore:`, `policyPaths:`; gitignore-like: `*` and `?` within a name,
 *  `**` across folders as a whole segment, a trailing `/` for a folder, no `/` but a trailing one
 *  for any depth) matched against relative POSIX paths. A path under a matched folder matches too.
 *  Compiled to the non-backtracking automaton of glob.ts: linear in the path for any pattern (the
 *  RegExp it used to be backtracked exponentially on `*a*a*a…b` against a long name). */
export function compileConfigGlob(glob: string): { test(rel: string): boolean } {
  let g = glob.trim().replace(/^\.\//, '');
  const anchored = g.startsWith('/') || g.slice(0, -1).includes('/');
  g = g.replace(/^\//, '').replace(/\/$/, '/**');
  // [ and \ are literal in config globs, classes and escapes in the automaton's dialect
  g = g.replace(/[[\\]/g, '\\$&');
  const prefix = anchored ? '' : '**/';
  const whole = compileGlob(`${prefix}${g}`, 'dockerignore');
  const under = compileGlob(`${prefix}${g}/**`, 'dockerignore');
  return { test: (rel) => whole.test(rel) || under.test(rel) };
}

/** true when a path (absolute) is matched by the config's ignore globs. */
export function isIgnoredPath(absPath: string, config: ResolvedConfig): boolean {
  if (!config.ignore?.length || !config.baseDir) return false;
  const rel = path.relative(config.baseDir, absPath).split(path.sep).join('/');
  if (rel.startsWith('..')) return false;
  let globs = ignoreGlobs.get(config);
  if (!globs) {
    globs = config.ignore.map(compileConfigGlob);
    ignoreGlobs.set(config, globs);
  }
  return globs.some((g) => g.test(rel));
}

/** Each config's `ignore:` globs, compiled once (a run asks for every file it finds). */
const ignoreGlobs = new WeakMap<ResolvedConfig, { test(rel: string): boolean }[]>();
