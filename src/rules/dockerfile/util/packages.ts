// The package rules' view of the model's package fact (targets/dockerfile/packages.ts, read once by the
// parser): each RUN that invokes a package manager with its calls, a locator for word positions, its
// stage; then the apt and rpm facts the rules share (assume-yes, recommends, caches). Pure functions.
import type { DockerfileModel, Instruction, ShellCommand, Stage } from '../../../targets/dockerfile/model.js';
import { type Mount, mountCovers, type PackageCall, type PackageRun, type PackageSpec, type Tool } from '../../../targets/dockerfile/packages.js';
import { CommandLocator } from './locate.js';
import { once } from '../../../targets/dockerfile/facts.js';
import { type RunInfo, runScriptText } from './runs.js';

export type { Operand, PackageCall, Tool } from '../../../targets/dockerfile/packages.js';

// ---------------------------------------------------------------------------------------------
// Calls

/** A RUN with package-manager calls, as the rules see it (a RunInfo: instruction, stage, commands,
 *  locator), with the calls of the model's fact. */
export interface PkgRun extends RunInfo {
  calls: readonly PackageCall[];
  mounts: readonly Mount[];
  onbuild: boolean;
}

class PkgRunView implements PkgRun {
  readonly instr: Instruction;
  readonly stage: Stage | null;
  readonly cmds: ShellCommand[];
  readonly calls: readonly PackageCall[];
  readonly mounts: readonly Mount[];
  readonly onbuild: boolean;
  private names_: ReadonlySet<string> | null = null;
  private locator_: CommandLocator | null = null;
  constructor(private readonly model: DockerfileModel, run: PackageRun) {
    this.instr = run.instr;
    this.stage = run.instr.stageIndex >= 0 ? model.stages[run.instr.stageIndex] ?? null : null;
    this.cmds = run.commands;
    this.calls = run.calls;
    this.mounts = run.mounts;
    this.onbuild = run.onbuild;
  }
  get names(): ReadonlySet<string> {
    return (this.names_ ??= new Set(this.cmds.map((c) => c.name)));
  }
  /** Made on first use: only RUNs with a finding need word positions. */
  get locator(): CommandLocator {
    return (this.locator_ ??= new CommandLocator(this.model, this.instr, this.cmds));
  }
}

/** The RUNs whose calls include one of the tools (all RUNs with calls when none is given), in file order. */
export function pkgRuns(model: DockerfileModel, ...tools: Tool[]): PkgRun[] {
  const out: PkgRun[] = [];
  for (const run of model.packages) {
    if (tools.length && !run.calls.some((c) => tools.includes(c.tool))) continue;
    // one view per RUN, whatever rule asks: its names and locator are made once
    out.push(once(run, PkgRunView, () => new PkgRunView(model, run)));
  }
  return out;
}

/** The call a command of the RUN makes, if it is one. */
export function callOf(run: PkgRun, cmd: ShellCommand): PackageCall | null {
  return run.calls.find((c) => c.cmd === cmd) ?? null;
}

export function hasOpt(call: PackageCall, ...names: string[]): boolean {
  return call.opts.some((o) => names.includes(o.name));
}

export function optValue(call: PackageCall, ...names: string[]): string | null {
  const o = call.opts.find((x) => names.includes(x.name) && x.value !== null);
  return o ? o.value : null;
}

/** apt's `-o Key=Value` settings, keys lower-cased. */
function aptConfigOptions(call: PackageCall): Map<string, string> {
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
const isTrue = (v: string | undefined): boolean => v !== undefined && TRUE_VALUES.has(v);
const isFalse = (v: string | undefined): boolean => v !== undefined && ['0', 'false', 'no', 'off'].includes(v);

export const APT_INSTALL_SUBS = new Set(['install', 'reinstall']);
/** apt-get sub-commands that ask for confirmation. */
export const APT_CONFIRM_SUBS = new Set(['install', 'reinstall', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'autopurge', 'build-dep']);
export const APT_UPGRADE_SUBS = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);

export function isAptLike(call: PackageCall | null): call is PackageCall & { tool: 'apt-get' | 'apt' } {
  return call !== null && (call.tool === 'apt-get' || call.tool === 'apt');
}

export function isRpmLike(call: PackageCall | null): call is PackageCall & { tool: 'yum' | 'dnf' | 'microdnf' } {
  return call !== null && (call.tool === 'yum' || call.tool === 'dnf' || call.tool === 'microdnf');
}

/** yum/dnf/microdnf sub-commands that install packages (abbreviations, group and module forms included). */
export function rpmInstallSub(call: PackageCall): boolean {
  return isRpmLike(call) && call.verb === 'install';
}

