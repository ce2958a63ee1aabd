import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/restart-missing',
  target: 'run',
  title: "Long-running containers have a restart policy",
  severity: 'warning',
  level: 'hardened',
  rationale: "Without `--restart` a container that crashes, or every container after a host reboot, stays down until someone notices. A one-off `--rm` run is not asked for one (Docker refuses both together).",
  remediation: "Add `--restart on-failure:5` (or `unless-stopped`).",
  references: ["CIS Docker Benchmark 5.15", "https://docs.docker.com/reference/cli/docker/container/run/#restart"],
  equivalents: {},
  examples: { bad: "docker run -d nginx:1.27\n", good: "docker run -d --restart on-failure:5 nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const p = runPosture(cmd); if (p.restart || p.oneOff) continue; reportAt(ctx, cmd, cmd.at, `${cmd.written} has no --restart policy`); }
  },
});
