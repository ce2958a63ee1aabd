// The runtime posture: what a container will run with (privileges, user, mounts, namespaces,
// capabilities, confinement, limits, ports, environment, image, health, restart, logging), as a
// compose service or a `docker run` line says it. Each target computes it from its own model
// (targets/run/posture.ts for command lines); the judgements below are written once and read by
// the compose rules and the run rules alike, so a service and the equivalent command line are
// graded the same. `L` is where a value was written, in the target's own terms. Pure.
import type { Severity } from '../engine/types.js';
import { parseImageRef } from '../targets/dockerfile/image-ref.js';

export interface Valued<L> {
  value: string;
  at: L;
  /** A variable the file does not resolve: judged only when its shape is certain. */
  unresolved?: boolean;
}

export interface PostureMount<L> {
  type: string;
  source: string | null;
  target: string;
  readOnly: boolean;
  at: L;
}

export interface PosturePort<L> {
  hostIp: string | null;
  published: string | null;
  target: string;
  allInterfaces: boolean;
  at: L;
}

export interface RuntimePosture<L> {
  privileged: Valued<L> | null;
  user: Valued<L> | null;
  readOnly: Valued<L> | null;
  tmpfs: Valued<L>[];
  mounts: PostureMount<L>[];
  capAdd: Valued<L>[];
  capDrop: Valued<L>[];
  securityOpt: Valued<L>[];
  /** Namespace settings: key (network, pid, ipc, uts, userns, cgroup) → value. */
  namespaces: { key: string; value: Valued<L> }[];
  devices: Valued<L>[];
  memory: Valued<L> | null;
  memorySwap: Valued<L> | null;
  cpus: Valued<L> | null;
  pids: Valued<L> | null;
  ports: PosturePort<L>[];
  env: { name: string; value: string | null; at: L; unresolved: boolean }[];
  image: Valued<L> | null;
  healthcheck: { disabled: boolean; at: L } | null;
  restart: Valued<L> | null;
  logging: { driver: string | null; maxSize: boolean; at: L } | null;
  /** A one-off run (`--rm`): not asked for a restart policy or a healthcheck. */
  oneOff: boolean;
}

/** Something a posture check found: at a written value, or (at: null) a setting that is missing. */
export interface PostureIssue<L> {
  at: L | null;
  message: string;
  severity?: Severity;
}

// ---------------------------------------------------------------------------------------------
// judgements shared by every target

/** Capabilities that give a way out of the container or over other processes. */
export const CRITICAL_CAPS: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'SYS_BOOT', 'MAC_ADMIN', 'MAC_OVERRIDE', 'BPF', 'PERFMON']);
/** Capabilities that change host-wide state or widen the attack surface. */
export const RISKY_CAPS: ReadonlySet<string> = new Set(['NET_ADMIN', 'SYS_TIME', 'SYS_RESOURCE', 'SYSLOG', 'SYS_CHROOT', 'DAC_OVERRIDE', 'SETFCAP', 'LINUX_IMMUTABLE', 'NET_RAW', 'AUDIT_CONTROL', 'SYS_NICE', 'WAKE_ALARM', 'BLOCK_SUSPEND', 'IPC_LOCK', 'SYS_PACCT', 'LEASE', 'CHECKPOINT_RESTORE']);

export function capName(value: string): string {
  return value.trim().toUpperCase().replace(/^CAP_/, '');
}

/** 'critical', 'risky' or null for an added capability. */
export function capDanger(value: string): 'critical' | 'risky' | null {
  const name = capName(value);
  return CRITICAL_CAPS.has(name) ? 'critical' : RISKY_CAPS.has(name) ? 'risky' : null;
}

export function dropsAll(capDrop: readonly { value: string }[]): boolean {
  return capDrop.some((c) => /^(CAP_)?ALL$/i.test(c.value.trim()));
}

/** The container engine's API socket (or its folder). */
export const SOCKET = /(^|\/)(docker|containerd|podman|crio)\.sock$|^\/var\/run\/docker$|^\/run\/containerd(\/|$)/;

