import { defineRule } from '../../engine/types.js';
import { parsePasswd, parseShadow } from '../../targets/image/model.js';

export default defineRule({
  id: 'image/empty-password',
  target: 'image',
  title: 'No account has an empty password',
  severity: 'error',
  level: 'hardened',
  rationale: 'An empty password hash lets anyone become that user with su or login, without knowing anything.',
  remediation: 'Lock the account (`passwd -l NAME`, a `!` or `*` hash) or remove it.',
  references: ['CIS Distribution Independent Linux 6.2.1'],
  equivalents: { dockle: ['DKL-LI-0001'] },
  examples: {
    bad: 'file /etc/shadow mode=0640 << root:*:19000:0:99999:7:::\\nguest::19000:0:99999:7:::',
    good: 'file /etc/shadow mode=0640 << root:*:19000:0:99999:7:::\\nguest:!:19000:0:99999:7:::',
  },
  check(model, ctx) {
    const shadow = parseShadow(model.texts['/etc/shadow']);
    for (const s of shadow) {
      if (s.hash === '') ctx.report({ message: `/etc/shadow line ${s.line}: ${s.name} has an empty password`, location: { imagePath: '/etc/shadow' } });
    }
    for (const p of parsePasswd(model.texts['/etc/passwd'])) {
      if (p.password === '') ctx.report({ message: `/etc/passwd line ${p.line}: ${p.name} has an empty password field`, location: { imagePath: '/etc/passwd' } });
    }
  },
});
