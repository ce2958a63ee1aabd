import { defineRule } from '../../engine/types.js';
import { commandRange, type RunInfo, runs } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { APT_INSTALL_SUBS, APT_UPGRADE_SUBS, type PkgCall, pkgCall, rpmInstallSub } from './util/packages.js';

export interface PackageUpgradeOptions {
  packageUpgrades: 'forbid' | 'require' | 'ignore';
}

/** A command that upgrades the installed packages as a whole. */
function isUpgrade(call: PkgCall): boolean {
  const s = call.sub ?? '';
  switch (call.manager) {
    case 'apt-get': case 'apt': return APT_UPGRADE_SUBS.has(s);
    case 'apk': return s === 'upgrade';
    case 'yum': case 'dnf': case 'microdnf': return ['update', 'upgrade', 'upgrade-minimal', 'update-minimal', 'distro-sync', 'dist-upgrade'].includes(s);
    case 'zypper': return ['update', 'up', 'dist-upgrade', 'dup', 'patch'].includes(s);
    default: return false;
  }
}

function isOsInstall(call: PkgCall): boolean {
  const s = call.sub ?? '';
  switch (call.manager) {
    case 'apt-get': case 'apt': return APT_INSTALL_SUBS.has(s);
    case 'apk': return s === 'add';
    case 'yum': case 'dnf': case 'microdnf': return rpmInstallSub(call);
    case 'zypper': return s === 'install' || s === 'in';
    default: return false;
  }
}

export default defineRule<'dockerfile', PackageUpgradeOptions>({
  id: 'dockerfile/package-upgrade',
  target: 'dockerfile',
  title: 'OS package upgrades follow the project\'s policy',
  severity: 'warning',
  level: null,
  rationale:
    'Two sound views disagree here, so this is a policy choice (option `packageUpgrades`). ' +
    'Immutability view (`forbid`): `apt-get upgrade`, `apk upgrade`, `dnf upgrade` make the image depend on ' +
    'the day it was built rather than on the Dockerfile and the base image; two builds of one commit differ, and ' +
    'upgrades inside an image can touch packages that are not meant to change in a container. Patches should come ' +
    'from rebuilding on a newer, pinned base image. This was hadolint\'s DL3005 stance. ' +
    'Patching view (`require`): base images lag behind security updates, often by weeks; upgrading the packages in ' +
    'the final stage at build time closes known vulnerabilities now (CIS 4.4: scan and rebuild images to include ' +
    'security patches). Docker\'s best-practices guide dropped its advice against `apt-get upgrade` for this reason ' +
    'and hadolint narrowed DL3005 to dist-upgrade. ' +
    'With `ignore` (the default) the rule reports nothing.',
  remediation:
    'forbid: remove the upgrade and rebuild on an updated, pinned base image instead. ' +
    'require: in the final stage, upgrade in the same RUN as the installs, e.g. `apt-get update && apt-get upgrade -y ' +
    '&& apt-get install -y --no-install-recommends …` or `apk upgrade --no-cache`.',
  references: [
    'CIS Docker Benchmark 4.4 (Ensure images are scanned and rebuilt to include security patches)',
    'https://github.com/hadolint/hadolint/issues/562',
    'https://docs.docker.com/build/building/best-practices/#apt-get',
  ],
  equivalents: {
    hadolint: ['DL3005', 'DL3017', 'DL3031', 'DL3035', 'DL3039'],
    trivy: ['DS-0024'],
    dockle: ['DKL-DI-0003'],
    cis: ['4.4'],
  },
  options: {
    defaults: { packageUpgrades: 'ignore' },
    schema: {
      type: 'object',
      properties: {
        packageUpgrades: {
          enum: ['forbid', 'require', 'ignore'],
          description: 'forbid: report every upgrade command; require: report a final image that installs OS packages but never upgrades them; ignore: report nothing',
        },
      },
      additionalProperties: false,
    },
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get upgrade -y \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    options: { packageUpgrades: 'forbid' },
  },
  check(model, context) {
    const policy = context.options.packageUpgrades;
    if (policy === 'ignore') return;
    const all = runs(model);
    if (policy === 'forbid') {
      for (const run of all) {
        for (const cmd of run.cmds) {
          const call = pkgCall(cmd);
          if (!call || !isUpgrade(call)) continue;
          const words = run.locator.locate(cmd, call.subIndex);
          context.report({
            range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
            message: `\`${cmd.name} ${call.sub}\` upgrades packages at build time; the policy (packageUpgrades: forbid) wants patches from a newer base image`,
          });
        }
      }
      return;
    }
    // require: the final image installs OS packages but never upgrades the ones it has
    const chain = finalChain(model);
    let firstInstall: { run: RunInfo; call: PkgCall } | null = null;
    let upgraded = false;
    for (const run of all) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      for (const cmd of run.cmds) {
        const call = pkgCall(cmd);
        if (!call) continue;
        if (isUpgrade(call)) upgraded = true;
        else if (!firstInstall && isOsInstall(call)) firstInstall = { run, call };
      }
    }
    if (!firstInstall || upgraded) return;
    const { run, call } = firstInstall;
    const words = run.locator.locate(call.cmd, call.subIndex);
    context.report({
      range: commandRange(model, run, call.cmd, words ? words.slice(0, call.subIndex + 1) : null),
      message: `the final image installs packages with ${call.manager} but never upgrades the base image's packages (policy packageUpgrades: require)`,
    });
  },
});
