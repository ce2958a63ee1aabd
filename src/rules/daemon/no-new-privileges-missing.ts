import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { isTrue, readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/no-new-privileges-missing',
  target: 'daemon',
  title: 'Containers cannot gain privileges by default (no-new-privileges)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A setuid binary in an image (su, sudo, ping on old bases) lets a process in the container become root. `"no-new-privileges": true` makes that impossible for every container the engine starts, not just those whose compose file remembers the option.',
  remediation: 'Set `"no-new-privileges": true`.',
  references: ['https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file', 'CIS Docker Benchmark 2.14'],
  equivalents: { cis: ['2.14'], dockerBench: ['check_2_14'] },
  examples: { bad: '{\n  "icc": false\n}\n', good: '{\n  "no-new-privileges": true\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const s = setting(model, 'no-new-privileges');
    if (!s) reportMissing(ctx, model, 'no "no-new-privileges": true: a setuid binary in a container can still make its process root');
    else if (!isTrue(s.value)) reportSetting(ctx, s, '"no-new-privileges" is off: a setuid binary in a container can still make its process root');
  },
});
