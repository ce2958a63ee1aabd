// The host target's model: what `tightship host` read about the Docker host it runs on. Every
// check is either its facts or the reason it could not run (no permission, no engine): rules say
// "could not check", never pass it. Plain data; the I/O is in load.ts.

/** A check's facts, or why it could not run. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface EngineFacts {
  serverVersion: string;
  apiVersion: string;
  /** The engine's build date (YYYY-MM-DD), when /version gives one. */
  buildDate: string | null;
  operatingSystem: string;
  kernelVersion: string;
  rootless: boolean;
  /** Names from /info SecurityOptions (apparmor, seccomp, selinux, userns, rootless, cgroupns). */
  securityOptions: string[];
  /** The seccomp profile the engine applies by default ('default', 'builtin', a path), when it says. */
  seccompProfile: string | null;
  cgroupVersion: string;
  cgroupDriver: string;
  storageDriver: string;
  defaultRuntime: string;
  runtimes: string[];
}

export interface FileFacts {
  path: string;
  uid: number;
  gid: number;
  /** User and group names (from /etc/passwd and /etc/group), or the numbers. */
  owner: string;
  group: string;
  /** Permission bits (0o660). */
  mode: number;
}

export interface SocketFacts {
  path: string;
  role: 'docker' | 'containerd';
  /** Facts, or why not; absent: the socket does not exist (a containerd socket is optional). */
  stat: Checked<FileFacts> | { ok: false; absent: true; reason: string };
}

export interface GroupFacts {
  name: string;
  gid: number;
  /** Users in the group: listed in /etc/group, or with it as their primary group in /etc/passwd. */
  members: string[];
  /** The 1-based line of the group in /etc/group (for the location). */
  line: number;
  file: string;
}

export interface TlsFileFacts extends FileFacts {
  kind: 'key' | 'certificate';
}

export interface HostModel {
  /** The result's path ('host'). */
  path: string;
  /** Today's date (YYYY-MM-DD), read by load: the version-age rule stays clock-free. */
  today: string;
  engine: Checked<EngineFacts>;
  sockets: SocketFacts[];
  /** The group that owns the Docker socket (or the group named docker), with its members. */
  socketGroup: Checked<GroupFacts>;
  tlsFiles: Checked<TlsFileFacts[]>;
  daemonConfig: { path: string; state: 'read' | 'absent' | 'unreadable'; reason?: string; stat?: FileFacts };
  /** dockerd's command line from /proc, when readable. */
  commandLine: Checked<{ pid: number; argv: string[] }>;
  env: { contentTrust: string | null; dockerHost: string | null; tlsVerify: string | null };
}
