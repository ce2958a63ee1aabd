// An SSH daemon runs in the container.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';

const SSHD = /^(\S*\/)?(sshd|dropbear)(:|\s|$)/;

export default defineRule({
  id: 'container/sshd-running',
  target: 'container',
  title: 'No SSH daemon runs in the container',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "one process per container, no shell access": a container is reached with `docker exec` by whoever ' +
    'may use the engine; an SSH server inside adds a second way in, with its own keys and passwords to manage, patch ' +
    'and audit, and usually a login shell for it. Measured from the engine\'s process list of the container ' +
    '(docker top), so it also sees an sshd started by an entrypoint script.',
  remediation: 'Remove the SSH server from the image and its start from the entrypoint; use `docker exec` (or `kubectl exec`) for the rare debugging session.',
  references: ['CIS Docker 5.6 (Ensure sshd is not run within containers)'],
  equivalents: { cis: ['5.6'], dockerBench: ['check_5_6'] },
  examples: {
    bad: '{"processes":{"ok":true,"method":"inspect","value":["/usr/sbin/sshd -D","node dist/main.js"]}}',
    good: '{"processes":{"ok":true,"method":"inspect","value":["node dist/main.js"]}}',
  },
  check(model, ctx) {
    if (unverified(model.processes, 'the processes of the container', (d) => { ctx.report(d); })) return;
    for (const cmd of model.processes.value) {
      if (SSHD.test(cmd.trim())) ctx.report({ message: `an SSH daemon runs in the container: ${cmd.trim()}`, location: { field: 'processes' } });
    }
  },
});
