import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/healthcheck-disabled',
  target: 'compose',
  title: 'Healthchecks are not disabled',
  severity: 'warning',
  level: 'hardened',
  rationale: '`healthcheck: {disable: true}` or `test: ["NONE"]` switches off the image\'s own healthcheck: Docker can no longer tell a hung service from a healthy one.',
  remediation: 'Remove `disable: true` / `["NONE"]` and give a working test.',
  references: ['CIS Docker Benchmark 5.26', 'https://docs.docker.com/reference/compose-file/services/#healthcheck'],
  equivalents: { kics: ['Healthcheck Not Set'], cis: ['5.26'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      disable: true\n', good: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const hc = svc.healthcheck;
      if (!hc?.disabled) continue;
      const at = get(hc.node, 'disable') ?? get(hc.node, 'test') ?? hc.node;
      reportNode(ctx, at, `${svc.yamlPath}.healthcheck`, `service ${svc.name} disables its healthcheck`);
    }
  },
});
