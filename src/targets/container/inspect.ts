// Pure translation of the Engine API's container inspect document into the model's HostConfig facts.
import type { HostConfigFacts, Mount, PublishedPort, Ulimit } from './model.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export function hostConfigFacts(inspect: Json): HostConfigFacts {
  const hc: Json = inspect?.HostConfig ?? {};
  const ports: PublishedPort[] = [];
  // NetworkSettings.Ports has the bound addresses of a running container; HostConfig.PortBindings what was asked
  const bound: Json = inspect?.NetworkSettings?.Ports && Object.keys(inspect.NetworkSettings.Ports).length
    ? inspect.NetworkSettings.Ports : hc.PortBindings ?? {};
  for (const [containerPort, bindings] of Object.entries<Json>(bound ?? {})) {
    for (const b of (bindings as Json[] | null) ?? []) {
      ports.push({ containerPort, hostIp: String(b?.HostIp ?? ''), hostPort: String(b?.HostPort ?? '') });
    }
  }
  ports.sort((a, b) => (a.containerPort + a.hostIp + a.hostPort).localeCompare(b.containerPort + b.hostIp + b.hostPort));
  const mounts: Mount[] = ((inspect?.Mounts as Json[] | undefined) ?? []).map((m) => ({
    type: String(m.Type ?? ''),
    source: String(m.Source ?? ''),
    destination: String(m.Destination ?? ''),
    readOnly: m.RW === false,
    propagation: String(m.Propagation ?? ''),
  }));
  const ulimits: Ulimit[] = ((hc.Ulimits as Json[] | null) ?? []).map((u) => ({ name: String(u?.Name ?? ''), soft: Number(u?.Soft ?? 0), hard: Number(u?.Hard ?? 0) }));
  const nano = Number(hc.NanoCpus ?? 0);
  const quota = Number(hc.CpuQuota ?? 0);
  const period = Number(hc.CpuPeriod ?? 0) || 100_000;
  const pids = hc.PidsLimit;
  return {
    readonlyRootfs: hc.ReadonlyRootfs === true,
    privileged: hc.Privileged === true,
    capAdd: strings(hc.CapAdd),
    capDrop: strings(hc.CapDrop),
    securityOpt: strings(hc.SecurityOpt),
    memory: Number(hc.Memory ?? 0),
    cpus: nano > 0 ? nano / 1e9 : quota > 0 ? quota / period : 0,
    pidsLimit: typeof pids === 'number' ? pids : null,
    networkMode: String(hc.NetworkMode ?? ''),
    memorySwap: Number(hc.MemorySwap ?? 0),
    apparmorProfile: String(inspect.AppArmorProfile ?? ''),
    networkNone: hc.NetworkMode === 'none',
    pidMode: String(hc.PidMode ?? ''),
    ipcMode: String(hc.IpcMode ?? ''),
    utsMode: String(hc.UTSMode ?? ''),
    userNsMode: String(hc.UsernsMode ?? ''),
    tmpfs: { ...(hc.Tmpfs ?? {}) },
    ports,
    mounts,
    devices: ((hc.Devices as Json[] | null) ?? []).map((d) => String(d.PathOnHost ?? '')),
    ulimits,
    cgroupParent: String(hc.CgroupParent ?? ''),
    networks: Object.keys(inspect?.NetworkSettings?.Networks ?? {}).sort(),
    restartPolicy: { name: String(hc.RestartPolicy?.Name ?? ''), maximumRetryCount: Number(hc.RestartPolicy?.MaximumRetryCount ?? 0) },
    logConfig: { type: String(hc.LogConfig?.Type ?? ''), config: { ...(hc.LogConfig?.Config ?? {}) } },
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** The image's healthcheck test, or null when it has none or `NONE`. */
export function healthcheckOf(config: Json): string[] | null {
  const test = config?.Healthcheck?.Test;
  if (!Array.isArray(test) || test.length === 0 || test[0] === 'NONE') return null;
  return test.map(String);
}
