// Every run rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';
import capDropAllMissing from './cap-drop-all-missing.js';
import cpuLimitMissing from './cpu-limit-missing.js';
import dangerousCapAdd from './dangerous-cap-add.js';
import dockerSocketMounted from './docker-socket-mounted.js';
import healthcheckDisabled from './healthcheck-disabled.js';
import healthcheckMissing from './healthcheck-missing.js';
import hostDevices from './host-devices.js';
import hostNamespace from './host-namespace.js';
import imageLatest from './image-latest.js';
import loggingLimitsMissing from './logging-limits-missing.js';
import memoryLimitMissing from './memory-limit-missing.js';
import memorySwapMissing from './memory-swap-missing.js';
import noNewPrivilegesMissing from './no-new-privileges-missing.js';
import pidsLimitMissing from './pids-limit-missing.js';
import portAllInterfaces from './port-all-interfaces.js';
import privileged from './privileged.js';
import readOnlyMissing from './read-only-missing.js';
import readOnlyWithoutTmpfs from './read-only-without-tmpfs.js';
import restartMissing from './restart-missing.js';
import secretInEnvironment from './secret-in-environment.js';
import securityProfileDisabled from './security-profile-disabled.js';
import sensitiveHostPath from './sensitive-host-path.js';
import unknownFlag from './unknown-flag.js';
import unreadableCommand from './unreadable-command.js';
import userMissing from './user-missing.js';
import userRoot from './user-root.js';

export const runRules: Rule[] = [
  capDropAllMissing, cpuLimitMissing, dangerousCapAdd, dockerSocketMounted, healthcheckDisabled, healthcheckMissing, hostDevices, hostNamespace, imageLatest, loggingLimitsMissing, memoryLimitMissing, memorySwapMissing, noNewPrivilegesMissing, pidsLimitMissing, portAllInterfaces, privileged, readOnlyMissing, readOnlyWithoutTmpfs, restartMissing, secretInEnvironment, securityProfileDisabled, sensitiveHostPath, unknownFlag, unreadableCommand, userMissing, userRoot,
] as Rule[];
