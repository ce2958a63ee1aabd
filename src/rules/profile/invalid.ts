import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'profile/invalid',
  target: 'profile',
  title: 'A seccomp profile is valid JSON in Docker\'s format; an AppArmor profile parses',
  severity: 'error',
  level: 'nonroot',
  breaksBuild: true,
  rationale: 'Docker refuses to create a container whose seccomp profile is not valid JSON of its profile format (`defaultAction`, `syscalls` rules with `names` and `action`), and the kernel refuses an AppArmor profile apparmor_parser rejects: the service does not start, or it is started without the option while someone "fixes" it.',
  remediation: 'Fix the syntax at the line given. For seccomp, start from Docker\'s default profile and remove what you do not need; for AppArmor, run `apparmor_parser -Q -K FILE` until it is silent.',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'https://docs.docker.com/engine/security/apparmor/', 'https://manpages.debian.org/apparmor_parser'],
  equivalents: {},
  examples: { bad: '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [ }', good: '{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64"],"syscalls":[{"names":["execve","brk","mmap","mprotect","munmap","arch_prctl","exit","exit_group","rt_sigreturn","rt_sigaction","rt_sigprocmask","read","write","close","fstat","openat","futex"],"action":"SCMP_ACT_ALLOW"}]}' },
  check(model, ctx) {
    if (model.text === null) return;
    for (const p of model.jsonProblems) ctx.report({ message: `${model.kind} profile: ${p.message}`, range: p.range });
    for (const p of model.seccomp?.formatProblems ?? []) ctx.report({ message: `seccomp profile: ${p.message}`, range: p.range });
    for (const e of model.apparmor?.errors ?? []) {
      ctx.report({ message: `apparmor_parser: ${e.message}`, location: { startLine: e.line, startColumn: 1, endLine: e.line, endColumn: 1 } });
    }
  },
});
