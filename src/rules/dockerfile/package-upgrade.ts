import { defineRule } from '../../engine/types.js';
import { commandRange } from './util/runs.js';
import { finalChain } from '../../targets/dockerfile/facts.js';
import { fromImageRange } from './util/ranges.js';
import { APT_INSTALL_SUBS, APT_UPGRADE_SUBS, type PackageCall, type PkgRun, pkgRuns, rpmInstallSub } from './util/packages.js';

export interface PackageUpgradeOptions {
  packageUpgrades: 'forbid' | 'require' | 'ignore';
}

/** A command that upgrades the installed packages as a whole. */
function isUpgrade(call: PackageCall): boolean {
  const s = call.sub ?? '';
  switch (call.tool) {
    case 'apt-get': case 'apt': return APT_UPGRADE_SUBS.has(s);
    case 'apk': return s === 'upgrade';
    case 'yum': case 'dnf': case 'microdnf': return ['update', 'upgrade', 'upgrade-minimal', 'update-minimal', 'distro-sync', 'dist-upgrade'].includes(s);
    case 'zypper': return ['update', 'up', 'dist-upgrade', 'dup', 'patch'].includes(s);
    default: return false;
  }
}

function isOsInstall(call: PackageCall): boolean {
  const s = call.sub ?? '';
  switch (call.tool) {
    case 'apt-get': case 'apt': return APT_INSTALL_SUBS.has(s);
    case 'apk': return s === 'add';
    case 'yum': case 'dnf': case 'microdnf': return rpmInstallSub(call);
    case 'zypper': return s === 'install' || s === 'in';
    default: return false;
  }
}

/** Images known to ship no package manager: nothing to upgrade inside them. */
function hasPackageManager(image: string): boolean {
  const i = image.toLowerCase();
  return !/(^|\/)(distroless|static|scratch)(\/|:|@|-|$)|gcr\.io\/distroless|chainguard\/(static|[a-z-]+:latest$)|busybox/.test(i);
}

function upgradeHint(image: string): string {
  const i = image.toLowerCase();
  if (/alpine/.test(i)) return 'apk upgrade --no-cache';
  if (/fedora|centos|rocky|alma|ubi|rhel|amazonlinux|oraclelinux/.test(i)) return 'dnf -y upgrade && dnf clean all';
  if (/opensuse|sles/.test(i)) return 'zypper -n update && zypper clean -a';
  return 'apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*';
}

export default defineRule<'dockerfile', PackageUpgradeOptions>({
  id: 'dockerfile/package-upgrade',
  target: 'dockerfile',
  title: 'OS package upgrades follow the project\'s policy',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "updated packages": the course\'s hardened image runs `apt-get update && apt-get upgrade -y` ' +
    'in its runtime stage and counts "updated packages" among what sets the hardened level apart from the ' +
    'non-root one. The same course, in its chapter on immutable builds, advises the opposite: avoid ' +
    '`apt-get upgrade`, because it brings in whatever versions exist on build day, and leave the patching to the ' +
    '`FROM` image. ' +
    'Two sound views disagree here, so this is a policy choice (option `packageUpgrades`); whichever the project ' +
    'picks, a finding keeps the target below hardened. ' +
    'Immutability view (`forbid`): `apt-get upgrade`, `apk upgrade`, `dnf upgrade` make the image depend on ' +
    'the day it was built rather than on the Dockerfile and the base image; two builds of one commit differ, and ' +
    'upgrades inside an image can touch packages that are not meant to change in a container. Patches should come ' +
    'from rebuilding on a newer, pinned base image. This was hadolint\'s DL3005 stance. ' +
    'Patching view (`require`): base images lag behind security updates, often by weeks; upgrading the packages in ' +
    'the final stage at build time closes known vulnerabilities now (CIS 4.4: scan and rebuild images to include ' +
    'security patches). Docker\'s best-practices guide dropped its advice against `apt-get upgrade` for this reason ' +
    'and hadolint narrowed DL3005 to dist-upgrade. ' +
    'With `require`, a final stage built on a distribution image is expected to upgrade even when it installs ' +
    'nothing (the base image\'s own packages are what lag); a final stage from scratch, distroless or another image ' +
    'without a package manager, or from an unresolved variable, is not judged. ' +
    'With `ignore` (the default) the rule reports nothing.',
  remediation:
    'forbid: remove the upgrade and rebuild on an updated, pinned base image instead. ' +
    'require: in the final stage, upgrade in the same RUN as the installs, e.g. `apt-get update && apt-get upgrade -y ' +
    '&& apt-get install -y --no-install-recommends …` or `apk upgrade --no-cache`, also when the stage installs nothing.',
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
          description: 'forbid: report every upgrade command; require: report a final image on a distribution base that never upgrades its packages; ignore: report nothing',
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
    const all = pkgRuns(model);
    if (policy === 'forbid') {
      for (const run of all) {
        for (const call of run.calls) {
          if (!isUpgrade(call)) continue;
          const { cmd } = call;
          const words = run.locator.locate(cmd, call.subIndex);
          context.report({
            range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
            message: `\`${cmd.name} ${call.sub}\` upgrades packages at build time; the policy (packageUpgrades: forbid) wants patches from a newer base image`,
          });
        }
      }
      return;
    }
    // require: the final image, on a distribution base, never upgrades the packages it has
    const final = model.final;
    if (!final) return;
    const chain = finalChain(model);
    let firstInstall: { run: PkgRun; call: PackageCall } | null = null;
    let upgraded = false;
    for (const run of all) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      for (const call of run.calls) {
        if (isUpgrade(call)) upgraded = true;
        else if (!firstInstall && isOsInstall(call)) firstInstall = { run, call };
      }
    }
    if (upgraded) return;
    if (!firstInstall) {
      const root = final.chain[0] ?? final.stage;
      if (root.isScratch || root.unresolved || root.windows || !hasPackageManager(root.resolvedImage)) return;
      context.report({
        range: fromImageRange(model, root),
        message: `the final image is built on ${root.resolvedImage} and never upgrades its packages (policy packageUpgrades: require); add \`${upgradeHint(root.resolvedImage)}\` to the final stage`,
      });
      return;
    }
    const { run, call } = firstInstall;
    const words = run.locator.locate(call.cmd, call.subIndex);
    context.report({
      range: commandRange(model, run, call.cmd, words ? words.slice(0, call.subIndex + 1) : null),
      message: `the final image installs packages with ${call.tool} but never upgrades the base image's packages (policy packageUpgrades: require)`,
    });
  },
});
