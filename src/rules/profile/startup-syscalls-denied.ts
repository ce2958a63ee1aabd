import { defineRule } from '../../engine/types.js';
import { allows } from '../../targets/profile/seccomp.js';
import { EQUIVALENT_GROUPS, NEEDED_TO_START } from '../../targets/profile/syscalls.js';

export default defineRule({
  id: 'profile/startup-syscalls-denied',
  target: 'profile',
  title: 'A seccomp profile allows what every process needs to start',
  severity: 'error',
  level: 'nonroot',
  rationale: 'Before a program reaches main() the runtime calls `execve`, the loader maps memory (`mmap`, `mprotect`, `brk`), opens and reads libraries (`openat`, `read`, `fstat`, `close`), sets up threads and signals (`arch_prctl`, `futex`, `rt_sigaction`, `rt_sigprocmask`) and exits with `exit_group`. A deny-by-default profile that leaves one out stops every process: the container never starts, which teams then "fix" with `seccomp:unconfined`.',
  remediation: 'Start from Docker\'s default profile and remove calls, rather than listing a few by hand; prove it with `tightship verify IMAGE --seccomp FILE`.',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'https://man7.org/linux/man-pages/man2/execve.2.html'],
  equivalents: {},
  examples: { bad: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["read","write","exit","sigreturn","accept","socket"],"action":"SCMP_ACT_ALLOW"}]}', good: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex"],"action":"SCMP_ACT_ALLOW"}]}' },
  check(model, ctx) {
    const f = model.seccomp;
    if (!f || f.defaultAction === null) return;
    const denied = NEEDED_TO_START.filter((name) => {
      const group = EQUIVALENT_GROUPS.find((g) => g.includes(name)) ?? [name];
      return !group.some((n) => allows(f, n, { conditional: true }));
    });
    if (denied.length === 0) return;
    ctx.report({
      message: `denies ${denied.join(', ')}: no process can start under this profile (the runtime's execve, the loader's memory and file calls, signal return and exit are needed by all)`,
      ...(f.defaultActionRange ? { range: f.defaultActionRange } : {}),
    });
  },
});
