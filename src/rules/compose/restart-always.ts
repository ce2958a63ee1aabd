import { defineRule } from '../../engine/types.js';
import { get, getPath, str } from '../../targets/compose/model.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/restart-always',
  target: 'compose',
  title: 'Restart policies have a limit',
  severity: 'info',
  level: null,
  rationale: '`restart: always` (and `deploy.restart_policy.condition: any` without `max_attempts`) restarts a crashing service forever: a crash loop burns resources and hides the failure, and the service even comes back after an operator stopped it once the daemon restarts.',
  remediation: 'Prefer `restart: on-failure:5` (bounded retries) or `restart: unless-stopped`.',
  references: ['CIS Docker Benchmark 5.14', 'https://docs.docker.com/engine/containers/start-containers-automatically/'],
  equivalents: { kics: ['Restart Policy On Failure Not Set To 5'], cis: ['5.14'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    restart: always\n', good: 'services:\n  api:\n    image: nginx:1.27\n    restart: unless-stopped\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const r = get(svc.node, 'restart');
      if (r && str(r)?.trim() === 'always') reportNode(ctx, r, `${svc.yamlPath}.restart`, `service ${svc.name} restarts always, without a limit`);
      const policy = getPath(svc.node, ['deploy', 'restart_policy']);
      const cond = get(policy, 'condition');
      if (policy && (!cond || str(cond)?.trim() === 'any') && !get(policy, 'max_attempts')) {
        reportNode(ctx, cond ?? policy, `${svc.yamlPath}.deploy.restart_policy`, `service ${svc.name} restarts on any exit without max_attempts`);
      }
    }
  },
});
