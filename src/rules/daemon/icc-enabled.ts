import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { isFalse, readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/icc-enabled',
  target: 'daemon',
  title: 'Containers on the default bridge cannot talk to each other (icc: false)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'On the default bridge every container reaches every other one on every port: one compromised container can probe and attack the rest. With `"icc": false` only published ports and explicit networks connect them.',
  remediation: 'Set `"icc": false` and put services that must talk on user-defined networks (compose does this per project).',
  references: ['https://docs.docker.com/engine/network/drivers/bridge/', 'CIS Docker Benchmark 2.2'],
  equivalents: { cis: ['2.2'], dockerBench: ['check_2_2'] },
  examples: { bad: '{\n  "icc": true\n}\n', good: '{\n  "icc": false\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const s = setting(model, 'icc');
    if (!s) reportMissing(ctx, model, 'no "icc": false: containers on the default bridge reach each other on every port');
    else if (!isFalse(s.value)) reportSetting(ctx, s, '"icc" is on: containers on the default bridge reach each other on every port');
  },
});
