// The container runs privileged.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/privileged',
  target: 'container',
  title: 'The container is not privileged',
  severity: 'error',
  level: 'nonroot',
  rationale: 'A privileged container has every capability, every host device, no seccomp or AppArmor confinement: root in it is root on the host.',
  remediation: 'Remove `--privileged` / `privileged: true`; grant the one capability or device actually needed.',
  references: ['CIS Docker 5.4'],
  equivalents: { cis: ['5.4'], kics: ['Privileged Containers Enabled'] },
  examples: { bad: '{"hostConfig":{"privileged":true}}', good: '{"hostConfig":{"privileged":false}}' },
  check(model, { report }) {
    if (model.hostConfig.privileged) report({ message: 'HostConfig.Privileged is true', location: { field: 'HostConfig.Privileged' } });
  },
});
