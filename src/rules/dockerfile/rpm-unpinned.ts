import { defineRule } from '../../engine/types.js';
import { argRange, unpinnedMessage } from './util/runs.js';
import { pkgRuns } from './util/packages.js';

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
    for (const run of pkgRuns(model, 'yum', 'dnf', 'microdnf', 'zypper')) {
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (call.tool !== 'yum' && call.tool !== 'dnf' && call.tool !== 'microdnf' && call.tool !== 'zypper') continue;
        const sub = call.sub ?? '';
        // builddep names source packages (their build dependencies are what gets installed); zypper's
        // install-new-recommends names none
        if (call.verb !== 'install' || sub === 'builddep' || sub === 'build-dep' || sub === 'inr' || sub === 'install-new-recommends') continue;
        const unpinned = call.packages.filter((p) => !p.pinned);
        if (unpinned.length === 0) continue;
        context.report({
          range: argRange(model, run, cmd, unpinned[0].index),
          message: unpinnedMessage('package', unpinned, `use ${call.tool === 'zypper' ? 'pkg=version' : 'pkg-version'}`),
        });
      }
    }
  },
});
