// daemon.json text (and the dockerd command line) → DaemonModel. Pure: the caller reads files.
import type { SourceRange } from '../../engine/types.js';
import { parseLocatedJson } from './json.js';
import type { DaemonModel, DaemonSetting } from './model.js';
import { plain } from './json.js';

export function parseDaemonConfig(text: string, path: string): DaemonModel {
  const { root, problems } = parseLocatedJson(text);
  const model: DaemonModel = { path, text, root, problems, settings: [] };
  if (root && root.kind !== 'object') {
    problems.push({ message: 'daemon.json must hold a JSON object ({ "key": value, … })', range: root.range });
    model.root = null;
    return model;
  }
  if (root?.kind === 'object') {
    for (const e of root.entries) model.settings.push({ key: e.key, value: plain(e.value), node: e.value, path, keyRange: e.keyRange });
  }
  return model;
}

/** dockerd's flags that map onto daemon.json keys the rules read (flag → key, and how the value is
 *  taken: a list flag is repeatable). Flags not listed are kept under their own name. */
const FLAG_KEYS: Record<string, { key: string; list?: boolean; map?: boolean }> = {
  '-H': { key: 'hosts', list: true }, '--host': { key: 'hosts', list: true },
  '--tlsverify': { key: 'tlsverify' }, '--tls': { key: 'tls' }, '--tlscacert': { key: 'tlscacert' },
  '--tlscert': { key: 'tlscert' }, '--tlskey': { key: 'tlskey' }, '--userns-remap': { key: 'userns-remap' },
  '--icc': { key: 'icc' }, '--live-restore': { key: 'live-restore' }, '--no-new-privileges': { key: 'no-new-privileges' },
  '--userland-proxy': { key: 'userland-proxy' }, '--log-driver': { key: 'log-driver' },
  '--log-opt': { key: 'log-opts', map: true }, '--insecure-registry': { key: 'insecure-registries', list: true },
  '--experimental': { key: 'experimental' }, '--default-ulimit': { key: 'default-ulimits', list: true },
  '--seccomp-profile': { key: 'seccomp-profile' }, '--authorization-plugin': { key: 'authorization-plugins', list: true },
  '--config-file': { key: 'config-file' },
};
const BOOLEAN_FLAGS = new Set(['--tlsverify', '--tls', '--icc', '--live-restore', '--no-new-privileges', '--userland-proxy', '--experimental']);

/** The settings given on dockerd's command line (argv from /proc/PID/cmdline), located in the
 *  space-joined command line at `path`. */
export function commandLineSettings(argv: readonly string[], path: string): DaemonSetting[] {
  const out: DaemonSetting[] = [];
  let offset = 0;
  const at: number[] = [];
  for (const a of argv) {
    at.push(offset);
    offset += a.length + 1;
  }
  const rangeOf = (i: number, len: number): SourceRange => ({
    start: { line: 1, column: at[i] + 1, offset: at[i] },
    end: { line: 1, column: at[i] + 1 + len, offset: at[i] + len },
  });
  const lists = new Map<string, DaemonSetting>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) continue;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let raw: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined;
    // a flag name starts with '-': never a key of Object.prototype
    const spec = Object.hasOwn(FLAG_KEYS, name) ? FLAG_KEYS[name] : undefined;
    if (!spec) continue;
    let len = arg.length;
    if (raw === undefined && !BOOLEAN_FLAGS.has(name)) {
      raw = argv.at(i + 1);
      len = arg.length + 1 + (raw?.length ?? 0);
      i++;
    }
    const value: unknown = BOOLEAN_FLAGS.has(name) ? raw === undefined || raw === 'true' || raw === '1' : raw ?? '';
    const range = rangeOf(raw !== undefined && eq < 0 && !BOOLEAN_FLAGS.has(name) ? i - 1 : i, len);
    if (spec.list || spec.map) {
      let s = lists.get(spec.key);
      if (!s) {
        s = { key: spec.key, value: spec.map ? {} : [], node: null, path, keyRange: range, flag: name };
        lists.set(spec.key, s);
        out.push(s);
      }
      if (spec.map) {
        const [k, ...v] = String(value).split('=');
        (s.value as Record<string, string>)[k] = v.join('=');
      } else (s.value as unknown[]).push(value);
    } else {
      out.push({ key: spec.key, value, node: null, path, keyRange: range, flag: name });
    }
  }
  return out;
}
