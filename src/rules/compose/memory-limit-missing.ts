import { defineRule } from '../../engine/types.js';
import { str } from '../../targets/compose/model.js';
import { reportMissing, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/memory-limit-missing',
  target: 'compose',
  title: 'Services have a memory limit',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without a memory limit one leaking or attacked service can take all the host\'s memory, and the kernel\'s OOM killer then picks victims among every container and host process.',
  remediation: 'Set `deploy.resources.limits.memory: 256M` (or the legacy `mem_limit: 256m`).',
  references: ['CIS Docker Benchmark 5.10', 'https://docs.docker.com/reference/compose-file/deploy/#resources'],
  equivalents: { kics: ['Memory Not Limited'], cis: ['5.10'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const m = svc.limits.memory;
      const v = str(m)?.trim();
      if (!m) reportMissing(ctx, svc, 'deploy.resources.limits.memory', `service ${svc.name} has no memory limit`);
      else if (v === '' || v === '0' || v === '-1') reportNode(ctx, m, `${svc.yamlPath}.deploy.resources.limits.memory`, `service ${svc.name} sets an unlimited memory limit (${v || 'empty'})`);
    }
  },
});
