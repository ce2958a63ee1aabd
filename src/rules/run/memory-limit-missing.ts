import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { unlimitedMemory } from '../posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/memory-limit-missing',
  target: 'run',
  title: "Containers have a memory limit",
  severity: 'warning',
  level: 'hardened',
  rationale: "Without a memory limit a busy, leaking or hijacked container starves every other container and the host itself.",
  remediation: "Add `--memory=512m --memory-swap=512m`.",
  references: ["CIS Docker Benchmark 5.10", "https://docs.docker.com/reference/cli/docker/container/run/"],
  equivalents: { cis: ['5.10'] },
  examples: { bad: "docker run nginx:1.27\n", good: "docker run --memory=512m --memory-swap=512m nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const v = runPosture(cmd).memory; if (!v) reportAt(ctx, cmd, cmd.at, `${cmd.written} has no memory limit (--memory)`); else if (!v.unresolved && unlimitedMemory(v.value)) reportAt(ctx, cmd, v.at, `the container sets no effective memory limit (${v.value.trim() || 'empty'})`); }
  },
});
