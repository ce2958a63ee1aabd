// Every container rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';
import runsAsRoot from './runs-as-root.js';
import loginShell from './login-shell.js';
import passwdWritable from './passwd-writable.js';
import rootfsWritable from './rootfs-writable.js';
import tmpNotWritable from './tmp-not-writable.js';
import effectiveCapabilities from './effective-capabilities.js';
import noNewPrivileges from './no-new-privileges.js';
import seccompDisabled from './seccomp-disabled.js';
import healthNotHealthy from './health-not-healthy.js';
import httpProbeFailed from './http-probe-failed.js';
import privileged from './privileged.js';
import hostNamespaces from './host-namespaces.js';
import dockerSocketMounted from './docker-socket-mounted.js';
import sensitiveHostMount from './sensitive-host-mount.js';
import noResourceLimits from './no-resource-limits.js';
import portsAllInterfaces from './ports-all-interfaces.js';
import noRestartPolicy from './no-restart-policy.js';
import noLogLimits from './no-log-limits.js';
import sshdRunning from './sshd-running.js';
import ulimitsOverridden from './ulimits-overridden.js';
import mountPropagationShared from './mount-propagation-shared.js';
import hostDevices from './host-devices.js';
import cgroupParent from './cgroup-parent.js';
import defaultBridge from './default-bridge.js';
import privilegedExec from './privileged-exec.js';
import healthcheckToolMissing from './healthcheck-tool-missing.js';
import healthcheckCurlNoFail from './healthcheck-curl-no-fail.js';

export const containerRules: Rule[] = [
  runsAsRoot, loginShell, passwdWritable, rootfsWritable, tmpNotWritable, effectiveCapabilities, noNewPrivileges,
  seccompDisabled, healthNotHealthy, httpProbeFailed, privileged, hostNamespaces, dockerSocketMounted,
  sensitiveHostMount, noResourceLimits, portsAllInterfaces, noRestartPolicy, noLogLimits,
  sshdRunning, ulimitsOverridden, mountPropagationShared, hostDevices, cgroupParent, defaultBridge, privilegedExec,
  healthcheckToolMissing, healthcheckCurlNoFail,
] as Rule[];
