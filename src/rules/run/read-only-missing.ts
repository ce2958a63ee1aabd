import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/read-only-missing',
  target: 'run',
  title: "Containers have a read-only root filesystem",
  severity: 'warning',
  level: 'hardened',
  rationale: "A writable root filesystem lets an attacker who got in change the application's own files, drop tools and persist. `--read-only` with a `--tmpfs /tmp` for scratch space removes that.",
  remediation: "Add `--read-only --tmpfs /tmp` (and a volume for data the container must keep).",
  references: ["CIS Docker Benchmark 5.12", "https://docs.docker.com/reference/cli/docker/container/run/#read-only"],
  equivalents: { cis: ['5.12'] },
  examples: { bad: "docker run nginx:1.27\n", good: "docker run --read-only --tmpfs /tmp nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const r = runPosture(cmd).readOnly; if (!r) reportAt(ctx, cmd, cmd.at, `${cmd.written} has no --read-only: the container's root filesystem is writable`); else if (r.value !== 'true') reportAt(ctx, cmd, r.at, 'the container\'s root filesystem is writable (--read-only=false)'); }
  },
});
