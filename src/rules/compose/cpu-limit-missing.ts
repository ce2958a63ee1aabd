import { defineRule } from '../../engine/types.js';
import { str } from '../../targets/compose/model.js';
import { reportMissing, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/cpu-limit-missing',
  target: 'compose',
  title: 'Services have a CPU limit',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without a CPU limit a busy or hijacked service (a crypto miner is the usual payload) starves every other container on the host.',
  remediation: 'Set `deploy.resources.limits.cpus: "0.5"` (or the legacy `cpus: 0.5`).',
  references: ['CIS Docker Benchmark 5.11', 'https://docs.docker.com/reference/compose-file/deploy/#resources'],
  equivalents: { kics: ['Cpus Not Limited'], cis: ['5.11'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    cpus: 0.5\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const c = svc.limits.cpus;
      const v = str(c)?.trim();
      if (!c) reportMissing(ctx, svc, 'deploy.resources.limits.cpus', `service ${svc.name} has no CPU limit`);
      else if (v === '' || Number(v) <= 0) reportNode(ctx, c, `${svc.yamlPath}.deploy.resources.limits.cpus`, `service ${svc.name} sets no effective CPU limit (${v || 'empty'})`);
    }
  },
});
