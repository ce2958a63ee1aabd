// A host model from a short JSON description: the given fields over a baseline of a hardened host
// (rootless engine with seccomp and AppArmor, cgroup v2, sockets root:docker 660, nobody in the
// socket's group, content trust on). Used by the rule tests and the rules' examples; never by
// `tightship host` itself.
import type { HostModel } from '../../src/targets/host/model.js';

export function hardenedHost(path: string): HostModel {
  return {
    path,
    today: '2026-06-01',
    engine: {
      ok: true,
      value: {
        serverVersion: '28.1.1', apiVersion: '1.49', buildDate: '2026-04-18', operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0', rootless: true, securityOptions: ['apparmor', 'seccomp', 'rootless', 'cgroupns'], seccompProfile: 'builtin',
        cgroupVersion: '2', cgroupDriver: 'systemd', storageDriver: 'overlay2', defaultRuntime: 'runc', runtimes: ['io.containerd.runc.v2', 'runc'],
      },
    },
    sockets: [
      { path: '/var/run/docker.sock', role: 'docker', stat: { ok: true, value: { path: '/var/run/docker.sock', uid: 0, gid: 105, owner: 'root', group: 'docker', mode: 0o660 } } },
      { path: '/run/containerd/containerd.sock', role: 'containerd', stat: { ok: false, absent: true, reason: 'no such socket' } },
    ],
    socketGroup: { ok: true, value: { name: 'docker', gid: 105, members: [], line: 40, file: '/etc/group' } },
    tlsFiles: { ok: true, value: [] },
    daemonConfig: { path: '/etc/docker/daemon.json', state: 'read', stat: { path: '/etc/docker/daemon.json', uid: 0, gid: 0, owner: 'root', group: 'root', mode: 0o644 } },
    commandLine: { ok: true, value: { pid: 1, argv: ['/usr/bin/dockerd', '-H', 'fd://'] } },
    env: { contentTrust: '1', dockerHost: null, tlsVerify: null },
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

export function describeHost(code: string, path: string): HostModel {
  return merge(hardenedHost(path), JSON.parse(code) as unknown) as HostModel;
}
