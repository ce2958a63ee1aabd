// no-new-privileges is not set.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';

export default defineRule({
  id: 'container/no-new-privileges',
  target: 'container',
  title: 'The process cannot gain new privileges (NoNewPrivs 1)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'With no-new-privileges the kernel ignores setuid/setgid bits and file capabilities on exec, so a compromised non-root process cannot climb back to root through a setuid binary in the image. Read from NoNewPrivs in /proc/1/status.',
  remediation: 'Run with `--security-opt no-new-privileges` (compose: `security_opt: [no-new-privileges:true]`).',
  references: ['CIS Docker 5.25', 'https://docs.kernel.org/userspace-api/no_new_privs.html'],
  equivalents: { cis: ['5.25'], kics: ['No New Privileges Not Set'] },
  examples: { bad: '{"noNewPrivs":{"ok":true,"method":"sh","value":0}}', good: '{"noNewPrivs":{"ok":true,"method":"sh","value":1}}' },
  check(model, ctx) {
    if (unverified(model.noNewPrivs, 'NoNewPrivs', (d) => { ctx.report(d); })) return;
    if (model.noNewPrivs.value !== 1) ctx.report({ message: `NoNewPrivs is ${model.noNewPrivs.value}: setuid binaries can raise privileges`, location: { field: 'NoNewPrivs' } });
  },
});