export const SENSITIVE_PATHS: readonly string[] = ['/', '/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/var/lib/docker', '/var/run', '/run', '/usr', '/lib', '/bin', '/sbin', '/var/lib/kubelet', '/home'];

/** How a bind mount of a host path is judged: the socket, a sensitive path (writable or read-only), or nothing. */
export function hostPathDanger(source: string, readOnly: boolean): 'socket' | 'writable' | 'read-only' | null {
  if (!source.startsWith('/')) return null;
  const src = source.length > 1 ? source.replace(/\/+$/, '') : source;
  if (SOCKET.test(src)) return 'socket';
  const exact = SENSITIVE_PATHS.includes(src);
  const under = !exact && SENSITIVE_PATHS.some((s) => s !== '/' && src.startsWith(`${s}/`));
  if (!exact && !under) return null;
  if (under && readOnly) return null; // one file or folder below, read-only: the usual /etc/localtime:ro
  return readOnly ? 'read-only' : 'writable';
}

/** The confinement a security option switches off, or null. */
export function disabledProfile(option: string): 'seccomp' | 'apparmor' | 'label' | null {
  const v = option.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(seccomp|apparmor)[:=]unconfined$/.exec(v) ?? /^(label)[:=]disable$/.exec(v);
  return m ? (m[1] as 'seccomp' | 'apparmor' | 'label') : null;
}

export function profileLabel(kind: 'seccomp' | 'apparmor' | 'label'): string {
  return kind === 'label' ? 'SELinux labelling' : kind === 'seccomp' ? 'the seccomp profile' : 'the AppArmor profile';
}

/** no-new-privileges among the security options: 'on', 'off' (the last one says false) or 'absent'. */
export function noNewPrivileges<T extends { value: string }>(options: readonly T[]): { state: 'on' | 'off' | 'absent'; last?: T } {
  const nnp = options.map((o) => ({ o, v: o.value.trim().toLowerCase().replace(/\s+/g, '') })).filter((x) => x.v.startsWith('no-new-privileges'));
  if (nnp.some((x) => x.v === 'no-new-privileges' || x.v === 'no-new-privileges:true' || x.v === 'no-new-privileges=true')) return { state: 'on' };
  const last = nnp[nnp.length - 1];
  return last ? { state: 'off', last: last.o } : { state: 'absent' };
}

/** true when the user is root: root, 0, root:x, 0:0 (after interpolation). */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0]!.trim();
  return u === 'root' || u === '0' || u === '';
}

export function isAllInterfaces(ip: string | null): boolean {
  return ip === null || ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '[::]';
}

/** The image tag problem: untagged (that is :latest), :latest, or null (a version tag or a digest). */
export function imageTagProblem(image: string): 'untagged' | 'latest' | null {
  const ref = parseImageRef(image.trim());
  if (!ref || ref.digest) return null;
  if (ref.tag === null) return 'untagged';
  return ref.tag === 'latest' ? 'latest' : null;
}

/** Bytes of a Docker memory size (`512m`, `1g`, `1073741824`, `512MiB`), or null when not a size. */
export function memoryBytes(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?\s*$/i.exec(value);
  if (!m) return null;
  const unit = ' kmgtp'.indexOf((m[2] || ' ').toLowerCase());
  return Math.round(Number(m[1]) * 1024 ** Math.max(0, unit));
}

/** An unlimited memory value: empty, 0 or -1. */
export function unlimitedMemory(value: string): boolean {
  const v = value.trim();
  return v === '' || v === '0' || v === '-1';
}

/** A CPU or pids value that limits nothing: empty, zero or negative. */
export function noLimit(value: string): boolean {
  const v = value.trim();
  return v === '' || Number(v) <= 0;
}

// ---------------------------------------------------------------------------------------------
// checks over a posture: `who` names the subject in messages ('service api', 'this docker run')

export function checkPrivileged<L>(p: RuntimePosture<L>, who: string): PostureIssue<L>[] {
  return p.privileged && /^(true|yes|on|1)$/i.test(p.privileged.value.trim())
    ? [{ at: p.privileged.at, message: `${who} runs privileged: it has full control of the host` }] : [];
}

