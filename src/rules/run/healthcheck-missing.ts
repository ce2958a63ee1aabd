import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/healthcheck-missing',
  target: 'run',
  title: "Long-running containers have a healthcheck",
  severity: 'warning',
  level: 'hardened',
  rationale: "Without a healthcheck Docker only knows whether the process exists, not whether it serves: a hung server stays \"up\" and is never restarted. A one-off `--rm` run is not asked for one. The image's own HEALTHCHECK, if any, cannot be seen from a command line.",
  remediation: "Add `--health-cmd` (with `--health-interval`, `--health-retries`), or give the image a HEALTHCHECK.",
  references: ["CIS Docker Benchmark 5.27", "https://docs.docker.com/reference/cli/docker/container/run/#health-cmd"],
  equivalents: { cis: ['5.27'] },
  examples: { bad: "docker run -d nginx:1.27\n", good: "docker run -d --health-cmd 'curl -f http://localhost/ || exit 1' nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const p = runPosture(cmd); if (p.healthcheck || p.oneOff) continue; reportAt(ctx, cmd, cmd.at, `${cmd.written} has no --health-cmd (the image's own HEALTHCHECK, if any, cannot be seen from here)`); }
  },
});
