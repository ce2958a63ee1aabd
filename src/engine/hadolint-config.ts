// hadolint's configuration (.hadolint.yaml and HADOLINT_* variables) as a tightship configuration.
// Pure: text and environment in, a config object (the shape of .tightship.yaml) and notes out — one
// note per setting, saying whether it was honoured, honoured in part, or has no equivalent yet.
// DL ids are mapped to rules through the rules' `equivalents.hadolint`.
import { dirname } from 'node:path';
import { parseDocument } from 'yaml';
import { UserError, type Severity } from './types.js';
import { defaultConfig, type ResolvedConfig } from './config-types.js';

export const HADOLINT_CONFIG_FILE_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/** What the translator needs of a rule. */
export interface HadolintRuleInfo {
  id: string;
  /** Only Dockerfile rules (and the engine's tightship/* rules) take hadolint settings: an image or
   *  container rule that names a DL id keeps its own configuration. */
  target: string;
  equivalents?: { hadolint?: string[] };
  options?: { defaults: unknown };
}

/** The config object written as .tightship.yaml (the keys the schema allows). */
export interface TightshipConfigData {
  failOn?: Severity | 'none';
  inlineIgnores?: boolean;
  rules?: Record<string, Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> }>;
}

export type NoteStatus = 'honoured' | 'partial' | 'no-equivalent' | 'not-a-lint-setting';

export interface HadolintNote {
  /** The hadolint key (`override.warning`, `ignored`) or variable (HADOLINT_IGNORE). */
  key: string;
  status: NoteStatus;
  message: string;
}

export interface HadolintTranslation {
  config: TightshipConfigData;
  notes: HadolintNote[];
}

export interface TranslateInput {
  /** The text of .hadolint.yaml, or null when there is no file (variables only). */
  yaml: string | null;
  /** For messages: the file the text came from. */
  file?: string;
  env: Record<string, string | undefined>;
  rules: readonly HadolintRuleInfo[];
}

const SEVERITY_OF: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const RANK: Record<Severity | 'off', number> = { off: 0, info: 1, warning: 2, error: 3 };
const TRUTHY = ['1', 'y', 'on', 'true', 'yes'];
const SHELLCHECK_RULE = 'dockerfile/shellcheck';
const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];
const KNOWN_KEYS = ['failure-threshold', 'format', 'ignored', 'label-schema', 'no-color', 'no-fail', 'override',
  'strict-labels', 'disable-ignore-pragma', 'trustedRegistries', 'verbose'];

interface Settings {
  ignored: { id: string; from: string }[];
  override: { id: string; severity: string; from: string }[];
  failureThreshold?: { value: string; from: string };
  noFail?: { value: boolean; from: string };
  disablePragma?: { value: boolean; from: string };
  strictLabels?: { value: boolean; from: string };
  trusted?: { value: string[]; from: string };
  labelSchema?: { value: Record<string, string>; from: string };
  other: { key: string; from: string }[];
}

function fail(where: string, message: string): never {
  throw new UserError(`${where}: ${message}`, 'see hadolint\'s README for the configuration keys');
}

function stringList(v: unknown, where: string): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
  if (v === null || v === undefined) return [];
  return fail(where, 'must be a list of strings');
}

function bool(v: unknown, where: string): boolean {
  if (typeof v === 'boolean') return v;
  return fail(where, 'must be true or false');
}

