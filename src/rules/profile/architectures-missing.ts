import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'profile/architectures-missing',
  target: 'profile',
  title: 'A seccomp profile lists the architectures it filters',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without `architectures` (or Docker\'s `archMap`) the filter only matches the native system-call numbers: a 32-bit (x86, x32) call from inside the container uses other numbers and is judged by the default action alone, so an allow-listed profile can behave differently from what it says, and a deny-listed one can be bypassed.',
  remediation: 'Add `"architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]` (or the `archMap` of Docker\'s default profile).',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'https://man7.org/linux/man-pages/man3/seccomp_arch_add.3.html'],
  equivalents: {},
  examples: { bad: '{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex"],"action":"SCMP_ACT_ALLOW"}]}', good: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex"],"action":"SCMP_ACT_ALLOW"}]}' },
  check(model, ctx) {
    const f = model.seccomp;
    if (!f || f.defaultAction === null || f.architectures.length || f.archMap.length) return;
    ctx.report({ message: 'lists no architectures: calls made with another architecture\'s numbers (x86, x32) fall to the default action', ...(f.defaultActionRange ? { range: f.defaultActionRange } : {}) });
  },
});
