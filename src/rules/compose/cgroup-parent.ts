import { defineRule } from '../../engine/types.js';
import { get, str } from '../../targets/compose/model.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/cgroup-parent',
  target: 'compose',
  title: 'Services stay in Docker\'s default cgroup',
  severity: 'warning',
  level: 'hardened',
  rationale: '`cgroup_parent` moves the container under another cgroup, outside the limits and accounting Docker sets up; placed under a host or system slice it escapes the resource limits meant for containers.',
  remediation: 'Remove `cgroup_parent` unless the host\'s cgroup layout was designed for it, and set limits on the service itself.',
  references: ['CIS Docker Benchmark 5.24', 'https://docs.docker.com/reference/compose-file/services/#cgroup_parent'],
  equivalents: { kics: ['Cgroup Not Default'], cis: ['5.24'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n    cgroup_parent: system.slice\n', good: 'services:\n  api:\n    image: nginx:1.27\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      const n = get(svc.node, 'cgroup_parent');
      const v = str(n)?.trim();
      if (n && v) reportNode(ctx, n, `${svc.yamlPath}.cgroup_parent`, `service ${svc.name} runs under the cgroup ${v}`);
    }
  },
});