function readFile(text: string, file: string, s: Settings): void {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    fail(`invalid YAML in ${file}${line ? ` at line ${line}` : ''}`, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail(file, 'must be a mapping of settings');
  for (const [key, v] of Object.entries(data as Record<string, unknown>)) {
    const where = `${key} in ${file}`;
    switch (key) {
      case 'ignored':
        for (const id of stringList(v, where)) s.ignored.push({ id: id.trim(), from: 'ignored' });
        break;
      case 'override': {
        if (v === null) break;
        if (typeof v !== 'object' || Array.isArray(v)) fail(where, 'must be a mapping of error/warning/info/style to lists of rules');
        for (const [sev, ids] of Object.entries(v as Record<string, unknown>)) {
          if (!(sev in SEVERITY_OF)) fail(`override.${sev} in ${file}`, 'is not a severity (error, warning, info, style)');
          for (const id of stringList(ids, `override.${sev} in ${file}`)) s.override.push({ id: id.trim(), severity: sev, from: `override.${sev}` });
        }
        break;
      }
      case 'failure-threshold':
        if (typeof v !== 'string') fail(where, 'must be a string');
        s.failureThreshold = { value: v, from: key };
        break;
      case 'no-fail': s.noFail = { value: bool(v, where), from: key }; break;
      case 'disable-ignore-pragma': s.disablePragma = { value: bool(v, where), from: key }; break;
      case 'strict-labels': s.strictLabels = { value: bool(v, where), from: key }; break;
      case 'trustedRegistries': s.trusted = { value: stringList(v, where), from: key }; break;
      case 'label-schema': {
        if (v === null) break;
        if (typeof v !== 'object' || Array.isArray(v)) fail(where, 'must be a mapping of label names to types');
        const schema: Record<string, string> = {};
        for (const [name, type] of Object.entries(v as Record<string, unknown>)) {
          if (typeof type !== 'string' || !LABEL_TYPES.includes(type)) fail(`label-schema.${name} in ${file}`, `must be one of ${LABEL_TYPES.join(', ')}`);
          schema[name] = type;
        }
        s.labelSchema = { value: schema, from: key };
        break;
      }
      default:
        s.other.push({ key, from: key });
    }
  }
}

function readEnv(env: Record<string, string | undefined>, s: Settings): void {
  const list = (name: string) => (env[name] ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const truthy = (name: string) => TRUTHY.includes((env[name] ?? '').trim().toLowerCase());
  for (const id of list('HADOLINT_IGNORE')) s.ignored.push({ id, from: 'HADOLINT_IGNORE' });
  for (const sev of ['error', 'warning', 'info', 'style']) {
    const name = `HADOLINT_OVERRIDE_${sev.toUpperCase()}`;
    for (const id of list(name)) s.override.push({ id, severity: sev, from: name });
  }
  if (env.HADOLINT_FAILURE_THRESHOLD !== undefined) s.failureThreshold = { value: env.HADOLINT_FAILURE_THRESHOLD.trim(), from: 'HADOLINT_FAILURE_THRESHOLD' };
  if (env.HADOLINT_NOFAIL !== undefined) s.noFail = { value: truthy('HADOLINT_NOFAIL'), from: 'HADOLINT_NOFAIL' };
  if (env.HADOLINT_DISABLE_IGNORE_PRAGMA !== undefined) s.disablePragma = { value: truthy('HADOLINT_DISABLE_IGNORE_PRAGMA'), from: 'HADOLINT_DISABLE_IGNORE_PRAGMA' };
  if (env.HADOLINT_STRICT_LABELS !== undefined) s.strictLabels = { value: truthy('HADOLINT_STRICT_LABELS'), from: 'HADOLINT_STRICT_LABELS' };
  if (env.HADOLINT_TRUSTED_REGISTRIES !== undefined) s.trusted = { value: list('HADOLINT_TRUSTED_REGISTRIES'), from: 'HADOLINT_TRUSTED_REGISTRIES' };
  if (env.HADOLINT_REQUIRE_LABELS !== undefined) {
    const schema: Record<string, string> = {};
    for (const item of list('HADOLINT_REQUIRE_LABELS')) {
      const at = item.indexOf(':');
      const [name, type] = at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
      // as hadolint does, an item whose type it cannot read is dropped
      if (name && LABEL_TYPES.includes(type)) schema[name] = type;
    }
    s.labelSchema = { value: { ...(s.labelSchema?.value ?? {}), ...schema }, from: 'HADOLINT_REQUIRE_LABELS' };
  }
  for (const name of ['HADOLINT_FORMAT', 'HADOLINT_VERBOSE']) if (env[name] !== undefined) s.other.push({ key: name, from: name });
}

/** hadolint configuration (file text and/or HADOLINT_* variables) → tightship configuration and notes. */
export function translateHadolintConfig(input: TranslateInput): HadolintTranslation {
  const file = input.file ?? '.hadolint.yaml';
  const s: Settings = { ignored: [], override: [], other: [] };
  if (input.yaml !== null) readFile(input.yaml, file, s);
  readEnv(input.env, s);

  const notes: HadolintNote[] = [];
  const note = (key: string, status: NoteStatus, message: string) => notes.push({ key, status, message });
  const config: TightshipConfigData = {};
  const rules: NonNullable<TightshipConfigData['rules']> = {};
  const byDl = new Map<string, HadolintRuleInfo[]>();
  for (const r of input.rules) {
    if (r.target !== 'dockerfile' && r.target !== 'tightship') continue;
    for (const dl of r.equivalents?.hadolint ?? []) {
      const k = dl.toUpperCase();
      let claimers = byDl.get(k);
      if (!claimers) byDl.set(k, (claimers = []));
      if (!claimers.includes(r)) claimers.push(r);
    }
  }
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  const groupBy = <T extends { from: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const group = m.get(x.from);
      if (group) group.push(x);
      else m.set(x.from, [x]);
    }
    return m;
  };

  // ignored: a rule is turned off when every DL id it claims is ignored; a rule that also stands
  // for DL ids still in force stays on (hadolint would still report those).
  const ignored = new Set(s.ignored.map((x) => x.id.toUpperCase()));
  const shellcheckRule = input.rules.find((r) => r.id === SHELLCHECK_RULE);
  const excluded: string[] = [];
  for (const [from, items] of groupBy(s.ignored)) {
    const ids = sorted(items.map((x) => x.id.toUpperCase()));
    const off: string[] = [], kept: string[] = [], none: string[] = [], shell: string[] = [];
    for (const dl of ids) {
      if (/^SC\d+$/.test(dl)) { shell.push(dl); continue; }
      const claimers = byDl.get(dl);
      if (!claimers?.length) { none.push(dl); continue; }
      for (const r of claimers) {
        const all = (r.equivalents?.hadolint ?? []).map((x) => x.toUpperCase());
        if (all.every((x) => ignored.has(x))) { rules[r.id] = 'off'; off.push(`${dl} → ${r.id}`); }
        else kept.push(`${dl} (${r.id} also covers ${all.filter((x) => !ignored.has(x)).join(', ')}; it stays on)`);
      }
    }
    const parts: string[] = [];
    if (off.length) parts.push(`turned off: ${off.join(', ')}`);
    if (kept.length) parts.push(`not turned off: ${kept.join('; ')}`);
    if (none.length) parts.push(`no tightship rule yet for ${none.join(', ')}`);
    if (shell.length && shellcheckRule) {
      excluded.push(...shell);
      parts.push(`ShellCheck codes ${shell.join(', ')} → ${SHELLCHECK_RULE} options.exclude`);
    } else if (shell.length) parts.push(`ShellCheck codes ${shell.join(', ')} have no effect (no ShellCheck rule)`);
    const done = off.length + (shellcheckRule ? shell.length : 0);
    note(from, done && !kept.length && !none.length && (shellcheckRule || !shell.length) ? 'honoured' : done ? 'partial' : 'no-equivalent', parts.join('; '));
  }
  if (excluded.length) rules[SHELLCHECK_RULE] = { options: { exclude: sorted(excluded) } };

  // override: the severity of each rule that claims the DL id; when the DL ids of one rule are
  // given different severities, the most severe wins.
  const chosen = new Map<string, { severity: Severity; dls: string[] }>();
  const conflicts: string[] = [];
  const seen = new Map<string, string>(); // DL id → its last override (later settings win, as in hadolint)
  for (const o of s.override) seen.set(o.id.toUpperCase(), o.severity);
  for (const [dl, sev] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (ignored.has(dl)) continue;
    const claimers = byDl.get(dl);
    if (!claimers?.length) continue;
    const severity = SEVERITY_OF[sev];
    for (const r of claimers) {
      if (rules[r.id] === 'off') continue;
      const prev = chosen.get(r.id);
      if (prev && prev.severity !== severity) conflicts.push(`${r.id} (${prev.dls.join(', ')} vs ${dl})`);
      if (!prev || RANK[severity] > RANK[prev.severity]) chosen.set(r.id, { severity, dls: [...(prev?.dls ?? []), dl] });
      else prev.dls.push(dl);
    }
  }
  for (const [id, c] of chosen) rules[id] = c.severity;
  for (const [from, items] of groupBy(s.override)) {
    const ids = sorted(items.map((x) => x.id.toUpperCase()));
    const mapped = ids.filter((dl) => byDl.get(dl)?.length && !ignored.has(dl));
    const missing = ids.filter((dl) => !byDl.get(dl)?.length);
    const parts: string[] = [];
    if (mapped.length) parts.push(mapped.map((dl) => `${dl} → ${(byDl.get(dl) ?? []).map((r) => r.id).join(', ')}`).join(', '));
    if (from.endsWith('style') || from.endsWith('STYLE')) parts.push('tightship has no style severity: style is info');
    if (missing.length) parts.push(`no tightship rule yet for ${missing.join(', ')}`);
    note(from, mapped.length === 0 ? 'no-equivalent' : missing.length ? 'partial' : 'honoured', parts.join('; '));
  }
  if (conflicts.length) note('override', 'partial', `one tightship rule stands for DL ids given different severities; the most severe applies: ${sorted(conflicts).join(', ')}`);

  if (s.failureThreshold) {
    const v = s.failureThreshold.value.toLowerCase();
    const map: Record<string, TightshipConfigData['failOn']> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'info', none: 'none' };
    const failOn = map[v];
    if (!failOn) fail(s.failureThreshold.from, `'${s.failureThreshold.value}' is not a threshold (error, warning, info, style, ignore, none)`);
    config.failOn = failOn;
    note(s.failureThreshold.from, 'honoured', `failOn: ${failOn}${v === 'style' || v === 'ignore' ? ` (tightship's lowest severity is info)` : ''}`);
  }
  if (s.noFail) {
    if (s.noFail.value) config.failOn = 'none';
    note(s.noFail.from, 'honoured', s.noFail.value ? 'failOn: none' : 'false: nothing to change');
  }
  if (s.disablePragma) {
    if (s.disablePragma.value) config.inlineIgnores = false;
    note(s.disablePragma.from, 'honoured', s.disablePragma.value
      ? 'inlineIgnores: false (this turns off `# tightship ignore=` comments as well as `# hadolint ignore=`)'
      : 'false: nothing to change');
  }
  const setOptions = (id: string, options: Record<string, unknown>): boolean => {
    if (!input.rules.some((r) => r.id === id)) return false;
    const prev = Object.hasOwn(rules, id) ? rules[id] : undefined;
    if (prev === 'off') return true;
    const base = typeof prev === 'string' ? { severity: prev } : prev ?? {};
    rules[id] = { ...base, options: { ...(base.options ?? {}), ...options } };
    return true;
  };
  if (s.labelSchema) {
    const schema = s.labelSchema.value;
    const names = Object.keys(schema);
    if (names.length === 0) {
      note(s.labelSchema.from, 'honoured', 'empty: nothing to change');
    } else {
      const required = setOptions('dockerfile/missing-oci-labels', { required: names });
      const typed = setOptions('dockerfile/label-schema', { labels: schema });
      const parts = [];
      if (required) parts.push(`required labels (DL3049) → dockerfile/missing-oci-labels options.required: ${names.join(', ')}`);
      if (typed) parts.push(`values (DL3051–DL3056, DL3058) → dockerfile/label-schema options.labels`);
      note(s.labelSchema.from, required && typed ? 'honoured' : required || typed ? 'partial' : 'no-equivalent', parts.join('; ') || 'no tightship rule checks labels');
    }
  }
  if (s.strictLabels) {
    if (!s.strictLabels.value) note(s.strictLabels.from, 'honoured', 'false: nothing to change');
    else if (setOptions('dockerfile/label-schema', { strict: true })) note(s.strictLabels.from, 'honoured', 'labels outside the schema (DL3050) → dockerfile/label-schema options.strict: true');
    else note(s.strictLabels.from, 'no-equivalent', 'no tightship rule checks labels outside the schema');
  }
  if (s.trusted) {
    if (!s.trusted.value.length) note(s.trusted.from, 'honoured', 'empty: nothing to change');
    else if (setOptions('dockerfile/untrusted-registry', { allowed: [...new Set(s.trusted.value)] })) {
      note(s.trusted.from, 'honoured', `allowed registries (DL3026) → dockerfile/untrusted-registry options.allowed: ${s.trusted.value.join(', ')}`);
    } else note(s.trusted.from, 'no-equivalent', 'no tightship rule checks registries');
  }
  for (const o of s.other) {
    const known = KNOWN_KEYS.includes(o.key) || o.key.startsWith('HADOLINT_');
    note(o.key, 'not-a-lint-setting', known
      ? 'an output setting: use tightship\'s command-line flags (--format, NO_COLOR) instead'
      : 'not a hadolint setting; ignored');
  }
  if (Object.keys(rules).length) config.rules = Object.fromEntries(Object.entries(rules).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { config, notes };
}

/** One line for the terminal: which settings were honoured and which were not. */
export function summarizeNotes(source: string, notes: readonly HadolintNote[]): string {
  const by = (st: NoteStatus[]) => notes.filter((n) => st.includes(n.status)).map((n) => n.key);
  const parts = [
    by(['honoured']).length ? `honoured: ${by(['honoured']).join(', ')}` : '',
    by(['partial']).length ? `in part: ${by(['partial']).join(', ')}` : '',
    by(['no-equivalent']).length ? `no equivalent yet: ${by(['no-equivalent']).join(', ')}` : '',
    by(['not-a-lint-setting']).length ? `ignored: ${by(['not-a-lint-setting']).join(', ')}` : '',
  ].filter(Boolean);
  return `using hadolint settings from ${source}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** The .tightship.yaml text for a translation: the settings, with the notes as comments above them. */
export function renderTightshipYaml(t: HadolintTranslation, source: string): string {
  const lines = [`# Translated from ${source} by 'tightship migrate hadolint'.`];
  for (const n of t.notes) lines.push(`# ${n.key}: ${n.status}${n.message ? ` — ${n.message}` : ''}`);
  lines.push('');
  const c = t.config;
  if (c.failOn !== undefined) lines.push(`failOn: ${c.failOn}`);
  if (c.inlineIgnores !== undefined) lines.push(`inlineIgnores: ${c.inlineIgnores}`);
  if (c.rules && Object.keys(c.rules).length) {
    lines.push('rules:');
    for (const [id, setting] of Object.entries(c.rules)) {
      if (typeof setting === 'string') { lines.push(`  ${id}: ${setting}`); continue; }
      lines.push(`  ${id}:`);
      if (setting.severity) lines.push(`    severity: ${setting.severity}`);
      if (setting.options) {
        lines.push('    options:');
        for (const [k, v] of Object.entries(setting.options)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
      }
    }
  }
  if (lines[lines.length - 1] === '') lines.push('{}');
  return `${lines.join('\n')}\n`;
}

/** A translation as the configuration the engine runs with (what the config loader uses when a
 *  folder has a .hadolint.yaml and no .tightship.yaml). `file` is null for variables only. */
export function hadolintResolvedConfig(t: HadolintTranslation, file: string | null): ResolvedConfig {
  const config = defaultConfig();
  config.source = file;
  if (file) config.baseDir = dirname(file);
  if (t.config.failOn !== undefined) config.failOn = t.config.failOn;
  if (t.config.inlineIgnores !== undefined) config.inlineIgnores = t.config.inlineIgnores;
  for (const [id, s] of Object.entries(t.config.rules ?? {})) {
    config.rules[id] = typeof s === 'string' ? { severity: s } : { ...s, options: s.options ? { ...s.options } : undefined };
    if (config.rules[id].options === undefined) delete config.rules[id].options;
  }
  return config;
}

/** true when some HADOLINT_* variable that carries a lint setting is set. */
export function hasHadolintEnv(env: Record<string, string | undefined>): boolean {
  return Object.keys(env).some((k) => k.startsWith('HADOLINT_') && k !== 'HADOLINT_FORMAT' && k !== 'HADOLINT_VERBOSE' && env[k] !== undefined);
}
