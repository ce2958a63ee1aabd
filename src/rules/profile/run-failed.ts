import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'profile/run-failed',
  target: 'profile',
  title: 'The image starts and stays healthy under the seccomp profile (verify --seccomp)',
  severity: 'error',
  level: 'nonroot',
  rationale: 'A profile is only proven by running the service under it: a system call the program needs and the profile denies makes it fail at start (EPERM from execve) or later (an unexpected ENOSYS), and the fix people reach for is `seccomp:unconfined`. `tightship verify IMAGE --seccomp FILE` runs the image under the profile on the local engine and records what happened.',
  remediation: 'Allow the calls the service needs (run it under Docker\'s default profile with `strace -f -c`, or with `SCMP_ACT_LOG` as the default action to see what is denied), then verify again.',
  references: ['https://docs.docker.com/engine/security/seccomp/', 'https://man7.org/linux/man-pages/man2/seccomp.2.html'],
  equivalents: {},
  examples: { bad: '#! run: {"image": "app:1", "started": false, "healthy": null, "error": "operation not permitted"}\n{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[]}', good: '#! run: {"image": "app:1", "started": true, "healthy": true}\n{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[]}' },
  check(model, ctx) {
    const r = model.run;
    if (!r) return;
    if (!r.started) ctx.report({ message: `${r.image} does not start under this profile${r.error ? `: ${r.error}` : ''}`, location: { path: model.path } });
    else if (r.healthy === false) ctx.report({ message: `${r.image} starts under this profile but does not become healthy`, location: { path: model.path } });
  },
});
