import { defineRule } from '../../engine/types.js';
import { argRange, unpinnedMessage } from './util/runs.js';
import { APT_INSTALL_SUBS, isAptLike, pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/apt-get-unpinned',
  target: 'dockerfile',
  title: 'apt-get install without package versions',
  severity: 'info',
  level: null,
  rationale:
    'Without `pkg=version` every rebuild installs whatever the mirror serves that day. Two builds of the same ' +
    'commit can differ, a rebuild can pull a broken or compromised release, and a scan of one build says little ' +
    'about the next. Pinning trades this for the chore of bumping versions (the old ones vanish from Debian ' +
    'mirrors); snapshot mirrors (snapshot.debian.org) or a pinned base digest are the alternatives.',
  remediation: 'Pin the versions: `apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8`, and bump them deliberately.',
  references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'CIS Docker Benchmark 4.7 (install with version pinning)'],
  equivalents: {
    hadolint: ['DL3008'],
    kics: ['Apt Get Install Pin Version Not Defined'],
  },
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'apt-get', 'apt')) {
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (!isAptLike(call) || !call.sub || !APT_INSTALL_SUBS.has(call.sub)) continue;
        const unpinned = call.packages.filter((p) => !p.pinned);
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0].index),
          message: unpinnedMessage('apt package', unpinned, 'use pkg=version'),
        });
      }
    }
  },
});
