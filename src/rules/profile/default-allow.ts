import { defineRule } from '../../engine/types.js';
import { isDenyAction } from '../../targets/profile/syscalls.js';

export default defineRule({
  id: 'profile/default-allow',
  target: 'profile',
  title: 'A seccomp profile denies by default',
  severity: 'error',
  level: 'hardened',
  rationale: 'A profile whose `defaultAction` allows (or only logs) lets every system call through that it does not name, including the ones Docker\'s default profile blocks (`mount`, `ptrace`, `bpf`, `keyctl`, `unshare`…) and every call a future kernel adds. It is a list of exceptions to "anything goes": weaker than no custom profile at all, since Docker\'s own default denies by default.',
  remediation: 'Set `"defaultAction": "SCMP_ACT_ERRNO"` and list the calls the service needs with `"action": "SCMP_ACT_ALLOW"` (start from Docker\'s default profile).',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'CIS Docker Benchmark 5.21'],
  equivalents: { cis: ['2.17', '5.21'] },
  examples: { bad: '{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["ptrace"],"action":"SCMP_ACT_ERRNO"}]}', good: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex"],"action":"SCMP_ACT_ALLOW"}]}' },
  check(model, ctx) {
    const f = model.seccomp;
    if (!f || f.defaultAction === null || isDenyAction(f.defaultAction)) return;
    ctx.report({ message: `the default action is ${f.defaultAction}: every system call the profile does not name is let through (Docker's default profile denies by default)`, ...(f.defaultActionRange ? { range: f.defaultActionRange } : {}) });
  },
});
