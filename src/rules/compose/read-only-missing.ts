import { defineRule } from '../../engine/types.js';
import { get, isTrue } from '../../targets/compose/model.js';
import { reportMissing, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/read-only-missing',
  target: 'compose',
  title: 'Services have a read-only root filesystem',
  severity: 'warning',
  level: 'hardened',
  rationale: 'With `read_only: true` an attacker cannot change the application\'s code, drop tools or persist in the container; only the tmpfs and volumes given on purpose are writable.',
  remediation: 'Set `read_only: true` and give the paths the service must write a `tmpfs:` (e.g. /tmp) or a volume.',
  references: ['CIS Docker Benchmark 5.12', 'https://docs.docker.com/reference/compose-file/services/#read_only'],
  equivalents: { cis: ['5.12'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const r = get(svc.node, 'read_only');
      if (!r) reportMissing(ctx, svc, 'read_only', `service ${svc.name} has a writable root filesystem (no read_only: true)`);
      else if (!isTrue(r)) reportNode(ctx, r, `${svc.yamlPath}.read_only`, `service ${svc.name} has a writable root filesystem (read_only is not true)`);
    }
  },
});
