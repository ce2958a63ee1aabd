import { defineRule } from '../../engine/types.js';
import { argRange, runs, runsAny, unpinnedMessage } from './util/runs.js';
import { APT_INSTALL_SUBS, aptPinned, isAptLike, packageOperands, pkgCall } from './util/packages.js';

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
    for (const run of runs(model)) {
      if (!runsAny(run, 'apt-get', 'apt')) continue;
      for (const cmd of run.cmds) {
        const call = pkgCall(cmd);
        if (!isAptLike(call) || !call.sub || !APT_INSTALL_SUBS.has(call.sub)) continue;
        const unpinned = packageOperands(call).filter((o) => !aptPinned(o.value));
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0]!.index),
          message: unpinnedMessage('apt package', unpinned, 'use pkg=version'),
        });
      }
    }
  },
});
