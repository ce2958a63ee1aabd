// Package-manager commands (apt-get/apt, apk, yum/dnf/microdnf, zypper, pip, npm): which
// sub-command, which options (combined short flags, --opt=value, options that take a value), which
// operands; then the apt and rpm facts the rules share (assume-yes, recommends, caches). Pure
// functions over a ShellCommand's argv and the model.
import type { DockerfileModel, ShellCommand } from '../../../targets/dockerfile/model.js';
import { runScriptText } from './runs.js';

// ---------------------------------------------------------------------------------------------
// Calls

export type Manager = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'npm';

export interface Opt {
  /** Without dashes: 'y', 'yes', 'o', 'no-install-recommends'. */
  name: string;
  value: string | null;
  /** argv index of the word holding the option. */
  index: number;
  long: boolean;
}

export interface Operand {
  value: string;
  index: number;
}

export interface PkgCall {
  manager: Manager;
  cmd: ShellCommand;
  /** The sub-command (install, add, update, …), lower-case; null when none is given. */
  sub: string | null;
  /** argv index of the sub-command word, -1 when none. */
  subIndex: number;
  /** Options anywhere on the command line (before and after the sub-command). */
  opts: Opt[];
  /** Operands after the sub-command (packages, files). */
  operands: Operand[];
}

interface Spec {
  /** Short option letters that take a value. */
  shortValue: string;
  /** Long option names that take a value (when not written --name=value). */
  longValue: Set<string>;
}

