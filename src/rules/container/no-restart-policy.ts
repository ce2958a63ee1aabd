// No restart policy, or `always` without a limit.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/no-restart-policy',
  target: 'container',
  title: 'A service container has a bounded restart policy',
  severity: 'info',
  level: null,
  rationale: 'A service that crashes should come back (unless-stopped or on-failure); `always` restarts a crash-looping container forever. Not meaningful for the one-off containers verify starts itself.',
  remediation: 'Use `--restart unless-stopped` or `--restart on-failure:5` (compose: `restart: unless-stopped`).',
  references: ['CIS Docker 5.14'],
  equivalents: { cis: ['5.14'] },
  examples: { bad: '{"mode":"container","profile":null,"hostConfig":{"restartPolicy":{"name":"no","maximumRetryCount":0}}}', good: '{"mode":"container","profile":null,"hostConfig":{"restartPolicy":{"name":"unless-stopped","maximumRetryCount":0}}}' },
  check(model, ctx) {
    if (model.mode !== 'container') return;
    const r = model.hostConfig.restartPolicy;
    if (r.name === '' || r.name === 'no') ctx.report({ message: 'no restart policy: the service stays down after a crash or a reboot', location: { field: 'HostConfig.RestartPolicy' } });
    else if (r.name === 'always') ctx.report({ message: 'restart policy always: a crash-looping container restarts forever', location: { field: 'HostConfig.RestartPolicy' } });
  },
});
