// The daemon rules (daemon.json, and the dockerd command line on a live host).
import type { Rule } from '../../engine/types.js';
import authorizationPluginsMissing from './authorization-plugins-missing.js';
import buildkitDisabled from './buildkit-disabled.js';
import defaultUlimitsMissing from './default-ulimits-missing.js';
import experimentalEnabled from './experimental-enabled.js';
import iccEnabled from './icc-enabled.js';
import insecureRegistries from './insecure-registries.js';
import invalidJson from './invalid-json.js';
import liveRestoreMissing from './live-restore-missing.js';
import logRotationMissing from './log-rotation-missing.js';
import noNewPrivilegesMissing from './no-new-privileges-missing.js';
import seccompUnconfined from './seccomp-unconfined.js';
import tcpWithoutTls from './tcp-without-tls.js';
import unknownKey from './unknown-key.js';
import userlandProxyEnabled from './userland-proxy-enabled.js';
import usernsRemapMissing from './userns-remap-missing.js';

export const daemonRules: readonly Rule[] = [
  authorizationPluginsMissing, buildkitDisabled, defaultUlimitsMissing, experimentalEnabled, iccEnabled, insecureRegistries,
  invalidJson, liveRestoreMissing, logRotationMissing, noNewPrivilegesMissing, seccompUnconfined, tcpWithoutTls, unknownKey,
  userlandProxyEnabled, usernsRemapMissing,
] as Rule[];
