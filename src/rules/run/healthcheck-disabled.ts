import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/healthcheck-disabled',
  target: 'run',
  title: "Healthchecks are not disabled",
  severity: 'warning',
  level: 'hardened',
  rationale: "`--no-healthcheck` (or `--health-cmd NONE`) switches off the image's own healthcheck: Docker can no longer tell a hung container from a working one.",
  remediation: "Remove `--no-healthcheck`; if the image's check is wrong, give a better one with `--health-cmd`.",
  references: ["CIS Docker Benchmark 5.27", "https://docs.docker.com/reference/cli/docker/container/run/#no-healthcheck"],
  equivalents: { cis: ['5.27'] },
  examples: { bad: "docker run -d --no-healthcheck nginx:1.27\n", good: "docker run -d nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const h = runPosture(cmd).healthcheck; if (h?.disabled) reportAt(ctx, cmd, h.at, 'the container\'s healthcheck is disabled'); }
  },
});
