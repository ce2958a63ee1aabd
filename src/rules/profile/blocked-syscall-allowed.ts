import { defineRule } from '../../engine/types.js';
import { BLOCKED_BY_DEFAULT } from '../../targets/profile/syscalls.js';

export default defineRule({
  id: 'profile/blocked-syscall-allowed',
  target: 'profile',
  title: 'A seccomp profile does not allow what Docker\'s default profile blocks',
  severity: 'error',
  level: 'hardened',
  rationale: 'Docker\'s default profile refuses the system calls that break out of a container or attack the kernel: `mount`/`umount2`, `unshare`/`setns` (new namespaces), `ptrace` (other processes), `bpf`, `keyctl`/`add_key` (the kernel keyring is not namespaced), module loading (`init_module`, `finit_module`, `kexec_load`), `open_by_handle_at` (the "shocker" escape), `perf_event_open`… A custom profile that allows one of them unconditionally gives back what the default took away.',
  remediation: 'Remove the call from the allow rule. If the service really needs it, allow it only with argument conditions or `includes.caps`, as Docker\'s default profile does, and say why in a comment of the compose file.',
  references: ['https://docs.docker.com/engine/security/seccomp/#significant-syscalls-blocked-by-the-default-profile', 'https://github.com/moby/profiles/blob/main/seccomp/default.json'],
  equivalents: { cis: ['5.21'] },
  examples: { bad: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex","mount","ptrace"],"action":"SCMP_ACT_ALLOW"}]}', good: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex"],"action":"SCMP_ACT_ALLOW"}]}' },
  check(model, ctx) {
    const f = model.seccomp;
    if (!f) return;
    for (const r of f.rules) {
      if (r.conditional || (r.action !== 'SCMP_ACT_ALLOW' && r.action !== 'SCMP_ACT_LOG')) continue;
      const bad = r.names.filter((n) => BLOCKED_BY_DEFAULT.has(n));
      if (bad.length) ctx.report({ message: `allows ${bad.join(', ')} unconditionally: Docker's default profile blocks ${bad.length === 1 ? 'it' : 'them'}`, range: r.range });
    }
  },
});
