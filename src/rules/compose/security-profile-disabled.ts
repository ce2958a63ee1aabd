import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { itemPath, reportNode } from '../../targets/compose/rule-helpers.js';
import { disabledProfile, profileLabel } from '../posture.js';

export default defineRule({
  id: 'compose/security-profile-disabled',
  target: 'compose',
  title: 'Services keep seccomp, AppArmor and SELinux confinement',
  severity: 'error',
  level: 'hardened',
  rationale: 'Docker\'s default seccomp profile blocks about 44 dangerous system calls, and its AppArmor and SELinux profiles confine what the process may touch. `seccomp:unconfined`, `apparmor:unconfined` and `label:disable` switch that off: a kernel exploit or a mount trick that the profile would block then works.',
  remediation: 'Remove the option; if a system call is missing, use a custom seccomp profile that allows just that call (`seccomp:./profile.json`).',
  references: ['CIS Docker Benchmark 5.1', 'CIS Docker Benchmark 5.2', 'CIS Docker Benchmark 5.21', 'https://docs.docker.com/engine/security/seccomp/'],
  equivalents: { kics: ['Default Seccomp Profile Disabled'], cis: ['5.1', '5.2', '5.21'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    security_opt: ["seccomp:unconfined"]\n', good: 'services:\n  api:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:true"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const list = get(svc.node, 'security_opt');
      for (const o of svc.securityOpt) {
        const off = disabledProfile(o.value);
        if (off) reportNode(ctx, o.node, itemPath(svc, 'security_opt', o.node, list), `service ${svc.name} disables ${profileLabel(off)} (${o.value.trim()})`);
      }
    }
  },
});
