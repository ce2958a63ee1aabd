// The main process's user can write /etc/passwd.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';

export default defineRule({
  id: 'container/passwd-writable',
  target: 'container',
  title: '/etc/passwd is not writable by the container user',
  severity: 'error',
  level: 'nonroot',
  rationale: 'A process that can write /etc/passwd can add a uid-0 account or change a shell: the classic proof that a container is not isolated enough (the seeds\' `echo hacked >> /etc/passwd`). Measured with an access(W_OK) check, never by writing.',
  remediation: 'Run as a non-root user, keep system files owned by root, and mount the root filesystem read-only.',
  references: ['CIS Docker 4.1', 'CIS Docker 5.12'],
  equivalents: { cis: ['4.1', '5.12'] },
  examples: { bad: '{"passwdWritable":{"ok":true,"method":"sh","value":true}}', good: '{"passwdWritable":{"ok":true,"method":"sh","value":false}}' },
  check(model, ctx) {
    if (unverified(model.passwdWritable, 'whether /etc/passwd is writable', (d) => { ctx.report(d); })) return;
    if (model.passwdWritable.value) ctx.report({ message: '/etc/passwd is writable by the container\'s user', location: { imagePath: '/etc/passwd' } });
  },
});
