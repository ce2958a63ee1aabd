import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/user-missing',
  target: 'run',
  title: "Containers run as a non-root user",
  severity: 'warning',
  level: 'nonroot',
  rationale: "Without `--user` the container runs as the image's user, and most images run as root. A process compromised as root inside the container is one kernel bug or one mount away from root on the host.",
  remediation: "Add `--user 10001:10001` (a fixed non-root UID:GID), or build the image with a non-root USER.",
  references: ["CIS Docker Benchmark 4.1", "https://docs.docker.com/reference/cli/docker/container/run/#user"],
  equivalents: { cis: ['4.1'] },
  examples: { bad: "docker run nginx:1.27\n", good: "docker run --user 101:101 nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) if (!runPosture(cmd).user) reportAt(ctx, cmd, cmd.at, `${cmd.written} has no --user: the container runs as the image's user (most images run as root)`);
  },
});
