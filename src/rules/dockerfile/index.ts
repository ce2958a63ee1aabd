// Every dockerfile rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';
import lastUserRoot from './last-user-root.js';
import baseImageLatest from './base-image-latest.js';
import baseImageNotPinned from './base-image-not-pinned.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import addUrl from './add-url.js';
import addArchive from './add-archive.js';
import userLoginShell from './user-login-shell.js';
import healthcheckMissing from './healthcheck-missing.js';
import healthcheckNone from './healthcheck-none.js';
import healthcheckMultiple from './healthcheck-multiple.js';
import shellFormCmd from './shell-form-cmd.js';
import multipleCmd from './multiple-cmd.js';
import secretInEnvArg from './secret-in-env-arg.js';
import secretInRun from './secret-in-run.js';
import exposeInvalid from './expose-invalid.js';
import exposeSensitivePort from './expose-sensitive-port.js';
import workdirRelative from './workdir-relative.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import missingOciLabels from './missing-oci-labels.js';
import duplicateStageName from './duplicate-stage-name.js';
import copyFromUnknownStage from './copy-from-unknown-stage.js';
import fromLaterStage from './from-later-stage.js';
import appWritableByRuntimeUser from './app-writable-by-runtime-user.js';
import packageUpdateAlone from './package-update-alone.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptGetNoInstallRecommends from './apt-get-no-install-recommends.js';
import aptListsNotRemoved from './apt-lists-not-removed.js';
import aptGetUnpinned from './apt-get-unpinned.js';
import aptInsteadOfAptGet from './apt-instead-of-apt-get.js';
import packageUpgrade from './package-upgrade.js';
import apkNoCache from './apk-no-cache.js';
import apkUnpinned from './apk-unpinned.js';
import rpmMissingYes from './rpm-missing-yes.js';
import rpmCacheNotCleaned from './rpm-cache-not-cleaned.js';
import rpmUnpinned from './rpm-unpinned.js';
import pipNoCacheDir from './pip-no-cache-dir.js';
import pipUnpinned from './pip-unpinned.js';
import npmInstallInsteadOfCi from './npm-install-instead-of-ci.js';
import npmUnpinned from './npm-unpinned.js';
import gemUnpinned from './gem-unpinned.js';
import goInstallUnpinned from './go-install-unpinned.js';
import yarnCacheNotCleaned from './yarn-cache-not-cleaned.js';
import curlPipeShell from './curl-pipe-shell.js';
import downloadUnverified from './download-unverified.js';
import sudo from './sudo.js';
import cdInRun from './cd-in-run.js';
import pipefail from './pipefail.js';
import worldWritable from './world-writable.js';
import buildToolsInFinal from './build-tools-in-final.js';
import userUidNotFixed from './user-uid-not-fixed.js';
import volumeSystemPath from './volume-system-path.js';
import runtimeEnvMissing from './runtime-env-missing.js';
import runtimeEnvRecommended from './runtime-env-recommended.js';
import baseImageFull from './base-image-full.js';
import baseImageOld from './base-image-old.js';
import healthcheckToolMissing from './healthcheck-tool-missing.js';
import addFromFlag from './add-from-flag.js';
import rootStepAfterUser from './root-step-after-user.js';
import healthcheckCurlNoFail from './healthcheck-curl-no-fail.js';
import copyRelativeDestination from './copy-relative-destination.js';
import copySeveralSourcesNoSlash from './copy-several-sources-no-slash.js';
import curlAndWget from './curl-and-wget.js';
import lnBinSh from './ln-bin-sh.js';
import useraddLargeUid from './useradd-large-uid.js';
import runInteractiveCommand from './run-interactive-command.js';
import fromPlatformConstant from './from-platform-constant.js';
import envSelfReference from './env-self-reference.js';
import untrustedRegistry from './untrusted-registry.js';
import labelKeyInvalid from './label-key-invalid.js';
import labelSchema from './label-schema.js';
import shellcheck from './shellcheck.js';
import stageNameReserved from './stage-name-reserved.js';
import fromPlatformRedundant from './from-platform-redundant.js';
import copyFromStageRoot from './copy-from-stage-root.js';

export const dockerfileRules: Rule[] = [
  lastUserRoot,
  baseImageLatest,
  baseImageNotPinned,
  addInsteadOfCopy,
  addUrl,
  addArchive,
  userLoginShell,
  healthcheckMissing,
  healthcheckNone,
  healthcheckMultiple,
  shellFormCmd,
  multipleCmd,
  secretInEnvArg,
  secretInRun,
  exposeInvalid,
  exposeSensitivePort,
  workdirRelative,
  maintainerDeprecated,
  missingOciLabels,
  duplicateStageName,
  copyFromUnknownStage,
  fromLaterStage,
  appWritableByRuntimeUser,
  packageUpdateAlone,
  aptGetMissingYes,
  aptGetNoInstallRecommends,
  aptListsNotRemoved,
  aptGetUnpinned,
  aptInsteadOfAptGet,
  packageUpgrade,
  apkNoCache,
  apkUnpinned,
  rpmMissingYes,
  rpmCacheNotCleaned,
  rpmUnpinned,
  pipNoCacheDir,
  pipUnpinned,
  npmInstallInsteadOfCi,
  npmUnpinned,
  gemUnpinned,
  goInstallUnpinned,
  yarnCacheNotCleaned,
  curlPipeShell,
  downloadUnverified,
  sudo,
  cdInRun,
  pipefail,
  worldWritable,
  buildToolsInFinal,
  userUidNotFixed,
  volumeSystemPath,
  healthcheckCurlNoFail,
  rootStepAfterUser,
  addFromFlag,
  runtimeEnvMissing,
  runtimeEnvRecommended,
  baseImageFull,
  baseImageOld,
  healthcheckToolMissing,
  copyRelativeDestination,
  copySeveralSourcesNoSlash,
  curlAndWget,
  lnBinSh,
  useraddLargeUid,
  runInteractiveCommand,
  fromPlatformConstant,
  envSelfReference,
  untrustedRegistry,
  labelKeyInvalid,
  labelSchema,
  shellcheck,
  stageNameReserved,
  fromPlatformRedundant,
  copyFromStageRoot,
];
