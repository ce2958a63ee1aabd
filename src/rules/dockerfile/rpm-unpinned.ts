import { defineRule } from '../../engine/types.js';
import { argRange, runs, runsAny, unpinnedMessage } from './util/runs.js';
import { isRpmLike, packageOperands, pkgCall, rpmInstallSub, rpmPinned, ZYPPER_INSTALL_SUBS } from './util/packages.js';

export default defineRule({
  id: 'dockerfile/rpm-unpinned',
  target: 'dockerfile',
  title: 'yum, dnf, microdnf or zypper install without package versions',
  severity: 'info',
  level: null,
  rationale:
    'Without a version (`httpd-2.4.62` for yum/dnf, `httpd=2.4.62` for zypper) every rebuild installs whatever the ' +
    'repositories serve that day, so two builds of one commit can differ and a rebuild can pull a broken or ' +
    'compromised release.',
  remediation: 'Pin versions: `dnf install -y httpd-2.4.62`, `zypper -n install httpd=2.4.62`, and bump them deliberately.',
  references: ['dnf(8) Specifying Packages', 'zypper(8) install'],
  equivalents: {
    hadolint: ['DL3033', 'DL3037', 'DL3041'],
    kics: ['Yum Install Without Version', 'Zypper Install Without Version', 'Missing Version Specification In dnf install'],
  },
  examples: {
    bad: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all\n',
    good: 'FROM rockylinux:9\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
  },
  check(model, context) {
    for (const run of runs(model)) {
      if (!runsAny(run, 'yum', 'dnf', 'dnf5', 'microdnf', 'zypper')) continue;
      for (const cmd of run.cmds) {
        const call = pkgCall(cmd);
        if (!call) continue;
        const sub = call.sub ?? '';
        const installs = call.manager === 'zypper' ? ZYPPER_INSTALL_SUBS.has(sub)
          : isRpmLike(call) && rpmInstallSub(call) && sub !== 'builddep' && sub !== 'build-dep';
        if (!installs) continue;
        const unpinned = packageOperands(call).filter((o) => !rpmPinned(o.value));
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0]!.index),
          message: unpinnedMessage('package', unpinned, `use ${call.manager === 'zypper' ? 'pkg=version' : 'pkg-version'}`),
        });
      }
    }
  },
});
