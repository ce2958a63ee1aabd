import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'profile/apparmor-not-checked',
  target: 'profile',
  title: 'An AppArmor profile could be checked with apparmor_parser',
  severity: 'info',
  level: null,
  rationale: 'An AppArmor profile is only proven valid by the parser the kernel uses. Without `apparmor_parser` on this machine the file was not checked: that is not a pass.',
  remediation: 'Install the Debian `apparmor` package (`apt-get install -y apparmor`) where tightship runs; it parses with `-Q -K` only and loads nothing into the kernel.',
  references: ['https://manpages.debian.org/apparmor_parser', 'https://docs.docker.com/engine/security/apparmor/'],
  equivalents: {},
  examples: { bad: '#! apparmor not-installed\nprofile p {\n  file,\n}\n', good: '#! apparmor\nprofile p {\n  file,\n}\n' },
  check(model, ctx) {
    if (model.kind !== 'apparmor' || model.apparmor?.parser !== 'not-installed') return;
    ctx.report({ message: `could not check the AppArmor profile ${model.path}: apparmor_parser is not installed` });
  },
});
