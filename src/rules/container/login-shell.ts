// The runtime user has a login shell.
import { defineRule } from '../../engine/types.js';
import { isLoginShell, unverified } from './util.js';

export default defineRule({
  id: 'container/login-shell',
  target: 'container',
  title: 'The runtime user has no login shell',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A service account never logs in. Giving it /usr/sbin/nologin (or /bin/false) in /etc/passwd removes one easy way to an interactive shell through su, cron-like tools or a misconfigured login service.',
  remediation: 'Create the user with `useradd --shell /usr/sbin/nologin` (or `adduser -s /sbin/nologin` on Alpine).',
  references: ['https://man7.org/linux/man-pages/man8/nologin.8.html'],
  equivalents: {},
  examples: { bad: '{"identity":{"ok":true,"method":"sh","value":{"uid":1001,"gid":1001,"user":"appuser","home":"/home/appuser","shell":"/bin/sh"}}}', good: '{"identity":{"ok":true,"method":"sh","value":{"uid":1001,"gid":1001,"user":"appuser","home":"/nonexistent","shell":"/usr/sbin/nologin"}}}' },
  check(model, ctx) {
    if (unverified(model.identity, 'the login shell of the user', (d) => { ctx.report(d); })) return;
    const id = model.identity.value;
    if (id.user === null) {
      ctx.report({ message: `uid ${id.uid} has no entry in /etc/passwd, so its login shell cannot be checked`, severity: 'info', location: { field: 'identity.shell' } });
      return;
    }
    if (isLoginShell(id.shell)) ctx.report({ message: `user ${id.user} (uid ${id.uid}) has the login shell ${id.shell || '(empty: /bin/sh)'}`, location: { field: 'identity.shell' } });
  },
});