/** True when a cache or tmpfs mount of the RUN covers one of the directories (or a parent/child of it). */
export function runHasCacheMount(run: PkgRun, dirs: readonly string[]): boolean {
  return mountCovers(run.mounts, dirs);
}

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
      const v = m[1].toLowerCase();
      if (wantTrue ? isTrue(v) : isFalse(v)) return instr.range.end.offset;
    }
  }
  return Infinity;
}

export function aptAssumesYes(call: PackageCall, pipeline: readonly ShellCommand[]): boolean {
  let quiet = 0;
  for (const o of call.opts) {
    if (o.name === 'y' || o.name === 'yes' || o.name === 'assume-yes') return true;
    if (o.name === 'q' || o.name === 'quiet') quiet = o.value !== null && /^\d+$/.test(o.value) ? Number(o.value) : quiet + 1;
  }
  if (quiet >= 2) return true; // apt-get(8): quiet level 2 implies -y
  const conf = aptConfigOptions(call);
  if (isTrue(conf.get('apt::get::assume-yes'))) return true;
  const pos = pipeline.indexOf(call.cmd);
  if (pos > 0 && pipeline[pos - 1].name === 'yes') return true;
  return false;
}

export function aptNoRecommends(call: PackageCall): boolean {
  if (call.opts.some((o) => o.name === 'no-install-recommends')) return true;
  return isFalse(aptConfigOptions(call).get('apt::install-recommends'));
}

// ---------------------------------------------------------------------------------------------
// yum/dnf/microdnf/zypper

/** Sub-commands that change the installed set and would prompt without -y. */
const RPM_CONFIRM = new Set(['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'rei', 'remove', 'erase', 'rm', 'update', 'upgrade', 'up',
  'upgrade-minimal', 'update-minimal', 'up-min', 'downgrade', 'autoremove', 'distro-sync', 'dsync', 'dist-upgrade', 'groupremove', 'groupupdate', 'builddep', 'swap',
  'group install', 'module install']);
const ZYPPER_CONFIRM = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr']);

export function rpmNeedsConfirm(call: PackageCall): boolean {
  if (call.tool === 'zypper') return call.sub !== null && ZYPPER_CONFIRM.has(call.sub);
  if (call.tool === 'yum' || call.tool === 'dnf') {
    if (call.sub === 'group' || call.sub === 'groups' || call.sub === 'module') {
      return ['remove', 'upgrade', 'update', 'enable', 'reset', 'switch-to'].includes(call.operands[0]?.value ?? '');
    }
    return call.sub !== null && RPM_CONFIRM.has(call.sub);
  }
  return false; // microdnf does not prompt
}

export function rpmAssumesYes(call: PackageCall): boolean {
  if (call.tool === 'zypper') return call.opts.some((o) => ['n', 'non-interactive', 'y', 'no-confirm'].includes(o.name));
  return call.opts.some((o) => o.name === 'y' || o.name === 'assumeyes' || (o.name === 'setopt' && /^assumeyes=(1|true|yes)$/i.test(o.value ?? '')));
}

/** Calls that download packages or metadata into the cache: installs, upgrades, index refreshes. */
export function rpmCaches(call: PackageCall): boolean {
  if (call.tool !== 'zypper' && !isRpmLike(call)) return false;
  return call.verb === 'install' || call.verb === 'upgrade' || call.verb === 'update';
}

export type RpmFamily = 'yum' | 'zypper';
export const rpmFamily = (call: PackageCall): RpmFamily => (call.tool === 'zypper' ? 'zypper' : 'yum');

/** A command that empties the cache of the family: `yum|dnf|microdnf clean all`, `zypper clean`/`cc`, or rm of the cache dir.
 *  `call` is the command's package call, when it is one. */
export function cleansRpmCache(cmd: ShellCommand, call: PackageCall | null, family: RpmFamily): boolean {
  if (cmd.name === 'rm') {
    const re = family === 'zypper' ? /^\/var\/cache\/zypp(\/\S*)?$/ : /^\/var\/cache\/(yum|dnf|libdnf5)(\/\S*)?(\*)?$/;
    return cmd.argv.slice(1).some((a) => re.test(a));
  }
  if (!call) return false;
  if (family === 'zypper') return call.tool === 'zypper' && call.verb === 'clean';
  return isRpmLike(call) && call.verb === 'clean' && call.operands.some((o) => o.value === 'all');
}

export const RPM_CACHE_DIRS: Record<RpmFamily, string[]> = {
  yum: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
};

/** The packages a call names from the tool's registry (no files, URLs or variables), each as the
 *  word written (name with its version spec). */
export function packageOperands(call: PackageCall): readonly PackageSpec[] {
  return call.packages.filter((p) => p.source === 'registry' && !p.value.includes('$') && !p.value.includes('`'));
}