export function checkHostMounts<L>(p: RuntimePosture<L>, who: string, want: 'socket' | 'sensitive'): PostureIssue<L>[] {
  const out: PostureIssue<L>[] = [];
  for (const m of p.mounts) {
    if (m.type !== 'bind' || !m.source) continue;
    const d = hostPathDanger(m.source, m.readOnly);
    const src = m.source.length > 1 ? m.source.replace(/\/+$/, '') : m.source;
    if (want === 'socket' && d === 'socket') out.push({ at: m.at, message: `${who} mounts the container engine socket ${src}: root on the host` });
    if (want === 'sensitive' && d === 'writable') out.push({ at: m.at, message: `${who} mounts the host's ${src} writable` });
    if (want === 'sensitive' && d === 'read-only') out.push({ at: m.at, message: `${who} mounts the host's ${src} (read-only)`, severity: 'warning' });
  }
  return out;
}

const NAMESPACE_NAMES: Record<string, string> = {
  network: 'network', pid: 'process (PID)', ipc: 'IPC', uts: 'UTS (hostname)', userns: 'user', cgroup: 'cgroup',
};

export function checkHostNamespaces<L>(p: RuntimePosture<L>, who: string, written: (key: string) => string): PostureIssue<L>[] {
  return p.namespaces.filter((n) => n.value.value.trim().toLowerCase() === 'host')
    .map((n) => ({ at: n.value.at, message: `${who} shares the host's ${NAMESPACE_NAMES[n.key] ?? n.key} namespace (${written(n.key)})` }));
}

export function checkCapAdd<L>(p: RuntimePosture<L>, who: string): PostureIssue<L>[] {
  const out: PostureIssue<L>[] = [];
  for (const c of p.capAdd) {
    const d = capDanger(c.value);
    if (d === 'critical') out.push({ at: c.at, message: `${who} adds ${capName(c.value)}: a way out of the container`, severity: 'error' });
    else if (d === 'risky') out.push({ at: c.at, message: `${who} adds ${capName(c.value)}` });
  }
  return out;
}

export function checkSecurityProfiles<L>(p: RuntimePosture<L>, who: string): PostureIssue<L>[] {
  const out: PostureIssue<L>[] = [];
  for (const o of p.securityOpt) {
    const d = disabledProfile(o.value);
    if (d) out.push({ at: o.at, message: `${who} disables ${profileLabel(d)} (${o.value.trim()})` });
  }
  return out;
}

export function checkPorts<L>(p: RuntimePosture<L>, who: string): PostureIssue<L>[] {
  return p.ports.filter((x) => x.allInterfaces).map((x) => ({
    at: x.at, message: `${who} publishes ${x.published ? `${x.published}->${x.target}` : `${x.target} (on a random host port)`} on all host interfaces`,
  }));
}

/** Memory limited but swap not limited to the same amount: Docker then allows as much swap again
 *  (--memory-swap unset is twice the memory), so the limit does not bound what the container holds. */
export function checkMemorySwap<L>(p: RuntimePosture<L>, who: string): PostureIssue<L>[] {
  if (!p.memory || p.memory.unresolved || unlimitedMemory(p.memory.value)) return [];
  const mem = memoryBytes(p.memory.value);
  if (!p.memorySwap) return [{ at: p.memory.at, message: `${who} limits memory to ${p.memory.value.trim()} but not swap: it may use as much swap again (set the swap limit equal to the memory limit)` }];
  if (p.memorySwap.unresolved) return [];
  const swap = p.memorySwap.value.trim();
  if (swap === '-1') return [{ at: p.memorySwap.at, message: `${who} allows unlimited swap (memory-swap -1)` }];
  const bytes = memoryBytes(swap);
  if (mem !== null && bytes !== null && bytes > mem) return [{ at: p.memorySwap.at, message: `${who} allows ${swap} of memory plus swap over a ${p.memory.value.trim()} memory limit: set them equal` }];
  return [];
}
