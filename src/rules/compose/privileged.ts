import { defineRule } from '../../engine/types.js';
import { POSTURE_LEVEL } from '../posture.js';
import { get, isTrue } from '../../targets/compose/model.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/privileged',
  target: 'compose',
  title: 'Services do not run privileged',
  severity: 'error',
  level: POSTURE_LEVEL.privileged,
  rationale: '`privileged: true` gives the container every capability, every host device and no seccomp, AppArmor or SELinux confinement: whoever controls the process controls the host, whatever the user inside.',
  remediation: 'Remove `privileged: true`; add only the single capability or device the service really needs.',
  references: ['CIS Docker Benchmark 5.4', 'https://docs.docker.com/reference/compose-file/services/#privileged'],
  equivalents: { kics: ['Privileged Containers Enabled'], cis: ['5.4'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    privileged: true\n', good: 'services:\n  api:\n    image: nginx:1.27\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const p = get(svc.node, 'privileged');
      if (p && isTrue(p)) reportNode(ctx, p, `${svc.yamlPath}.privileged`, `service ${svc.name} runs privileged: it has full control of the host`);
    }
  },
});
