import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/default-ulimits-missing',
  target: 'daemon',
  title: 'The engine sets default ulimits for containers',
  severity: 'info',
  level: null,
  rationale: 'Without `default-ulimits`, containers inherit the engine\'s limits (often a million open files): one container can exhaust the host\'s file descriptors. A default bounds every container that does not set its own.',
  remediation: 'Set `"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1024, "Hard": 65536}}` (and `nproc` where it fits).',
  references: ['https://docs.docker.com/reference/cli/dockerd/#default-ulimit', 'CIS Docker Benchmark 2.8'],
  equivalents: { cis: ['2.8'], dockerBench: ['check_2_8'] },
  examples: { bad: '{\n  "icc": false\n}\n', good: '{\n  "default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1024, "Hard": 65536}}\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const s = setting(model, 'default-ulimits');
    if (!s) reportMissing(ctx, model, 'no "default-ulimits": containers inherit the engine\'s limits');
    else if (!s.value || (typeof s.value === 'object' && Object.keys(s.value).length === 0)) reportSetting(ctx, s, '"default-ulimits" is empty');
  },
});
