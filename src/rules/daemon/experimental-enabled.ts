import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { isTrue, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/experimental-enabled',
  target: 'daemon',
  title: 'Experimental engine features are off in production',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Experimental features are not covered by the engine\'s stability and security guarantees and change between releases; a production engine should not run them.',
  remediation: 'Remove `"experimental": true` (or set it to false).',
  references: ['https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file', 'CIS Docker Benchmark 2.18'],
  equivalents: { cis: ['2.18'], dockerBench: ['check_2_18'] },
  examples: { bad: '{\n  "experimental": true\n}\n', good: '{\n  "experimental": false\n}\n' },
  check(model, ctx) {
    const s = setting(model, 'experimental');
    if (s && isTrue(s.value)) reportSetting(ctx, s, 'experimental features are on');
  },
});
