import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { noLimit } from '../posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/pids-limit-missing',
  target: 'run',
  title: "Containers have a pids limit",
  severity: 'warning',
  level: 'hardened',
  rationale: "Without a pids limit a busy, leaking or hijacked container starves every other container and the host itself.",
  remediation: "Add `--pids-limit=100`.",
  references: ["CIS Docker Benchmark 5.28", "https://docs.docker.com/reference/cli/docker/container/run/"],
  equivalents: { cis: ['5.28'] },
  examples: { bad: "docker run nginx:1.27\n", good: "docker run --pids-limit=100 nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const v = runPosture(cmd).pids; if (!v) reportAt(ctx, cmd, cmd.at, `${cmd.written} has no pids limit (--pids-limit)`); else if (!v.unresolved && noLimit(v.value)) reportAt(ctx, cmd, v.at, `the container sets no effective pids limit (${v.value.trim() || 'empty'})`); }
  },
});
