// Every compose rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';
import capDropAllMissing from './cap-drop-all-missing.js';
import cgroupParent from './cgroup-parent.js';
import cpuLimitMissing from './cpu-limit-missing.js';
import dangerousCapAdd from './dangerous-cap-add.js';
import dockerSocketMounted from './docker-socket-mounted.js';
import healthcheckDisabled from './healthcheck-disabled.js';
import healthcheckMissing from './healthcheck-missing.js';
import hostDevices from './host-devices.js';
import hostNamespace from './host-namespace.js';
import imageLatest from './image-latest.js';
import imageNotPinned from './image-not-pinned.js';
import interpolation from './interpolation.js';
import invalidYaml from './invalid-yaml.js';
import loggingLimitsMissing from './logging-limits-missing.js';
import memoryLimitMissing from './memory-limit-missing.js';
import missingFile from './missing-file.js';
import noNewPrivilegesMissing from './no-new-privileges-missing.js';
import notCompose from './not-compose.js';
import pidsLimitMissing from './pids-limit-missing.js';
import portAllInterfaces from './port-all-interfaces.js';
import privileged from './privileged.js';
import privilegedHostPort from './privileged-host-port.js';
import readOnlyMissing from './read-only-missing.js';
import readOnlyWithoutTmpfs from './read-only-without-tmpfs.js';
import restartAlways from './restart-always.js';
import restartMissing from './restart-missing.js';
import schemaViolation from './schema-violation.js';
import secretInEnvironment from './secret-in-environment.js';
import securityProfileDisabled from './security-profile-disabled.js';
import sensitiveHostPath from './sensitive-host-path.js';
import unsafeSysctl from './unsafe-sysctl.js';
import userMissing from './user-missing.js';
import userRoot from './user-root.js';

export const composeRules: Rule[] = [
  capDropAllMissing, cgroupParent, cpuLimitMissing, dangerousCapAdd, dockerSocketMounted, healthcheckDisabled,
  healthcheckMissing, hostDevices, hostNamespace, imageLatest, imageNotPinned, interpolation, invalidYaml,
  loggingLimitsMissing, memoryLimitMissing, missingFile, noNewPrivilegesMissing, notCompose, pidsLimitMissing,
  portAllInterfaces, privileged, privilegedHostPort, readOnlyMissing, readOnlyWithoutTmpfs, restartAlways,
  restartMissing, schemaViolation, secretInEnvironment, securityProfileDisabled, sensitiveHostPath, unsafeSysctl,
  userMissing, userRoot,
] as Rule[];
