import { defineRule } from '../../engine/types.js';
import { noNewPrivileges } from '../posture.js';
import { get } from '../../targets/compose/model.js';
import { reportMissing, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/no-new-privileges-missing',
  target: 'compose',
  title: 'Services set no-new-privileges',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without `no-new-privileges:true` a process can gain privileges through setuid/setgid binaries (su, sudo, passwd…) or file capabilities: a non-root user is one setuid binary away from root.',
  remediation: 'Add `security_opt: ["no-new-privileges:true"]`.',
  references: ['CIS Docker Benchmark 5.25', 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt'],
  equivalents: { kics: ['No New Privileges Not Set', 'Security Opt Not Set'], cis: ['5.25'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:true"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const nnp = noNewPrivileges(svc.securityOpt);
      if (nnp.state === 'on') continue;
      const off = nnp.last;
      if (off) reportNode(ctx, off.node, `${svc.yamlPath}.security_opt`, `service ${svc.name} turns no-new-privileges off`);
      else {
        const node = get(svc.node, 'security_opt');
        if (node) reportNode(ctx, node, `${svc.yamlPath}.security_opt`, `service ${svc.name} does not set no-new-privileges:true`);
        else reportMissing(ctx, svc, 'security_opt', `service ${svc.name} does not set no-new-privileges:true`);
      }
    }
  },
});
