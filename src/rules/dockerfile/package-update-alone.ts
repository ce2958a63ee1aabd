import { defineRule } from '../../engine/types.js';
import { commandRange } from './util/runs.js';
import { type PackageCall, pkgRuns } from './util/packages.js';

type Family = 'apt' | 'apk' | 'rpm' | 'zypper';

function family(call: PackageCall): Family | null {
  switch (call.tool) {
    case 'apt-get': case 'apt': case 'aptitude': return 'apt';
    case 'apk': return 'apk';
    case 'yum': case 'dnf': case 'microdnf': return 'rpm';
    case 'zypper': return 'zypper';
    default: return null;
  }
}

/** A command that only refreshes the package index. */
function isRefresh(call: PackageCall): boolean {
  switch (family(call)) {
    case 'apt': case 'apk': return call.sub === 'update';
    case 'rpm': case 'zypper': return call.verb === 'update';
    default: return false;
  }
}

/** A command that installs or upgrades packages using the index. */
function usesIndex(call: PackageCall): boolean {
  const s = call.sub ?? '';
  switch (family(call)) {
    case 'apt': return ['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download'].includes(s);
    case 'apk': return ['add', 'upgrade', 'fix', 'fetch'].includes(s);
    case 'rpm': case 'zypper': return call.verb === 'install' || call.verb === 'upgrade';
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
    for (const run of pkgRuns(model, 'apt-get', 'apt', 'aptitude', 'apk', 'yum', 'dnf', 'microdnf', 'zypper')) {
      run.calls.forEach((call, i) => {
        if (!isRefresh(call)) return;
        const fam = family(call);
        if (run.calls.slice(i + 1).some((c) => family(c) === fam && usesIndex(c))) return;
        const cmd = call.cmd;
        const words = run.locator.locate(cmd, call.subIndex);
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: `\`${cmd.name} ${call.sub}\` without an install in the same RUN: the refreshed index is cached in its own layer and later installs may use a stale one`,
        });
      });
    }
  },
});
