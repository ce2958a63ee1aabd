import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/userns-remap-missing',
  target: 'daemon',
  title: 'Container users are mapped to unprivileged host users (userns-remap)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without user-namespace remapping, root in a container is root on the host: a container escape, or a writable host mount, acts with uid 0. `"userns-remap": "default"` maps container uid 0 to an unprivileged subordinate uid (rootless Docker gives the same).',
  remediation: 'Set `"userns-remap": "default"` (dockerd creates the `dockremap` user and its /etc/subuid range), or run the engine rootless.',
  references: ['https://docs.docker.com/engine/security/userns-remap/', 'CIS Docker Benchmark 2.9'],
  equivalents: { cis: ['2.9'], dockerBench: ['check_2_9'] },
  examples: { bad: '{\n  "icc": false\n}\n', good: '{\n  "icc": false,\n  "userns-remap": "default"\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const s = setting(model, 'userns-remap');
    if (!s) reportMissing(ctx, model, 'no "userns-remap": root in a container is root on the host');
    else if (typeof s.value !== 'string' || !s.value.trim()) reportSetting(ctx, s, '"userns-remap" is empty: container users are not remapped');
  },
});
