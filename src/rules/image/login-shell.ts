import { defineRule } from '../../engine/types.js';
import { runtimeUser } from '../../targets/image/model.js';

const NOLOGIN = new Set(['/usr/sbin/nologin', '/sbin/nologin', '/bin/false', '/usr/bin/false', '/bin/nologin', '/usr/bin/nologin']);

export default defineRule({
  id: 'image/login-shell',
  target: 'image',
  title: 'The runtime user has no login shell',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A service account needs no interactive login; a nologin shell in /etc/passwd is one more thing an intruder cannot use, and it documents that the account is for the service only.',
  remediation: 'Create the user with `useradd --system --shell /usr/sbin/nologin …` (Debian) or `adduser -S -s /sbin/nologin …` (Alpine).',
  references: ['https://man7.org/linux/man-pages/man8/nologin.8.html'],
  equivalents: {},
  examples: {
    bad: 'user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\napp:x:10001:10001::/home/app:/bin/bash',
    good: 'user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\napp:x:10001:10001::/home/app:/usr/sbin/nologin',
  },
  check(model, ctx) {
    const u = runtimeUser(model);
    if (u.uid === 0 || !u.entry) return;
    if (!NOLOGIN.has(u.entry.shell)) {
      ctx.report({
        message: `the runtime user ${u.entry.name} (UID ${u.entry.uid}) has the login shell ${u.entry.shell || '(empty: /bin/sh)'}`,
        location: { imagePath: '/etc/passwd', field: 'config.User' },
      });
    }
  },
});
