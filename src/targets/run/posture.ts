// The runtime posture (rules/posture.ts) of a run command: what the container will run with, from
// its flags, each value placed at the flag that set it. Docker's own defaults apply where a
// flag is absent. Memoised per command. Pure.
import type { RuntimePosture, Valued } from '../../rules/posture.js';
import { isAllInterfaces } from '../../rules/posture.js';
import { splitVolume } from '../compose/merge.js';
import { parsePortString } from '../compose/services.js';
import type { Place, RunCommand, RunFlag } from './model.js';

const memo = new WeakMap<RunCommand, RuntimePosture<Place>>();

function valued(f: RunFlag, value = f.value ?? ''): Valued<Place> {
  return f.unresolved ? { value, at: f.at, unresolved: true } : { value, at: f.at };
}

/** A boolean flag's value: `--rm` is true, `--rm=false` false. */
export function flagTrue(f: RunFlag): boolean {
  return f.value === null || /^(true|1|t)$/i.test(f.value.trim());
}

export function runPosture(cmd: RunCommand): RuntimePosture<Place> {
  const hit = memo.get(cmd);
  if (hit) return hit;
  const all = (name: string) => cmd.flags.filter((f) => f.name === name);
  const last = (name: string) => all(name).at(-1) ?? null;
  const lastValued = (name: string) => {
    const f = last(name);
    return f ? valued(f) : null;
  };
  const bool = (name: string): Valued<Place> | null => {
    const f = last(name);
    return f ? { value: flagTrue(f) ? 'true' : 'false', at: f.at } : null;
  };
  const service = cmd.verb === 'service create';
  const p: RuntimePosture<Place> = {
    privileged: bool('privileged'),
    user: lastValued('user'),
    readOnly: bool('read-only'),
    tmpfs: all('tmpfs').map((f) => valued(f)),
    mounts: [],
    capAdd: all('cap-add').flatMap((f) => (f.value ?? '').split(',').filter(Boolean).map((c) => valued(f, c))),
    capDrop: all('cap-drop').flatMap((f) => (f.value ?? '').split(',').filter(Boolean).map((c) => valued(f, c))),
    securityOpt: all('security-opt').map((f) => valued(f)),
    namespaces: [],
    devices: all('device').map((f) => valued(f)),
    memory: lastValued(service ? 'limit-memory' : 'memory'),
    memorySwap: lastValued('memory-swap'),
    cpus: null,
    pids: lastValued(service ? 'limit-pids' : 'pids-limit'),
    ports: [],
    env: [],
    image: cmd.image && !cmd.imageUncertain ? (cmd.image.unresolved ? { value: cmd.image.value, at: cmd.image.at, unresolved: true } : { value: cmd.image.value, at: cmd.image.at }) : null,
    healthcheck: null,
    restart: null,
    logging: null,
    oneOff: cmd.flags.some((f) => f.name === 'rm' && flagTrue(f)),
  };
  const cpus = last(service ? 'limit-cpu' : 'cpus') ?? last('cpu-quota');
  if (cpus) p.cpus = valued(cpus);
  for (const [flag, key] of [['network', 'network'], ['pid', 'pid'], ['ipc', 'ipc'], ['uts', 'uts'], ['userns', 'userns'], ['cgroupns', 'cgroup']] as const) {
    for (const f of all(flag)) p.namespaces.push({ key, value: valued(f) });
  }
  for (const f of all('volume')) {
    const parts = splitVolume(f.value ?? '');
    if (parts.length === 1) { p.mounts.push({ type: 'volume', source: null, target: parts[0], readOnly: false, at: f.at }); continue; }
    const source = parts[0];
    const bind = /^([./~]|[A-Za-z]:[\\/]|\\\\|\$)/.test(source) || source.includes('/');
    p.mounts.push({ type: bind ? 'bind' : 'volume', source, target: parts[1] ?? '', readOnly: (parts[2] ?? '').split(',').some((m) => m === 'ro' || m === 'readonly'), at: f.at });
  }
  for (const f of all('mount')) {
    const kv = mountFields(f.value ?? '');
    const type = kv.get('type') ?? 'volume';
    const target = kv.get('target') ?? kv.get('dst') ?? kv.get('destination') ?? '';
    const ro = ['readonly', 'ro'].some((k) => { const v = kv.get(k); return v !== undefined && !/^(false|0)$/i.test(v); });
    if (type === 'tmpfs') p.tmpfs.push({ value: target, at: f.at });
    p.mounts.push({ type, source: kv.get('source') ?? kv.get('src') ?? null, target, readOnly: ro, at: f.at });
  }
  const api = last('use-api-socket');
  if (api && flagTrue(api)) p.mounts.push({ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false, at: api.at });
  for (const f of all('publish')) {
    const v = f.value ?? '';
    if (service || /(^|,)(published|target)=/.test(v)) {
      const kv = mountFields(v);
      // a swarm port is published on every node's interfaces (ingress or host mode alike)
      p.ports.push({ hostIp: null, published: kv.get('published') ?? (v.includes('=') ? null : v.split(':')[0] ?? null), target: kv.get('target') ?? v.split(':').at(-1) ?? '', allInterfaces: true, at: f.at });
      continue;
    }
    const port = parsePortString(v);
    p.ports.push({ hostIp: port.hostIp, published: port.published, target: port.target, allInterfaces: !f.unresolved && isAllInterfaces(port.hostIp), at: f.at });
  }
  const all_ = last('publish-all');
  if (all_ && flagTrue(all_)) p.ports.push({ hostIp: null, published: null, target: 'every exposed port', allInterfaces: true, at: all_.at });
  for (const f of all('env')) {
    const v = f.value ?? '';
    const eq = v.indexOf('=');
    p.env.push({ name: eq < 0 ? v : v.slice(0, eq), value: eq < 0 ? null : v.slice(eq + 1), at: f.at, unresolved: f.unresolved });
  }
  const noHealth = last('no-healthcheck');
  const healthCmd = last('health-cmd');
  if (noHealth && flagTrue(noHealth)) p.healthcheck = { disabled: true, at: noHealth.at };
  else if (healthCmd) p.healthcheck = { disabled: /^\s*none\s*$/i.test(healthCmd.value ?? ''), at: healthCmd.at };
  const restart = last(service ? 'restart-condition' : 'restart');
  if (restart) p.restart = valued(restart);
  const driver = last('log-driver');
  const opts = all('log-opt');
  if (driver || opts.length) {
    p.logging = { driver: driver?.value ?? null, maxSize: opts.some((o) => /^max-size=/.test(o.value ?? '')), at: (driver ?? opts[0]).at };
  }
  memo.set(cmd, p);
  return p;
}

/** `type=bind,source=/x,target=/y,readonly` → its fields (a bare key has the value 'true'). */
export function mountFields(value: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const k = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (k) m.set(k, eq < 0 ? 'true' : part.slice(eq + 1).trim());
  }
  return m;
}
