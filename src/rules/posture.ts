// The runtime posture: what a container will run with (privileges, user, mounts, namespaces,
// capabilities, confinement, limits, ports, environment, image, health, restart, logging), as a
// compose service or a `docker run` line says it. Each target computes it from its own model
// (targets/run/posture.ts for command lines); the judgements below are written once and read by
// the compose rules and the run rules alike, so a service and the equivalent command line are
// graded the same. `L` is where a value was written, in the target's own terms. Pure.
import type { RuleLevel, Severity } from '../engine/types.js';
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
// grading shared by every target: one setting, one level, whichever file or engine says it

/** The level each posture check guards, for the rules of every target that judges a posture
 *  (compose services, `docker run` lines, `verify` of a running container). Privileges, the engine
 *  socket, host namespaces and a root user each make the container root on the host, whatever else
 *  it sets: they keep the target at root. */
export const POSTURE_LEVEL = {
  privileged: 'nonroot',
  socket: 'nonroot',
  hostNamespace: 'nonroot',
  rootUser: 'nonroot',
  sensitiveMount: 'hardened',
  capAdd: 'hardened',
  securityProfile: 'hardened',
} as const satisfies Record<string, RuleLevel>;

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

// Which host paths are sensitive, by what the container gets through them:
// - a system tree as a whole (/, /etc, /usr, /var, /run, /home …): the host's configuration,
//   programs or every user's files. A folder below one is usually the application's own data
//   (/etc/pihole, /usr/share/appdata/x, /var/lib/grafana) and is not reported.
// - kernel and device interfaces, where anything below is as sensitive as the top: /proc,
//   /sys, /dev, /boot, kernel modules and sources (/lib/modules, /usr/src: the host loads and
//   builds from them). Read-only, a file below is routine (/sys/fs/cgroup:ro for a monitor).
// - credentials and control files of the host, exact or below, read-only included (they leak
//   secrets): /root, a user's home, /etc/shadow, SSH host keys, engine and kubelet state.
// - files that change the host when written (accounts, sudo, cron, systemd, PAM, the loader):
//   writable only; a read-only /etc/passwd for the host's user names is routine.
const SYSTEM_TREES = new Set(['/', '/etc', '/usr', '/usr/local', '/usr/lib', '/usr/bin', '/usr/sbin', '/lib', '/lib64', '/bin', '/sbin', '/var', '/var/lib', '/var/run', '/run', '/home', '/opt', '/srv', '/mnt']);
const KERNEL = ['/proc', '/sys', '/dev', '/boot', '/lib/modules', '/usr/lib/modules', '/usr/src'];
const SECRETS = ['/root', '/etc/shadow', '/etc/gshadow', '/etc/ssh', '/etc/ssl/private', '/etc/kubernetes', '/etc/docker', '/etc/containerd', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet', '/run/secrets', '/run/dbus', '/var/run/dbus'];
const HOST_CONTROL = ['/etc/passwd', '/etc/group', '/etc/sudoers', '/etc/sudoers.d', '/etc/crontab', '/etc/cron.d', '/etc/cron.daily', '/etc/cron.hourly', '/etc/systemd', '/etc/pam.d', '/etc/security', '/etc/ld.so.preload', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/profile.d', '/etc/init.d', '/var/spool/cron'];
const HOME_SECRETS = /^\/home\/[^/]+(\/\.(ssh|aws|docker|kube|gnupg|config\/gcloud)(\/.*)?)?$/;

const at = (list: readonly string[], p: string) => list.find((s) => p === s || p.startsWith(`${s}/`));

/** How a bind-mounted host path is sensitive: 'always' (reported read-only too), 'writable'
 *  (only when writable), or null (not sensitive). Exported for the run target. */
export function hostPathSensitivity(src: string, readOnly: boolean): { what: string; reportReadOnly: boolean } | null {
  if (SYSTEM_TREES.has(src)) return { what: 'a system tree', reportReadOnly: true };
  const kernel = at(KERNEL, src);
  if (kernel) return { what: 'a kernel or device interface', reportReadOnly: src === kernel };
  if (at(SECRETS, src) || HOME_SECRETS.test(src)) return { what: 'host credentials', reportReadOnly: true };
  if (!readOnly && at(HOST_CONTROL, src)) return { what: 'a file that controls the host', reportReadOnly: false };
  return null;
}

/** How a bind mount of a host path is judged: the socket, a sensitive path (writable, or
 *  read-only where that is sensitive too, with what it gives), or nothing. */
export function hostPathDanger(source: string, readOnly: boolean): { kind: 'socket' } | { kind: 'writable' | 'read-only'; what: string } | null {
  if (!source.startsWith('/')) return null;
  const src = source.length > 1 ? source.replace(/\/+$/, '') : source;
  if (SOCKET.test(src)) return { kind: 'socket' };
  const hit = hostPathSensitivity(src, readOnly);
  if (!hit || (readOnly && !hit.reportReadOnly)) return null;
  return { kind: readOnly ? 'read-only' : 'writable', what: hit.what };
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
export function noNewPrivileges<T extends { value: string }>(options: readonly T[]): { state: 'on' | 'absent'; last?: undefined } | { state: 'off'; last: T } {
  const nnp = options.map((o) => ({ o, v: o.value.trim().toLowerCase().replace(/\s+/g, '') })).filter((x) => x.v.startsWith('no-new-privileges'));
  if (nnp.some((x) => x.v === 'no-new-privileges' || x.v === 'no-new-privileges:true' || x.v === 'no-new-privileges=true')) return { state: 'on' };
  const last = nnp.at(-1);
  return last ? { state: 'off', last: last.o } : { state: 'absent' };
}

/** true when the user is root: root, 0, root:x, 0:0 (after interpolation). */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0].trim();
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
    if (want === 'socket' && d?.kind === 'socket') out.push({ at: m.at, message: `${who} mounts the container engine socket ${src}: root on the host` });
    if (want === 'sensitive' && d?.kind === 'writable') out.push({ at: m.at, message: `${who} mounts the host's ${src} writable (${d.what})` });
    if (want === 'sensitive' && d?.kind === 'read-only') out.push({ at: m.at, message: `${who} mounts the host's ${src} (read-only; ${d.what})`, severity: 'warning' });
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
