import { defineRule } from '../../engine/types.js';
import { str } from '../../targets/compose/model.js';
import { reportMissing, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/pids-limit-missing',
  target: 'compose',
  title: 'Services have a pids limit',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without a pids limit a fork bomb in one container exhausts the host\'s process table and takes every other service down with it.',
  remediation: 'Set `deploy.resources.limits.pids: 100` (or the legacy `pids_limit: 100`) to a number above what the service uses.',
  references: ['CIS Docker Benchmark 5.28', 'https://docs.docker.com/reference/compose-file/services/#pids_limit'],
  equivalents: { kics: ['Pids Limit Not Set'], cis: ['5.28'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    pids_limit: 100\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const p = svc.limits.pids;
      const v = str(p)?.trim();
      if (!p) reportMissing(ctx, svc, 'deploy.resources.limits.pids', `service ${svc.name} has no pids limit`);
      else if (v === '' || Number(v) <= 0) reportNode(ctx, p, `${svc.yamlPath}.pids_limit`, `service ${svc.name} sets an unlimited pids limit (${v || 'empty'})`);
    }
  },
});
