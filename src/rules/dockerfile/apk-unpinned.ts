import { defineRule } from '../../engine/types.js';
import { argRange, unpinnedMessage } from './util/runs.js';
import { pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/apk-unpinned',
  target: 'dockerfile',
  title: 'apk add without package versions',
  severity: 'info',
  level: null,
  rationale:
    'Without `pkg=version` (or `pkg~version`) each rebuild installs whatever the Alpine mirror serves that day, so ' +
    'two builds of one commit can differ and a rebuild can pull a broken or compromised release. Alpine keeps only ' +
    'the latest version of a package per branch, so exact pins break when it moves on; `~` pins (e.g. `curl~8.9`) ' +
    'on a pinned Alpine branch are the usual compromise.',
  remediation: 'Pin versions: `apk add --no-cache curl=8.9.1-r2` or `curl~8.9`, on a base image pinned to an Alpine branch.',
  references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Advanced_APK_Usage'],
  equivalents: {
    hadolint: ['DL3018'],
    kics: ['Unpinned Package Version in Apk Add'],
  },
  examples: {
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'apk')) {
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (call.tool !== 'apk' || call.sub !== 'add') continue;
        const unpinned = call.packages.filter((p) => !p.pinned);
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0].index),
          message: unpinnedMessage('apk package', unpinned, 'use pkg=version or pkg~version'),
        });
      }
    }
  },
});
