// The container runs under a custom cgroup parent.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/cgroup-parent',
  target: 'container',
  title: 'The container runs under the engine\'s own cgroup',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'The engine puts each container in its own cgroup under its parent, where the limits verify measures apply. A ' +
    '`--cgroup-parent` moves it under another cgroup, whose limits (or lack of them) are shared with whatever else ' +
    'runs there: the container\'s resource bounds then depend on host configuration this audit cannot see. The same ' +
    'setting as compose/cgroup-parent.',
  remediation: 'Remove `--cgroup-parent` (compose `cgroup_parent:`) unless the host\'s resource plan requires it, and then document that cgroup\'s limits.',
  references: ['CIS Docker 5.24 (Ensure that cgroup usage is confirmed)'],
  equivalents: { cis: ['5.24'], dockerBench: ['check_5_24'] },
  examples: { bad: '{"hostConfig":{"cgroupParent":"/batch"}}', good: '{"hostConfig":{"cgroupParent":""}}' },
  check(model, ctx) {
    const parent = model.hostConfig.cgroupParent;
    if (parent !== '') ctx.report({ message: `the container runs under the cgroup parent ${parent}, not the engine's default`, location: { field: 'HostConfig.CgroupParent' } });
  },
});
