import { defineRule } from '../../engine/types.js';
import { get, getPath } from '../../targets/compose/model.js';
import { reportMissing } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/restart-missing',
  target: 'compose',
  title: 'Services have a restart policy',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without a restart policy a crashed service stays down until someone notices. `on-failure` with a retry limit (CIS recommends 5) or `unless-stopped` brings it back without hiding a crash loop forever. An explicit `restart: "no"` (one-shot jobs) is a choice and is accepted.',
  remediation: 'Set `restart: on-failure:5` or `restart: unless-stopped` (or `deploy.restart_policy`).',
  references: ['CIS Docker Benchmark 5.14', 'https://docs.docker.com/reference/compose-file/services/#restart'],
  equivalents: { kics: ['Restart Policy On Failure Not Set To 5'], cis: ['5.14'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    restart: on-failure:5\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      if (get(svc.node, 'restart') || getPath(svc.node, ['deploy', 'restart_policy'])) continue;
      reportMissing(ctx, svc, 'restart', `service ${svc.name} has no restart policy`);
    }
  },
});
