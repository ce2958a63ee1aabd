// The flag tables of the container CLIs, written from Docker's CLI reference (`docker container
// run`, `docker container create`, `docker service create`, Docker 28): each flag's long name, its
// short letter, and whether it takes a value. Whether a flag takes a value decides where the
// image is (the first word that is neither a flag nor a flag's value), so the table must be
// complete: a flag that is not in it is reported, never guessed.

export interface FlagDef {
  /** The long name without dashes, as Docker documents it. */
  long: string;
  short?: string;
  /** true: `--flag value` or `--flag=value`; false: a boolean (`--flag`, `--flag=false`). */
  value: boolean;
  /** Repeatable (a list): every occurrence counts; otherwise the last one wins. */
  repeat?: boolean;
}

const b = (long: string, short?: string): FlagDef => (short ? { long, short, value: false } : { long, value: false });
const v = (long: string, short?: string): FlagDef => (short ? { long, short, value: true } : { long, value: true });
const l = (long: string, short?: string): FlagDef => (short ? { long, short, value: true, repeat: true } : { long, value: true, repeat: true });

/** `docker container run` / `docker container create` (create has no --detach, --rm … differences that matter here: it accepts the same table minus -d/--sig-proxy/--detach-keys). */
export const RUN_FLAGS: readonly FlagDef[] = [
  l('add-host'), l('annotation'), l('attach', 'a'), v('blkio-weight'), l('blkio-weight-device'), l('cap-add'), l('cap-drop'),
  v('cgroup-parent'), v('cgroupns'), v('cidfile'), v('cpu-count'), v('cpu-percent'), v('cpu-period'), v('cpu-quota'),
  v('cpu-rt-period'), v('cpu-rt-runtime'), v('cpu-shares', 'c'), v('cpus'), v('cpuset-cpus'), v('cpuset-mems'), b('detach', 'd'),
  v('detach-keys'), l('device'), l('device-cgroup-rule'), l('device-read-bps'), l('device-read-iops'), l('device-write-bps'),
  l('device-write-iops'), b('disable-content-trust'), l('dns'), l('dns-option'), l('dns-opt'), l('dns-search'), v('domainname'),
  v('entrypoint'), l('env', 'e'), l('env-file'), l('expose'), v('gpus'), l('group-add'), v('health-cmd'), v('health-interval'),
  v('health-retries'), v('health-start-interval'), v('health-start-period'), v('health-timeout'), b('help'), v('hostname', 'h'),
  b('init'), b('interactive', 'i'), v('io-maxbandwidth'), v('io-maxiops'), v('ip'), v('ip6'), v('ipc'), v('isolation'),
  v('kernel-memory'), l('label', 'l'), l('label-file'), l('link'), l('link-local-ip'), v('log-driver'), l('log-opt'),
  v('mac-address'), v('memory', 'm'), v('memory-reservation'), v('memory-swap'), v('memory-swappiness'), l('mount'), v('name'),
  l('network'), l('net'), l('network-alias'), l('net-alias'), b('no-healthcheck'), b('oom-kill-disable'), v('oom-score-adj'),
  v('pid'), v('pids-limit'), v('platform'), b('privileged'), l('publish', 'p'), b('publish-all', 'P'), v('pull'), b('quiet', 'q'),
  b('read-only'), v('restart'), b('rm'), v('runtime'), l('security-opt'), v('shm-size'), b('sig-proxy'), v('stop-signal'),
  v('stop-timeout'), l('storage-opt'), l('sysctl'), l('tmpfs'), b('tty', 't'), l('ulimit'), b('use-api-socket'), v('user', 'u'),
  v('userns'), v('uts'), l('volume', 'v'), v('volume-driver'), l('volumes-from'), v('workdir', 'w'),
];

/** `docker service create`. */
export const SERVICE_FLAGS: readonly FlagDef[] = [
  l('cap-add'), l('cap-drop'), l('config'), l('constraint'), l('container-label'), v('credential-spec'), b('detach', 'd'),
  l('dns'), l('dns-option'), l('dns-search'), v('endpoint-mode'), v('entrypoint'), l('env', 'e'), l('env-file'),
  l('generic-resource'), l('group'), v('health-cmd'), v('health-interval'), v('health-retries'), v('health-start-interval'),
  v('health-start-period'), v('health-timeout'), b('help'), l('host'), v('hostname'), b('init'), v('isolation'), l('label', 'l'),
  v('limit-cpu'), v('limit-memory'), v('limit-pids'), v('log-driver'), l('log-opt'), v('max-concurrent'), v('mode'), l('mount'),
  v('name'), l('network'), b('no-healthcheck'), b('no-resolve-image'), v('oom-score-adj'), l('placement-pref'), l('publish', 'p'),
  b('quiet', 'q'), b('read-only'), v('replicas'), v('replicas-max-per-node'), v('reserve-cpu'), v('reserve-memory'),
  v('restart-condition'), v('restart-delay'), v('restart-max-attempts'), v('restart-window'), v('rollback-delay'),
  v('rollback-failure-action'), v('rollback-max-failure-ratio'), v('rollback-monitor'), v('rollback-order'),
  v('rollback-parallelism'), l('secret'), v('stop-grace-period'), v('stop-signal'), l('sysctl'), b('tty', 't'), l('ulimit'),
  v('update-delay'), v('update-failure-action'), v('update-max-failure-ratio'), v('update-monitor'), v('update-order'),
  v('update-parallelism'), v('user', 'u'), b('with-registry-auth'), v('workdir', 'w'),
];

/** Hidden or older names Docker still accepts, mapped to the documented flag. */
export const ALIASES: Readonly<Record<string, string>> = { net: 'network', 'net-alias': 'network-alias', 'dns-opt': 'dns-option' };

/** Options of the `docker` / `podman` / `nerdctl` command itself, before the subcommand. */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  v('config'), v('context', 'c'), b('debug', 'D'), v('host', 'H'), v('log-level', 'l'), b('tls'), v('tlscacert'), v('tlscert'),
  v('tlskey'), b('tlsverify'), b('remote', 'r'), v('connection'), v('url'), v('identity'), v('root'), v('runroot'),
  v('namespace', 'n'), v('address', 'a'), v('storage-driver'), v('cgroup-manager'), v('events-backend'), v('runtime'),
];

export interface FlagTable {
  long: Map<string, FlagDef>;
  short: Map<string, FlagDef>;
}

function table(defs: readonly FlagDef[]): FlagTable {
  const t: FlagTable = { long: new Map(), short: new Map() };
  for (const d of defs) {
    t.long.set(d.long, d);
    if (d.short) t.short.set(d.short, d);
  }
  return t;
}

export const RUN_TABLE = table(RUN_FLAGS);
export const SERVICE_TABLE = table(SERVICE_FLAGS);
export const GLOBAL_TABLE = table(GLOBAL_FLAGS);
