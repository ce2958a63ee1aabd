// The host rules (tightship host: the engine, its sockets, their users, TLS files, environment).
import type { Rule } from '../../engine/types.js';
import cgroupV1 from './cgroup-v1.js';
import checkNotRun from './check-not-run.js';
import contentTrustDisabled from './content-trust-disabled.js';
import daemonConfigPermissions from './daemon-config-permissions.js';
import dockerGroupMembers from './docker-group-members.js';
import dockerHostPlainTcp from './docker-host-plain-tcp.js';
import engineOutdated from './engine-outdated.js';
import engineRootful from './engine-rootful.js';
import securityOptionsMissing from './security-options-missing.js';
import socketPermissions from './socket-permissions.js';
import storageDriverDeprecated from './storage-driver-deprecated.js';
import tlsFilePermissions from './tls-file-permissions.js';

export const hostRules: readonly Rule[] = [
  cgroupV1, checkNotRun, contentTrustDisabled, daemonConfigPermissions, dockerGroupMembers, dockerHostPlainTcp, engineOutdated,
  engineRootful, securityOptionsMissing, socketPermissions, storageDriverDeprecated, tlsFilePermissions,
] as Rule[];
