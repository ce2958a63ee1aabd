// The container runs privileged.
import { defineRule } from '../../engine/types.js';
import { checkPrivileged, POSTURE_LEVEL } from '../posture.js';
import { containerPosture } from '../../targets/container/posture.js';

export default defineRule({
  id: 'container/privileged',
  target: 'container',
  title: 'The container is not privileged',
  severity: 'error',
  level: POSTURE_LEVEL.privileged,
  rationale: 'A privileged container has every capability, every host device, no seccomp or AppArmor confinement: root in it is root on the host. Judged by the same function as compose/privileged and run/privileged (rules/posture.ts), so the three grade one setting alike.',
  remediation: 'Remove `--privileged` / `privileged: true`; grant the one capability or device actually needed.',
  references: ['CIS Docker 5.4'],
  equivalents: { cis: ['5.4'], kics: ['Privileged Containers Enabled'], dockerBench: ['check_5_4'] },
  examples: { bad: '{"hostConfig":{"privileged":true}}', good: '{"hostConfig":{"privileged":false}}' },
  check(model, ctx) {
    for (const issue of checkPrivileged(containerPosture(model), 'the container')) {
      ctx.report({ message: `HostConfig.Privileged is true: ${issue.message}`, location: { field: issue.at?.field ?? 'HostConfig.Privileged' } });
    }
  },
});
