// yum/dnf/microdnf/zypper facts shared by the rpm rules.
import type { ShellCommand } from '../../../targets/dockerfile/model.js';
import { isRpmLike, pkgCall, rpmInstallSub, ZYPPER_INSTALL_SUBS, type PkgCall } from './b-pkg.js';

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
