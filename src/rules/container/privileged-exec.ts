// An exec session runs privileged or as root.
import { defineRule } from '../../engine/types.js';
import { isRootUser, POSTURE_LEVEL } from '../posture.js';
import { unverified } from './util.js';

export default defineRule({
  id: 'container/privileged-exec',
  target: 'container',
  title: 'No exec session runs privileged or as root',
  severity: 'error',
  level: POSTURE_LEVEL.privileged,
  rationale:
    '`docker exec --privileged` gives the session every capability and no confinement, whatever the container was ' +
    'started with: the same as a privileged container for as long as it runs. `docker exec --user root` undoes the ' +
    'image\'s non-root user for the session (a warning). Measured from the container\'s exec sessions as the engine ' +
    'keeps them (ExecIDs, each inspected), so a session already ended and cleaned up is not seen.',
  remediation: 'Debug without --privileged; add the one capability to the container if a tool needs it. Run exec sessions as the container\'s user (no `--user root`).',
  references: ['CIS Docker 5.22 (Ensure that docker exec commands are not used with the privileged option)', 'CIS Docker 5.23 (Ensure that docker exec commands are not used with the user=root option)'],
  equivalents: { cis: ['5.22', '5.23'], dockerBench: ['check_5_22', 'check_5_23'] },
  examples: {
    bad: '{"execs":{"ok":true,"method":"inspect","value":[{"id":"e1","privileged":true,"user":"","command":"sh","running":true}]}}',
    good: '{"execs":{"ok":true,"method":"inspect","value":[{"id":"e1","privileged":false,"user":"","command":"sh","running":true}]}}',
  },
  check(model, ctx) {
    if (unverified(model.execs, 'the exec sessions of the container', (d) => { ctx.report(d); })) return;
    for (const x of model.execs.value) {
      const what = `exec session ${x.id.slice(0, 12)} (${x.command || 'no command'}${x.running ? ', running' : ''})`;
      if (x.privileged) ctx.report({ message: `${what} runs privileged: every capability, no confinement`, location: { field: 'ExecIDs' } });
      else if (x.user !== '' && isRootUser(x.user)) ctx.report({ message: `${what} runs as ${x.user}, over the container's user`, severity: 'warning', location: { field: 'ExecIDs' } });
    }
  },
});
