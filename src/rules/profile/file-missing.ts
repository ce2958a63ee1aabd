import { defineRule } from '../../engine/types.js';
import { reportAtReference } from '../../targets/profile/rule-helpers.js';

export default defineRule({
  id: 'profile/file-missing',
  target: 'profile',
  title: 'A named seccomp or AppArmor profile file exists',
  severity: 'error',
  level: 'nonroot',
  breaksBuild: true,
  rationale: 'Docker reads a seccomp profile file when the container is created: a path that does not resolve (relative paths in compose are relative to the compose file) stops the container from starting, or, worse, the option is dropped while the file is fixed and the service runs without the profile meant for it.',
  remediation: 'Fix the path (relative to the compose file for compose `security_opt`), or add the profile file to the repository.',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'https://docs.docker.com/reference/compose-file/services/#security_opt'],
  equivalents: {},
  examples: { bad: '#! missing: no such file\n', good: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex"],"action":"SCMP_ACT_ALLOW"}]}' },
  check(model, ctx) {
    if (model.missing === undefined) return;
    const by = model.referencedBy ? `${model.referencedBy.via} names ${model.referencedBy.value}, but ` : '';
    reportAtReference(ctx, model, `${by}the ${model.kind} profile ${model.path} cannot be read: ${model.missing}`);
  },
});
