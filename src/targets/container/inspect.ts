// Pure translation of the Engine API's container inspect document into the model's HostConfig facts.
import type { HostConfigFacts, Mount, PublishedPort, Ulimit } from './model.js';

/** A field of a parsed JSON value, as `v?.[key]` reads it: undefined on null, undefined or a primitive. */
export function get(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}

/** A JSON scalar as text, as `String(v ?? '')` gives it. */
export function text(v: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the engine's fields here are scalars; anything else reads as String() shows it
  return String(v ?? '');
}

export function hostConfigFacts(inspect: unknown): HostConfigFacts {
  const hc = get(inspect, 'HostConfig') ?? {};
  const ports: PublishedPort[] = [];
  // NetworkSettings.Ports has the bound addresses of a running container; HostConfig.PortBindings what was asked
  const running = get(get(inspect, 'NetworkSettings'), 'Ports');
  const bound = running && Object.keys(running).length ? running : get(hc, 'PortBindings') ?? {};
  for (const [containerPort, bindings] of Object.entries(bound as Record<string, unknown>)) {
    for (const b of (bindings ?? []) as unknown[]) {
      ports.push({ containerPort, hostIp: text(get(b, 'HostIp')), hostPort: text(get(b, 'HostPort')) });
    }
  }
  ports.sort((a, b) => (a.containerPort + a.hostIp + a.hostPort).localeCompare(b.containerPort + b.hostIp + b.hostPort));
  const mounts: Mount[] = ((get(inspect, 'Mounts') ?? []) as unknown[]).map((m) => ({
    type: text(get(m, 'Type')),
    source: text(get(m, 'Source')),
    destination: text(get(m, 'Destination')),
    readOnly: get(m, 'RW') === false,
    propagation: text(get(m, 'Propagation')),
  }));
  const ulimits: Ulimit[] = ((get(hc, 'Ulimits') ?? []) as unknown[]).map((u) => ({ name: text(get(u, 'Name')), soft: Number(get(u, 'Soft') ?? 0), hard: Number(get(u, 'Hard') ?? 0) }));
  const nano = Number(get(hc, 'NanoCpus') ?? 0);
  const quota = Number(get(hc, 'CpuQuota') ?? 0);
  const period = Number(get(hc, 'CpuPeriod') ?? 0) || 100_000;
  const pids = get(hc, 'PidsLimit');
  const restart = get(hc, 'RestartPolicy');
  const log = get(hc, 'LogConfig');
  return {
    readonlyRootfs: get(hc, 'ReadonlyRootfs') === true,
    privileged: get(hc, 'Privileged') === true,
    capAdd: strings(get(hc, 'CapAdd')),
    capDrop: strings(get(hc, 'CapDrop')),
    securityOpt: strings(get(hc, 'SecurityOpt')),
    memory: Number(get(hc, 'Memory') ?? 0),
    cpus: nano > 0 ? nano / 1e9 : quota > 0 ? quota / period : 0,
    pidsLimit: typeof pids === 'number' ? pids : null,
    networkMode: text(get(hc, 'NetworkMode')),
    memorySwap: Number(get(hc, 'MemorySwap') ?? 0),
    apparmorProfile: text(get(inspect, 'AppArmorProfile')),
    networkNone: get(hc, 'NetworkMode') === 'none',
    pidMode: text(get(hc, 'PidMode')),
    ipcMode: text(get(hc, 'IpcMode')),
    utsMode: text(get(hc, 'UTSMode')),
    userNsMode: text(get(hc, 'UsernsMode')),
    tmpfs: { ...(get(hc, 'Tmpfs') ?? {}) },
    ports,
    mounts,
    devices: ((get(hc, 'Devices') ?? []) as unknown[]).map((d) => text(get(d, 'PathOnHost'))),
    ulimits,
    cgroupParent: text(get(hc, 'CgroupParent')),
    networks: Object.keys(get(get(inspect, 'NetworkSettings'), 'Networks') ?? {}).sort(),
    restartPolicy: { name: text(get(restart, 'Name')), maximumRetryCount: Number(get(restart, 'MaximumRetryCount') ?? 0) },
    logConfig: { type: text(get(log, 'Type')), config: { ...(get(log, 'Config') ?? {}) } },
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** The image's healthcheck test, or null when it has none or `NONE`. */
export function healthcheckOf(config: unknown): string[] | null {
  const test = get(get(config, 'Healthcheck'), 'Test');
  if (!Array.isArray(test) || test.length === 0 || test[0] === 'NONE') return null;
  return test.map(String);
}
