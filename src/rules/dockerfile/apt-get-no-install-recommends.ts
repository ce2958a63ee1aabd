import { defineRule } from '../../engine/types.js';
import { commandRange, insertAfter } from './util/runs.js';
import { APT_INSTALL_SUBS, aptConfWrittenAt, aptNoRecommends, isAptLike, pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/apt-get-no-install-recommends',
  target: 'dockerfile',
  title: 'apt-get install without --no-install-recommends',
  severity: 'warning',
  level: null,
  rationale:
    'By default apt installs every "Recommends" of the requested packages as well: documentation, helper tools, ' +
    'sometimes whole language runtimes. They make the image larger and add packages — and their vulnerabilities — ' +
    'that the application never uses.',
  remediation:
    'Use `apt-get install -y --no-install-recommends pkg…` and list what the application really needs, or set ' +
    '`APT::Install-Recommends "false";` in /etc/apt/apt.conf.d/ in an earlier RUN.',
  references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'CIS Docker Benchmark 4.3 (Ensure that unnecessary packages are not installed in the container)'],
  equivalents: {
    hadolint: ['DL3015'],
    trivy: ['DS-0029'],
    kics: ['APT-GET Not Avoiding Additional Packages'],
    cis: ['4.3'],
  },
  fixable: 'suggestion',
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
  },
  check(model, context) {
    const confAt = aptConfWrittenAt(model, 'APT::Install-Recommends', false);
    for (const run of pkgRuns(model, 'apt-get', 'apt')) {
      if (run.instr.range.start.offset > confAt) continue;
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (!isAptLike(call) || !call.sub || !APT_INSTALL_SUBS.has(call.sub)) continue;
        if (aptNoRecommends(call)) continue;
        if (call.operands.length === 0) continue;
        const words = run.locator.locate(cmd, call.subIndex);
        const sub = words?.[call.subIndex];
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: `\`${cmd.name} ${call.sub}\` without --no-install-recommends installs recommended packages too`,
          ...(sub ? { fix: { description: 'Add --no-install-recommends', safe: false, edits: [insertAfter(sub, ' --no-install-recommends')] } } : {}),
        });
      }
    }
  },
});
