// The seccomp filter is off.
import { defineRule } from '../../engine/types.js';
import { unverified } from './util.js';

const MODES = ['disabled', 'strict', 'filter'];

export default defineRule({
  id: 'container/seccomp-disabled',
  target: 'container',
  title: 'A seccomp filter is active',
  severity: 'error',
  level: 'hardened',
  rationale: 'Docker\'s default seccomp profile blocks about 44 system calls (keyctl, mount, ptrace on old kernels, …) that container escapes have used. `seccomp=unconfined` or `--privileged` removes it. Read from Seccomp in /proc/1/status (2 = filter).',
  remediation: 'Remove `--security-opt seccomp=unconfined` and `--privileged`; keep the default profile or a stricter custom one.',
  references: ['CIS Docker 5.21', 'https://docs.docker.com/engine/security/seccomp/'],
  equivalents: { cis: ['5.21'], kics: ['Seccomp Unconfined'] },
  examples: { bad: '{"seccomp":{"ok":true,"method":"sh","value":0}}', good: '{"seccomp":{"ok":true,"method":"sh","value":2}}' },
  check(model, ctx) {
    if (unverified(model.seccomp, 'the seccomp mode', (d) => { ctx.report(d); })) return;
    if (model.seccomp.value === 0) ctx.report({ message: `seccomp mode is ${model.seccomp.value} (${MODES[0]}): every system call is allowed`, location: { field: 'Seccomp' } });
  },
});
