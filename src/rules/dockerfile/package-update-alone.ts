import { defineRule } from '../../engine/types.js';
import { commandRange, runs, runsAny } from './util/runs.js';
import { type PkgCall, pkgCall, rpmInstallSub } from './util/packages.js';

type Family = 'apt' | 'apk' | 'rpm' | 'zypper';

function family(call: PkgCall): Family | null {
  switch (call.manager) {
    case 'apt-get': case 'apt': return 'apt';
    case 'apk': return 'apk';
    case 'yum': case 'dnf': case 'microdnf': return 'rpm';
    case 'zypper': return 'zypper';
    default: return null;
  }
}

/** A command that only refreshes the package index. */
function isRefresh(call: PkgCall): boolean {
  switch (family(call)) {
    case 'apt': case 'apk': return call.sub === 'update';
    case 'rpm': return call.sub === 'makecache';
    case 'zypper': return call.sub === 'refresh' || call.sub === 'ref';
    default: return false;
  }
}

/** A command that installs or upgrades packages using the index. */
function usesIndex(call: PkgCall): boolean {
  const s = call.sub ?? '';
  switch (family(call)) {
    case 'apt': return ['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download'].includes(s);
    case 'apk': return ['add', 'upgrade', 'fix', 'fetch'].includes(s);
    case 'rpm': return rpmInstallSub(call) || ['update', 'upgrade', 'distro-sync', 'downgrade'].includes(s);
    case 'zypper': return ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si'].includes(s);
    default: return false;
  }
}

export default defineRule({
  id: 'dockerfile/package-update-alone',
  target: 'dockerfile',
  title: 'Package index refreshed in a RUN that installs nothing',
  severity: 'warning',
  level: null,
  rationale:
    'A RUN that only refreshes the package index (`apt-get update`, `apk update`, `zypper refresh`, ' +
    '`dnf makecache`) becomes a cached layer of its own. Later builds reuse that layer, so an install in a later ' +
    'RUN works from an index that may be weeks old: it can fail when the mirror has moved on, or silently install ' +
    'outdated, vulnerable versions. The index also stays in the image as dead weight.',
  remediation:
    'Refresh and install in the same RUN: `RUN apt-get update && apt-get install -y --no-install-recommends pkg ' +
    '&& rm -rf /var/lib/apt/lists/*` (with apk, `apk add --no-cache pkg` needs no separate update at all).',
  references: [
    'CIS Docker Benchmark 4.7 (Ensure update instructions are not used alone in Dockerfiles)',
    'https://docs.docker.com/build/building/best-practices/#apt-get',
  ],
  equivalents: {
    trivy: ['DS-0017'],
    checkov: ['CKV_DOCKER_5'],
    kics: ['Update Instruction Alone'],
    dockle: ['CIS-DI-0007'],
    cis: ['4.7'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(model, context) {
    for (const run of runs(model)) {
      if (!runsAny(run, 'apt-get', 'apt', 'apk', 'yum', 'dnf', 'dnf5', 'microdnf', 'zypper')) continue;
      const calls = run.cmds.map((cmd) => ({ cmd, call: pkgCall(cmd) }));
      calls.forEach(({ cmd, call }, i) => {
        if (!call || !isRefresh(call)) return;
        const fam = family(call);
        const installedAfter = calls.slice(i + 1).some((c) => c.call && family(c.call) === fam && usesIndex(c.call));
        if (installedAfter) return;
        const words = run.locator.locate(cmd, call.subIndex);
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: `\`${cmd.name} ${call.sub}\` without an install in the same RUN: the refreshed index is cached in its own layer and later installs may use a stale one`,
        });
      });
    }
  },
});
