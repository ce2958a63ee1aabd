import { defineRule } from '../../engine/types.js';
import { commandRange, insertAfter, pipelines } from './util/runs.js';
import { APT_CONFIRM_SUBS, aptAssumesYes, aptConfWrittenAt, callOf, isAptLike, pkgRuns } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/apt-get-missing-yes',
  target: 'dockerfile',
  title: 'apt-get without -y',
  severity: 'warning',
  level: null,
  rationale:
    'A build has no terminal to answer apt-get\'s "Do you want to continue? [Y/n]". Without `-y` the prompt reads ' +
    'end-of-file and apt-get aborts, so the build fails — or, worse, it passes where no prompt happened to be ' +
    'needed and breaks later when a dependency changes.',
  remediation: 'Add `-y` (or `--yes`, `--assume-yes`) to every apt-get command that installs, removes or upgrades packages.',
  references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'apt-get(8)'],
  equivalents: {
    hadolint: ['DL3014'],
    trivy: ['DS-0021'],
    kics: ['APT-GET Missing Flags To Avoid Manual Input'],
  },
  fixable: 'safe',
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(model, context) {
    const confAt = aptConfWrittenAt(model, 'APT::Get::Assume-Yes', true);
    for (const run of pkgRuns(model, 'apt-get', 'apt')) {
      if (run.instr.range.start.offset > confAt) continue;
      for (const pipeline of pipelines(run.cmds)) {
        for (const cmd of pipeline) {
          const call = callOf(run, cmd);
          if (!isAptLike(call) || !call.sub || !APT_CONFIRM_SUBS.has(call.sub)) continue;
          if (aptAssumesYes(call, pipeline)) continue;
          const words = run.locator.locate(cmd, call.subIndex);
          const sub = words?.[call.subIndex];
          context.report({
            range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
            message: `\`${cmd.name} ${call.sub}\` without -y: the build cannot answer the confirmation prompt`,
            ...(sub ? { fix: { description: 'Add -y', safe: true, edits: [insertAfter(sub, ' -y')] } } : {}),
          });
        }
      }
    }
  },
});
