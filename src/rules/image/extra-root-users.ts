import { defineRule } from '../../engine/types.js';
import { parsePasswd } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/extra-root-users',
  target: 'image',
  title: 'No user other than root has UID 0',
  severity: 'warning',
  level: 'hardened',
  rationale: 'A second account with UID 0 is root under another name: it hides from checks that look for "root" and is a classic backdoor.',
  remediation: 'Remove the account or give it its own UID.',
  references: ['CIS Distribution Independent Linux 6.2.5'],
  equivalents: {},
  examples: {
    bad: 'file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\ntoor:x:0:0::/root:/bin/sh',
    good: 'file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\napp:x:10001:10001::/app:/usr/sbin/nologin',
  },
  check(model, ctx) {
    for (const p of parsePasswd(model.texts['/etc/passwd'])) {
      if (p.uid === 0 && p.name !== 'root') {
        ctx.report({ message: `/etc/passwd line ${p.line}: ${p.name} has UID 0`, location: { imagePath: '/etc/passwd' } });
      }
    }
  },
});
