// The host auditor: the host model → host rules; the daemon configuration in force (daemon.json
// + dockerd's flags) → daemon rules; the seccomp profile daemon.json names → profile rules.
import type { TargetResult } from '../../engine/types.js';
import type { AuditOptions } from '../../engine/audit-types.js';
import { auditOneModel } from '../audit-model.js';
import { auditDaemonModel, daemonSeccompProfile } from '../daemon/audit.js';
import type { HostLoad } from './load.js';
import type { HostModel } from './model.js';

/** What a formatter may show about the host: the facts every check read. */
export function hostFacts(m: HostModel): Record<string, unknown> {
  return {
    engine: m.engine.ok ? m.engine.value : { notChecked: m.engine.reason },
    sockets: m.sockets.map((s) => (s.stat.ok ? { role: s.role, path: s.path, owner: s.stat.value.owner, group: s.stat.value.group, mode: (s.stat.value.mode & 0o777).toString(8).padStart(3, '0') } : { role: s.role, path: s.path, notChecked: s.stat.reason })),
    socketGroup: m.socketGroup.ok ? { name: m.socketGroup.value.name, members: m.socketGroup.value.members } : { notChecked: m.socketGroup.reason },
    daemonConfig: { path: m.daemonConfig.path, state: m.daemonConfig.state },
    commandLine: m.commandLine.ok ? { pid: m.commandLine.value.pid } : { notChecked: m.commandLine.reason },
    tlsFiles: m.tlsFiles.ok ? m.tlsFiles.value.map((f) => ({ path: f.path, kind: f.kind, mode: (f.mode & 0o777).toString(8).padStart(3, '0') })) : { notChecked: m.tlsFiles.reason },
  };
}

export async function auditHost(loaded: HostLoad, opts: AuditOptions): Promise<TargetResult[]> {
  const { host, daemon } = loaded;
  const results: TargetResult[] = [auditOneModel('host', host, opts, hostFacts(host)), auditDaemonModel(daemon, opts, { state: host.daemonConfig.state })];
  const named = daemonSeccompProfile(daemon, opts.cwd);
  if (named) {
    const { loadSeccompProfile } = await import('../profile/load.js');
    const { auditProfile } = await import('../profile/audit.js');
    results.push(auditProfile(loadSeccompProfile(named.abs, opts.cwd, { via: 'daemon.json seccomp-profile', value: named.value, location: named.location }), opts));
  }
  return results;
}
