import { defineRule } from '../../engine/types.js';
import { POSTURE_LEVEL } from '../posture.js';
import { get, str } from '../../targets/compose/model.js';
import { isRootUser, reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/user-root',
  target: 'compose',
  title: 'Services do not set user: root',
  severity: 'error',
  level: POSTURE_LEVEL.rootUser,
  rationale: '`user: root`, `user: "0"` or `user: "0:0"` overrides a non-root USER of the image and runs the service as UID 0 again.',
  remediation: 'Use a non-root UID:GID such as `user: "10001:10001"`; give the files the service must write to that user instead of running as root.',
  references: ['CIS Docker Benchmark 4.1', 'https://docs.docker.com/reference/compose-file/services/#user'],
  equivalents: { cis: ['4.1'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    user: root\n', good: 'services:\n  api:\n    image: nginx:1.27\n    user: "101:101"\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const u = get(svc.node, 'user');
      const v = str(u);
      if (u && v !== undefined && isRootUser(v)) {
        reportNode(ctx, u, `${svc.yamlPath}.user`, v.trim() === '' ? `service ${svc.name} sets an empty user (an unset variable?): it runs as root` : `service ${svc.name} runs as root (user: ${v})`);
      }
    }
  },
});
