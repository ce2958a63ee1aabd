// The container overrides the daemon's default ulimits.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/ulimits-overridden',
  target: 'container',
  title: 'The container overrides the default ulimits',
  severity: 'info',
  level: null,
  rationale:
    'The daemon\'s default ulimits (`default-ulimits` in daemon.json) are the host-wide bound on open files and ' +
    'processes per container. A `--ulimit` on one container replaces them: often for a good reason (a database ' +
    'needs more open files), sometimes raising a limit that protected the host (unlimited nproc or core dumps). ' +
    'This is evidence for review, as docker-bench reports it: each override with its values.',
  remediation: 'Keep `--ulimit` only where the service needs it, at the lowest value that works; set host-wide defaults in daemon.json.',
  references: ['CIS Docker 5.18 (Ensure that the default ulimit is overwritten at runtime if needed)'],
  equivalents: { cis: ['5.18'], dockerBench: ['check_5_18'] },
  examples: {
    bad: '{"hostConfig":{"ulimits":[{"name":"nofile","soft":1048576,"hard":1048576}]}}',
    good: '{"hostConfig":{"ulimits":[]}}',
  },
  check(model, ctx) {
    for (const u of model.hostConfig.ulimits) {
      ctx.report({ message: `the container sets ulimit ${u.name}=${u.soft < 0 ? 'unlimited' : u.soft}:${u.hard < 0 ? 'unlimited' : u.hard} over the daemon's default`, location: { field: 'HostConfig.Ulimits' } });
    }
  },
});
