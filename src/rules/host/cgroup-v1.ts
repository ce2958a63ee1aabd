import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/cgroup-v1',
  target: 'host',
  title: 'The host uses cgroup v2',
  severity: 'info',
  level: null,
  rationale: 'With cgroup v1 a container\'s memory, CPU and pids limits are enforced by older, less complete controllers (no memory pressure accounting, no unified hierarchy), rootless containers cannot have resource limits at all, and the engine drops support for it in future releases.',
  remediation: 'Boot with the unified hierarchy (`systemd.unified_cgroup_hierarchy=1`; the default on current distributions).',
  references: ['https://docs.docker.com/engine/containers/runmetrics/', 'https://docs.kernel.org/admin-guide/cgroup-v2.html', 'CIS Docker Benchmark 2.10'],
  equivalents: { cis: ['2.10'] },
  examples: { bad: '{"engine": {"ok": true, "value": {"cgroupVersion": "1"}}}', good: '{"engine": {"ok": true, "value": {"cgroupVersion": "2"}}}' },
  check(model, ctx) {
    if (model.engine.ok && model.engine.value.cgroupVersion === '1') ctx.report({ message: 'the engine uses cgroup v1: resource limits are enforced by the legacy controllers, and rootless containers get none', location: { path: 'engine', field: 'Info.CgroupVersion' } });
  },
});
