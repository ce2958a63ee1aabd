// The typed model of a container target: what the engine says about the container (inspect) and
// what probes inside it measured. Plain data; the container rules are pure checks over it.

/** A probe result: a measured value, or the reason it could not be measured (never a guess). */
export type Probe<T> =
  | { ok: true; value: T; method: ProbeMethod }
  | { ok: false; reason: string };

/** How a value was obtained: a shell in the container, the image's node, the engine, or the host. */
export type ProbeMethod = 'sh' | 'node' | 'inspect' | 'host';

export interface Identity {
  uid: number;
  gid: number;
  /** From the container's /etc/passwd; null when the uid has no entry. */
  user: string | null;
  home: string | null;
  shell: string | null;
}

export interface Capabilities {
  /** Raw hex masks from /proc/1/status. */
  effectiveHex: string;
  permittedHex: string;
  boundingHex: string;
  /** Decoded names (CAP_ prefix dropped: CHOWN, NET_BIND_SERVICE, ...). */
  effective: string[];
  permitted: string[];
  bounding: string[];
}

export type HealthStatus = 'healthy' | 'unhealthy' | 'starting' | 'timeout';

export interface Health {
  /** false when the image and the container define no healthcheck (or `NONE`). */
  defined: boolean;
  /** The status reached; null when no healthcheck is defined. */
  status: HealthStatus | null;
  /** How long verify waited for it, in ms. */
  waitedMs: number;
  /** The last health-check output the engine kept, trimmed (evidence for a failure). */
  lastOutput?: string;
  /** The check runs the engine kept (State.Health.Log), oldest first, outputs trimmed to one line. */
  log?: HealthRun[];
  /** The check's own curl, run once more by verify with the HTTP status written out, when the check
   *  calls curl without --fail (an HTTP error status exits 0 there). */
  curl?: HealthCurl;
}

/** One run of the health check, as the engine logged it. */
export interface HealthRun {
  /** The check's exit code; -1 when the engine could not start its command. */
  exitCode: number;
  output: string;
}

export interface HealthCurl {
  /** The URL the check asks for. */
  url: string;
  /** The HTTP status the service answered; null when the request failed (see error). */
  status: number | null;
  error?: string;
}

export interface HttpCheck {
  path: string;
  /** The HTTP status, or null when the request failed (see error). */
  status: number | null;
  error?: string;
  /** Where the request came from: the host through a loopback-published port, or inside the container. */
  from: 'host' | 'container';
  url: string;
}

export interface PublishedPort {
  /** e.g. 8000/tcp */
  containerPort: string;
  /** '' or 0.0.0.0 / :: mean every interface. */
  hostIp: string;
  hostPort: string;
}

export interface Mount {
  type: string;
  source: string;
  destination: string;
  readOnly: boolean;
  /** Bind propagation (private, rprivate, shared, rshared, slave, rslave); '' when the engine gives none. */
  propagation: string;
}

export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
}

/** An exec session the engine keeps for the container (docker exec), from its exec inspect. */
export interface ExecSession {
  id: string;
  privileged: boolean;
  /** The --user of the session ('' = the container's user). */
  user: string;
  command: string;
  running: boolean;
}

export interface HostConfigFacts {
  readonlyRootfs: boolean;
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  securityOpt: string[];
  /** Bytes; 0 = unlimited. */
  memory: number;
  /** CPUs (NanoCpus / 1e9, or CpuQuota / CpuPeriod); 0 = unlimited. */
  cpus: number;
  /** null or <= 0 = unlimited. */
  pidsLimit: number | null;
  networkMode: string;
  /** Bytes of memory + swap (MemorySwap); 0 = not set (twice the memory), -1 = unlimited swap. */
  memorySwap: number;
  /** The AppArmor profile the container runs under ('' when AppArmor is not in use). */
  apparmorProfile: string;
  /** NetworkMode is none: no network at all. */
  networkNone: boolean;
  pidMode: string;
  ipcMode: string;
  utsMode: string;
  userNsMode: string;
  tmpfs: Record<string, string>;
  ports: PublishedPort[];
  mounts: Mount[];
  devices: string[];
  /** HostConfig.Ulimits: limits set for this container over the daemon's defaults. */
  ulimits: Ulimit[];
  /** HostConfig.CgroupParent ('' = the engine's default). */
  cgroupParent: string;
  /** The networks the container is attached to (NetworkSettings.Networks), sorted. */
  networks: string[];
  restartPolicy: { name: string; maximumRetryCount: number };
  logConfig: { type: string; config: Record<string, string> };
}

export interface ContainerModel {
  /** Relative POSIX path (or reference) used in findings: the image reference or container name. */
  path: string;
  /** How verify got the container: it ran the image itself, or it inspected a running one. */
  mode: 'image' | 'container';
  /** The run profile when verify ran the image; null for --container. */
  profile: 'hardened' | 'as-is' | null;
  image: { ref: string; id: string; user: string; healthcheck: string[] | null };
  container: { id: string; name: string };
  hostConfig: HostConfigFacts;
  identity: Probe<Identity>;
  passwdWritable: Probe<boolean>;
  rootfsWritable: Probe<boolean>;
  tmpWritable: Probe<boolean>;
  capabilities: Probe<Capabilities>;
  /** 0 or 1, from /proc/1/status. */
  noNewPrivs: Probe<number>;
  /** 0 disabled, 1 strict, 2 filter. */
  seccomp: Probe<number>;
  /** The processes running in the container, as the engine lists them (docker top: command lines). */
  processes: Probe<string[]>;
  /** The container's exec sessions (ExecIDs, each inspected). */
  execs: Probe<ExecSession[]>;
  health: Health;
  /** null when no HTTP path was asked for. */
  http: HttpCheck | null;
  /** A `docker stats` snapshot taken after the checks (evidence only; no rule reads it). */
  stats?: StatsSnapshot | null;
}

/** Resource use at one moment, against the container's limits (null: no limit set). */
export interface StatsSnapshot {
  memoryBytes: number;
  memoryLimitBytes: number | null;
  /** Percent of one CPU × online CPUs, as `docker stats` shows it. */
  cpuPercent: number;
  pids: number;
  pidsLimit: number | null;
}
