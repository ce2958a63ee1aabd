import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { isTrue, readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/live-restore-missing',
  target: 'daemon',
  title: 'Containers keep running while the engine restarts (live-restore)',
  severity: 'info',
  level: null,
  rationale: 'Without live restore, every engine restart (an upgrade, a crash) stops every container; teams then postpone engine security updates. `"live-restore": true` keeps them running.',
  remediation: 'Set `"live-restore": true` (not available with swarm mode).',
  references: ['https://docs.docker.com/engine/daemon/live-restore/', 'CIS Docker Benchmark 2.15'],
  equivalents: { cis: ['2.15'], dockerBench: ['check_2_15'] },
  examples: { bad: '{\n  "icc": false\n}\n', good: '{\n  "live-restore": true\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const s = setting(model, 'live-restore');
    if (!s) reportMissing(ctx, model, 'no "live-restore": true: an engine restart stops every container');
    else if (!isTrue(s.value)) reportSetting(ctx, s, '"live-restore" is off: an engine restart stops every container');
  },
});
