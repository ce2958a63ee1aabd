import { defineRule } from '../../engine/types.js';
import { parseGroup, parsePasswd } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/duplicate-ids',
  target: 'image',
  title: 'UIDs, GIDs and account names are unique',
  severity: 'warning',
  level: null,
  rationale: 'Two accounts sharing a UID (or two groups a GID) share every file and permission: whatever one may do, the other may too, and audits name the wrong account.',
  remediation: 'Give each account and group its own ID (useradd/groupadd with a fixed, unused number).',
  references: ['CIS Distribution Independent Linux 6.2.16', 'CIS Distribution Independent Linux 6.2.17'],
  equivalents: { dockle: ['DKL-LI-0002'] },
  examples: {
    bad: 'file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\napp:x:1000:1000::/app:/usr/sbin/nologin\\nweb:x:1000:1000::/web:/usr/sbin/nologin',
    good: 'file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\napp:x:1000:1000::/app:/usr/sbin/nologin\\nweb:x:1001:1001::/web:/usr/sbin/nologin',
  },
  check(model, ctx) {
    const dup = <T>(items: T[], key: (t: T) => string | number, say: (k: string | number, names: T[]) => string, imagePath: string) => {
      const by = new Map<string | number, T[]>();
      for (const t of items) by.set(key(t), [...(by.get(key(t)) ?? []), t]);
      for (const [k, list] of by) if (list.length > 1) ctx.report({ message: say(k, list), location: { imagePath } });
    };
    const passwd = parsePasswd(model.texts['/etc/passwd']);
    // UID 0 duplicates are image/extra-root-users
    dup(passwd.filter((p) => p.uid !== 0), (p) => p.uid, (k, l) => `UID ${k} is shared by ${l.map((p) => p.name).join(', ')}`, '/etc/passwd');
    dup(passwd, (p) => p.name, (k, l) => `the account ${k} appears ${l.length} times`, '/etc/passwd');
    const group = parseGroup(model.texts['/etc/group']);
    dup(group, (g) => g.gid, (k, l) => `GID ${k} is shared by ${l.map((g) => g.name).join(', ')}`, '/etc/group');
    dup(group, (g) => g.name, (k, l) => `the group ${k} appears ${l.length} times`, '/etc/group');
  },
});
