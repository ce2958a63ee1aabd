import { defineRule } from '../../engine/types.js';
import { commandRange, insertAfter } from './util/runs.js';
import { pkgRuns, rpmAssumesYes, rpmNeedsConfirm } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/rpm-missing-yes',
  target: 'dockerfile',
  title: 'yum, dnf or zypper without a non-interactive switch',
  severity: 'warning',
  level: null,
  rationale:
    'yum and dnf ask "Is this ok [y/N]" and zypper "Continue? [y/n/v/...]" before changing packages. A build has no ' +
    'terminal to answer, so the command aborts (or, with zypper, may wait) and the build fails. microdnf does not ' +
    'prompt and is not checked.',
  remediation: 'Use `yum install -y` / `dnf install -y`, and `zypper -n install` (or `zypper install -y`).',
  references: ['dnf(8) --assumeyes', 'zypper(8) --non-interactive'],
  equivalents: {
    hadolint: ['DL3030', 'DL3034', 'DL3038'],
    kics: ['Yum Install Allows Manual Input', 'Missing Zypper Non-interactive Switch', 'Missing Flag From Dnf Install'],
  },
  fixable: 'safe',
  examples: {
    bad: 'FROM rockylinux:9\nRUN dnf install httpd && dnf clean all\n',
    good: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'yum', 'dnf', 'zypper')) {
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (!(call.tool === 'yum' || call.tool === 'dnf' || call.tool === 'zypper')) continue;
        if (!rpmNeedsConfirm(call) || rpmAssumesYes(call)) continue;
        const words = run.locator.locate(cmd, call.subIndex);
        // zypper: the global -n works for every sub-command; yum/dnf: -y after the sub-command
        const anchor = call.tool === 'zypper' ? words?.[0] : words?.[call.subIndex];
        const flag = call.tool === 'zypper' ? ' -n' : ' -y';
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, call.subIndex + 1) : null),
          message: `\`${cmd.name} ${call.sub}\` without ${call.tool === 'zypper' ? '-n (--non-interactive)' : '-y'}: the build cannot answer the prompt`,
          ...(anchor ? { fix: { description: `Add ${flag.trim()}`, safe: true, edits: [insertAfter(anchor, flag)] } } : {}),
        });
      }
    }
  },
});
