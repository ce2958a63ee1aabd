import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { isRootUser, POSTURE_LEVEL } from '../posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/user-root',
  target: 'run',
  title: "Containers do not run as root by choice",
  severity: 'error',
  level: POSTURE_LEVEL.rootUser,
  rationale: "`--user root`, `--user 0` or `--user 0:0` overrides a non-root USER of the image and runs the container as UID 0 again.",
  remediation: "Use a non-root UID:GID such as `--user 10001:10001`.",
  references: ["CIS Docker Benchmark 4.1", "https://docs.docker.com/reference/cli/docker/container/run/#user"],
  equivalents: { cis: ['4.1'] },
  examples: { bad: "docker run --user root nginx:1.27\n", good: "docker run --user 101:101 nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const u = runPosture(cmd).user; if (u && !u.unresolved && isRootUser(u.value)) reportAt(ctx, cmd, u.at, u.value.trim() === '' ? 'the container is given an empty user: it runs as root' : `the container runs as root (--user ${u.value})`); }
  },
});
