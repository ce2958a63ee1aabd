import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { noLimit } from '../posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/cpu-limit-missing',
  target: 'run',
  title: "Containers have a CPU limit",
  severity: 'warning',
  level: 'hardened',
  rationale: "Without a CPU limit a busy, leaking or hijacked container starves every other container and the host itself.",
  remediation: "Add `--cpus=1.0`.",
  references: ["CIS Docker Benchmark 5.11", "https://docs.docker.com/reference/cli/docker/container/run/"],
  equivalents: { cis: ['5.11'] },
  examples: { bad: "docker run nginx:1.27\n", good: "docker run --cpus=1.0 nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const v = runPosture(cmd).cpus; if (!v) reportAt(ctx, cmd, cmd.at, `${cmd.written} has no CPU limit (--cpus)`); else if (!v.unresolved && noLimit(v.value)) reportAt(ctx, cmd, v.at, `the container sets no effective CPU limit (${v.value.trim() || 'empty'})`); }
  },
});