const SPECS: Record<Exclude<Manager, 'pip'> | 'pip', Spec> = {
  'apt-get': { shortValue: 'octaP', longValue: new Set(['option', 'config-file', 'target-release', 'default-release', 'host-architecture', 'build-profiles']) },
  apt: { shortValue: 'octaP', longValue: new Set(['option', 'config-file', 'target-release', 'default-release', 'host-architecture', 'build-profiles']) },
  apk: { shortValue: 'Xpt', longValue: new Set(['repository', 'root', 'virtual', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'cache-max-age', 'timeout', 'wait']) },
  yum: { shortValue: 'cdex', longValue: new Set(['config', 'debuglevel', 'errorlevel', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'exclude', 'setopt', 'downloaddir', 'destdir', 'forcearch', 'color', 'rpmverbosity', 'disableplugin', 'enableplugin', 'comment', 'advisory', 'bz', 'cve', 'sec-severity', 'secseverity']) },
  dnf: { shortValue: 'cdex', longValue: new Set(['config', 'debuglevel', 'errorlevel', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'exclude', 'setopt', 'downloaddir', 'destdir', 'forcearch', 'color', 'rpmverbosity', 'disableplugin', 'enableplugin', 'comment', 'advisory', 'bz', 'cve', 'sec-severity', 'secseverity', 'use-host-config']) },
  microdnf: { shortValue: '', longValue: new Set(['config', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'setopt', 'setopt', 'platform-id', 'exclude']) },
  zypper: { shortValue: 'Rcrt', longValue: new Set(['root', 'config', 'reposd-dir', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'repo', 'from', 'type', 'download']) },
  pip: { shortValue: 'rceitfC', longValue: new Set(['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'find-links', 'target', 'prefix', 'root', 'platform', 'python-version', 'implementation', 'abi', 'src', 'upgrade-strategy', 'progress-bar', 'trusted-host', 'cache-dir', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'global-option', 'config-settings', 'only-binary', 'no-binary', 'python', 'report', 'root-user-action', 'use-feature', 'use-deprecated', 'install-option', 'keyring-provider', 'group']) },
  npm: { shortValue: 'w', longValue: new Set(['prefix', 'registry', 'cache', 'tag', 'workspace', 'omit', 'include', 'loglevel', 'userconfig', 'install-strategy', 'before', 'location']) },
};

/** Which package manager a command runs, or null. `python -m pip` counts as pip. */
export function managerOf(cmd: ShellCommand): { manager: Manager; first: number } | null {
  const n = cmd.name;
  if (n === 'apt-get' || n === 'apt' || n === 'apk' || n === 'yum' || n === 'dnf' || n === 'microdnf' || n === 'zypper' || n === 'npm') {
    return { manager: n, first: 1 };
  }
  if (n === 'dnf5' || n === 'dnf-3') return { manager: 'dnf', first: 1 };
  if (/^pip(\d+(\.\d+)?)?$/.test(n)) return { manager: 'pip', first: 1 };
  if (/^python(\d+(\.\d+)*)?$/.test(n) && cmd.argv[1] === '-m' && /^pip(\d+(\.\d+)?)?$/.test(cmd.argv[2] ?? '')) {
    return { manager: 'pip', first: 3 };
  }
  return null;
}

// Several rules ask about the same commands; the analysis is a pure function of the command,
// so it is kept per command object (the split commands are themselves memoised per instruction).
const memo = new WeakMap<ShellCommand, PkgCall | null>();

/** Parses a package-manager command; null when the command is not one. */
export function pkgCall(cmd: ShellCommand): PkgCall | null {
  let hit = memo.get(cmd);
  if (hit === undefined) {
    hit = analyse(cmd);
    memo.set(cmd, hit);
  }
  return hit;
}

function analyse(cmd: ShellCommand): PkgCall | null {
  const m = managerOf(cmd);
  if (!m) return null;
  const spec = SPECS[m.manager];
  const opts: Opt[] = [];
  const operands: Operand[] = [];
  let sub: string | null = null;
  let subIndex = -1;
  let endOfOptions = false;
  const argv = cmd.argv;
  for (let i = m.first; i < argv.length; i++) {
    const a = argv[i]!;
    if (!endOfOptions && a === '--') { endOfOptions = true; continue; }
    if (!endOfOptions && a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = (eq === -1 ? a.slice(2) : a.slice(2, eq)).toLowerCase();
      let value: string | null = eq === -1 ? null : a.slice(eq + 1);
      if (value === null && spec.longValue.has(name) && i + 1 < argv.length) value = argv[++i]!;
      opts.push({ name, value, index: eq === -1 && value !== null ? i - 1 : i, long: true });
      continue;
    }
    if (!endOfOptions && a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      // combined short flags: -qy, -qq, -oAPT::X=1, -q=2, -t .build-deps
      const body = a.slice(1);
      const eq = body.indexOf('=');
      if (eq > 0 && eq === 1) {
        opts.push({ name: body[0]!, value: body.slice(2), index: i, long: false });
        continue;
      }
      for (let k = 0; k < body.length; k++) {
        const letter = body[k]!;
        if (spec.shortValue.includes(letter)) {
          let value = body.slice(k + 1);
          let index = i;
          if (value === '' && i + 1 < argv.length) { value = argv[++i]!; index = i - 1; }
          opts.push({ name: letter, value, index, long: false });
          break;
        }
        opts.push({ name: letter, value: null, index: i, long: false });
      }
      continue;
    }
    if (sub === null) {
      sub = a.toLowerCase();
      subIndex = i;
      continue;
    }
    operands.push({ value: a, index: i });
  }
  // a dry run (apt-get -s, dnf --assumeno, pip/npm --dry-run) changes nothing: not a package operation
  const dry = m.manager === 'apt-get' || m.manager === 'apt'
    ? opts.some((o) => ['s', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act'].includes(o.name))
    : opts.some((o) => o.name === 'dry-run' || o.name === 'assumeno');
  if (dry) return null;
  return { manager: m.manager, cmd, sub, subIndex, opts, operands };
}

export function hasOpt(call: PkgCall, ...names: string[]): boolean {
  return call.opts.some((o) => names.includes(o.name));
}

export function optValue(call: PkgCall, ...names: string[]): string | null {
  const o = call.opts.find((x) => names.includes(x.name) && x.value !== null);
  return o ? o.value : null;
}

/** apt's `-o Key=Value` settings, keys lower-cased. */
export function aptConfigOptions(call: PkgCall): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of call.opts) {
    if ((o.name === 'o' || o.name === 'option') && o.value) {
      const eq = o.value.indexOf('=');
      if (eq > 0) out.set(o.value.slice(0, eq).toLowerCase(), o.value.slice(eq + 1).replace(/^["']|["']$/g, '').toLowerCase());
    }
  }
  return out;
}

const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on']);
export const isTrue = (v: string | undefined): boolean => v !== undefined && TRUE_VALUES.has(v);
export const isFalse = (v: string | undefined): boolean => v !== undefined && ['0', 'false', 'no', 'off'].includes(v);

export const APT_INSTALL_SUBS = new Set(['install', 'reinstall']);
/** apt-get sub-commands that ask for confirmation. */
export const APT_CONFIRM_SUBS = new Set(['install', 'reinstall', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'autopurge', 'build-dep']);
export const APT_UPGRADE_SUBS = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);

export function isAptLike(call: PkgCall | null): call is PkgCall & { manager: 'apt-get' | 'apt' } {
  return call !== null && (call.manager === 'apt-get' || call.manager === 'apt');
}

export function isRpmLike(call: PkgCall | null): call is PkgCall & { manager: 'yum' | 'dnf' | 'microdnf' } {
  return call !== null && (call.manager === 'yum' || call.manager === 'dnf' || call.manager === 'microdnf');
}

/** yum/dnf/microdnf sub-commands that install packages (group and module forms included). */
export function rpmInstallSub(call: PkgCall): boolean {
  const s = call.sub;
  if (!s) return false;
  if (['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'builddep', 'build-dep'].includes(s)) return true;
  if ((s === 'group' || s === 'groups' || s === 'module') && call.operands[0]?.value === 'install') return true;
  return false;
}

export const ZYPPER_INSTALL_SUBS = new Set(['install', 'in', 'source-install', 'si']);

/** Package operands: drops operands that are clearly not package names (files, URLs, variables). */
export function packageOperands(call: PkgCall): Operand[] {
  let ops = call.operands;
  if ((call.sub === 'group' || call.sub === 'groups' || call.sub === 'module') && ops[0]?.value === 'install') ops = ops.slice(1);
  return ops.filter((o) => o.value !== '' && !o.value.includes('$') && !o.value.includes('`') && !/^[./~]/.test(o.value)
    && !/^[a-z+]+:\/\//i.test(o.value));
}

/** True when an apt package operand carries a version (pkg=1.2) or is a local .deb. */
export function aptPinned(v: string): boolean {
  return v.includes('=') || v.endsWith('.deb');
}

export function apkPinned(v: string): boolean {
  return /[=~<>]/.test(v) || v.endsWith('.apk');
}

/** yum/dnf: name-version (httpd-2.4.6, httpd-2.4.6-97.el7), name=version for zypper, or a file. */
export function rpmPinned(v: string): boolean {
  return /[=<>]/.test(v) || /-\d/.test(v) || v.endsWith('.rpm') || v.startsWith('@');
}

/** pip requirement pinned exactly (==, ===, a direct reference, a file or a URL). */
export function pipPinned(v: string): boolean {
  if (/===?/.test(v) || v.includes('@') || /^[a-z+]+:\/\//i.test(v) || /^[./~]/.test(v)) return true;
  return /\.(whl|tar\.gz|zip|tgz)$/i.test(v);
}

/** npm package spec with a version, tag other than latest, or a non-registry source. */
export function npmPinned(v: string): boolean {
  if (/^(git\+|git:|https?:|file:|github:|[./~])/.test(v) || /\.(tgz|tar\.gz)$/.test(v)) return true;
  const at = v.lastIndexOf('@');
  if (at <= 0) return false;
  const version = v.slice(at + 1);
  return version !== '' && !['latest', 'next', '*', 'x'].includes(version);
}

/** The npm sub-command aliases for install. */
export const NPM_INSTALL_SUBS = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

// ---------------------------------------------------------------------------------------------
// apt: assume-yes and install-recommends in force, from the command line, -o settings or an apt.conf snippet

/** The offset of the first RUN that writes an apt.conf setting (e.g. echo 'APT::Get::Assume-Yes "true";'
 *  > /etc/apt/apt.conf.d/90yes); RUNs after it have the setting. Infinity when none does. */
export function aptConfWrittenAt(model: DockerfileModel, key: string, wantTrue: boolean): number {
  const re = new RegExp(`${key}\\s*"?(true|false|1|0|yes|no)"?`, 'i');
  for (const instr of model.instructions) {
    if (instr.keyword !== 'RUN') continue;
    const text = runScriptText(instr);
    if (!text.includes(key.slice(0, 5))) continue;
    const m = re.exec(text);
    if (m) {
      const v = m[1]!.toLowerCase();
      if (wantTrue ? isTrue(v) : isFalse(v)) return instr.range.end.offset;
    }
  }
  return Infinity;
}

export function aptAssumesYes(call: PkgCall, pipeline: ShellCommand[]): boolean {
  let quiet = 0;
  for (const o of call.opts) {
    if (o.name === 'y' || o.name === 'yes' || o.name === 'assume-yes') return true;
    if (o.name === 'q' || o.name === 'quiet') quiet = o.value !== null && /^\d+$/.test(o.value) ? Number(o.value) : quiet + 1;
  }
  if (quiet >= 2) return true; // apt-get(8): quiet level 2 implies -y
  const conf = aptConfigOptions(call);
  if (isTrue(conf.get('apt::get::assume-yes'))) return true;
  const pos = pipeline.indexOf(call.cmd);
  if (pos > 0 && pipeline[pos - 1]!.name === 'yes') return true;
  return false;
}

export function aptNoRecommends(call: PkgCall): boolean {
  if (call.opts.some((o) => o.name === 'no-install-recommends')) return true;
  return isFalse(aptConfigOptions(call).get('apt::install-recommends'));
}

// ---------------------------------------------------------------------------------------------
// yum/dnf/microdnf/zypper

/** Sub-commands that change the installed set and would prompt without -y. */
const RPM_CONFIRM = new Set(['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'remove', 'erase', 'rm', 'update', 'upgrade',
  'upgrade-minimal', 'update-minimal', 'downgrade', 'autoremove', 'distro-sync', 'dist-upgrade', 'groupremove', 'groupupdate', 'builddep', 'swap']);
const ZYPPER_CONFIRM = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr']);

export function rpmNeedsConfirm(call: PkgCall): boolean {
  if (call.manager === 'zypper') return call.sub !== null && ZYPPER_CONFIRM.has(call.sub);
  if (call.manager === 'yum' || call.manager === 'dnf') {
    if (call.sub === 'group' || call.sub === 'groups' || call.sub === 'module') {
      return ['install', 'remove', 'upgrade', 'update', 'enable', 'reset', 'switch-to'].includes(call.operands[0]?.value ?? '');
    }
    return call.sub !== null && RPM_CONFIRM.has(call.sub);
  }
  return false; // microdnf does not prompt
}

export function rpmAssumesYes(call: PkgCall): boolean {
  if (call.manager === 'zypper') return call.opts.some((o) => ['n', 'non-interactive', 'y', 'no-confirm'].includes(o.name));
  return call.opts.some((o) => o.name === 'y' || o.name === 'assumeyes' || (o.name === 'setopt' && /^assumeyes=(1|true|yes)$/i.test(o.value ?? '')));
}

/** Installs that download packages and metadata into the cache. */
export function rpmCaches(call: PkgCall): boolean {
  if (call.manager === 'zypper') return call.sub !== null && (ZYPPER_INSTALL_SUBS.has(call.sub) || ['update', 'up', 'dist-upgrade', 'dup', 'patch', 'refresh', 'ref'].includes(call.sub));
  if (!isRpmLike(call)) return false;
  return rpmInstallSub(call) || ['update', 'upgrade', 'makecache', 'distro-sync', 'downgrade'].includes(call.sub ?? '');
}

export type RpmFamily = 'yum' | 'zypper';
export const rpmFamily = (call: PkgCall): RpmFamily => (call.manager === 'zypper' ? 'zypper' : 'yum');

/** A command that empties the cache of the family: `yum|dnf|microdnf clean all`, `zypper clean`/`cc`, or rm of the cache dir. */
export function cleansRpmCache(cmd: ShellCommand, family: RpmFamily): boolean {
  if (cmd.name === 'rm') {
    const re = family === 'zypper' ? /^\/var\/cache\/zypp(\/\S*)?$/ : /^\/var\/cache\/(yum|dnf|libdnf5)(\/\S*)?$/;
    return cmd.argv.slice(1).some((a) => re.test(a));
  }
  const call = pkgCall(cmd);
  if (!call) return false;
  if (family === 'zypper') return call.manager === 'zypper' && (call.sub === 'clean' || call.sub === 'cc');
  return isRpmLike(call) && call.sub === 'clean' && call.operands.some((o) => o.value === 'all');
}

export const RPM_CACHE_DIRS: Record<RpmFamily, string[]> = {
  yum: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
};
