// The daemon target's model: the settings of a Docker daemon (daemon.json, and on a live host the
// flags of the dockerd command line), each located on its key.
import type { SourceRange } from '../../engine/types.js';
import type { JNode, JsonProblem } from './json.js';

export interface DaemonSetting {
  /** The daemon.json key (a command-line flag is given its key: -H → hosts). */
  key: string;
  /** The plain value (JSON), as dockerd reads it. */
  value: unknown;
  /** The located value (null for a command-line flag). */
  node: JNode | null;
  /** Where the key is: its file (relative POSIX path, or the /proc cmdline) and range. */
  path: string;
  keyRange: SourceRange;
  /** Set when the setting came from the command line: the flag as written. */
  flag?: string;
}

export interface DaemonModel {
  /** Relative POSIX path of daemon.json (or where it would be). */
  path: string;
  text: string;
  /** The root object; null when the file could not be parsed (problems say why). */
  root: JNode | null;
  problems: JsonProblem[];
  /** The settings in force, file first, then command-line flags. */
  settings: DaemonSetting[];
  /** true when the file does not exist (a host without daemon.json runs on defaults). */
  absent?: boolean;
}

/** The last setting of `key` (file or flag). */
export function setting(model: DaemonModel, key: string): DaemonSetting | undefined {
  for (let i = model.settings.length - 1; i >= 0; i--) if (model.settings[i].key === key) return model.settings[i];
  return undefined;
}

/** The keys dockerd reads from daemon.json on Linux (dockerd's reference, "Daemon configuration
 *  file", current and recent releases; keys dropped in recent releases are still known so that
 *  an older engine's file is not called a typo). Our own list. */
export const DAEMON_KEYS: readonly string[] = [
  'allow-direct-routing', 'allow-nondistributable-artifacts', 'api-cors-header', 'authorization-plugins',
  'bip', 'bip6', 'bridge', 'bridge-accept-fwmark', 'builder', 'cdi-spec-dirs', 'cgroup-parent',
  'cluster-advertise', 'cluster-store', 'cluster-store-opts', 'containerd', 'containerd-namespace',
  'containerd-plugin-namespace', 'containerd-plugins-namespace', 'cpu-rt-period', 'cpu-rt-runtime', 'cri-containerd',
  'data-root', 'debug', 'default-address-pools', 'default-cgroupns-mode', 'default-gateway', 'default-gateway-v6',
  'default-init', 'default-ipc-mode', 'default-network-opts', 'default-runtime', 'default-shm-size',
  'default-ulimits', 'dns', 'dns-opts', 'dns-search', 'exec-opts', 'exec-root', 'experimental', 'features',
  'firewall-backend', 'fixed-cidr', 'fixed-cidr-v6', 'graph', 'group', 'host-gateway-ip', 'host-gateway-ips',
  'hosts', 'http-proxy', 'https-proxy', 'icc', 'init', 'init-path', 'insecure-registries', 'ip', 'ip-forward',
  'ip-forward-no-drop', 'ip-masq', 'ip6tables', 'iptables', 'ipv6', 'labels', 'live-restore', 'log-driver',
  'log-format', 'log-level', 'log-opts', 'max-concurrent-downloads', 'max-concurrent-uploads',
  'max-download-attempts', 'metrics-addr', 'min-api-version', 'mtu', 'network-control-plane-mtu',
  'network-diagnostic-port', 'no-new-privileges', 'no-proxy', 'node-generic-resources', 'nri-opts',
  'oom-score-adjust', 'pidfile', 'proxies', 'raw-logs', 'registry-mirrors', 'resolv-conf', 'rootless', 'runtimes',
  'seccomp-profile', 'selinux-enabled', 'shutdown-timeout', 'storage-driver', 'storage-opts',
  'swarm-default-advertise-addr', 'swarm-raft-election-tick', 'swarm-raft-heartbeat-tick', 'tls', 'tlscacert',
  'tlscert', 'tlskey', 'tlsverify', 'userland-proxy', 'userland-proxy-path', 'userns-remap',
];

/** Keys whose presence marks a JSON file as a daemon configuration (common, and distinctive). */
export const DISTINCTIVE_KEYS = new Set([
  'hosts', 'tlsverify', 'userns-remap', 'icc', 'live-restore', 'no-new-privileges', 'userland-proxy', 'log-driver',
  'log-opts', 'insecure-registries', 'registry-mirrors', 'storage-driver', 'data-root', 'default-ulimits',
  'seccomp-profile', 'exec-opts', 'default-address-pools', 'bip', 'iptables', 'authorization-plugins', 'features',
  'experimental', 'default-runtime', 'runtimes', 'dns', 'max-concurrent-downloads', 'builder', 'cgroup-parent',
]);
