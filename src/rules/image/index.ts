// Every image rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';
import addUrlInHistory from './add-url-in-history.js';
import buildTools from './build-tools.js';
import curlPipeShell from './curl-pipe-shell.js';
import dangerousPort from './dangerous-port.js';
import duplicateIds from './duplicate-ids.js';
import emptyPassword from './empty-password.js';
import extraRootUsers from './extra-root-users.js';
import imageSize from './image-size.js';
import layerDigestMismatch from './layer-digest-mismatch.js';
import loginShell from './login-shell.js';
import missingOciLabels from './missing-oci-labels.js';
import noHealthcheck from './no-healthcheck.js';
import packageCache from './package-cache.js';
import secretFiles from './secret-files.js';
import secretInEnv from './secret-in-env.js';
import secretInHistory from './secret-in-history.js';
import setuidFiles from './setuid-files.js';
import setuidUsual from './setuid-usual.js';
import shellPresent from './shell-present.js';
import signatureInvalid from './signature-invalid.js';
import sudoInstalled from './sudo-installed.js';
import unsafeLayerEntry from './unsafe-layer-entry.js';
import unsigned from './unsigned.js';
import userRoot from './user-root.js';
import userUnknown from './user-unknown.js';
import worldWritable from './world-writable.js';
import tagLatest from './tag-latest.js';
import unwantedFiles from './unwanted-files.js';
import secretFileNames from './secret-file-names.js';
import imageOld from './image-old.js';

export const imageRules: Rule[] = [
  addUrlInHistory, buildTools, curlPipeShell, dangerousPort, duplicateIds, emptyPassword, extraRootUsers,
  imageSize, layerDigestMismatch, loginShell, missingOciLabels, noHealthcheck, packageCache, secretFiles,
  secretInEnv, secretInHistory, setuidFiles, setuidUsual, shellPresent, signatureInvalid, sudoInstalled, unsafeLayerEntry, unsigned, userRoot, userUnknown,
  worldWritable, tagLatest, unwantedFiles, secretFileNames, imageOld,
] as Rule[];
