import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/logging-limits-missing',
  target: 'run',
  title: "Container logs are rotated",
  severity: 'warning',
  level: 'hardened',
  rationale: "The default json-file log driver keeps every line the container prints, without a limit, until the disk is full. `--log-opt max-size=10m --log-opt max-file=3` rotates it (the `local` driver rotates by default).",
  remediation: "Add `--log-opt max-size=10m --log-opt max-file=3`, or `--log-driver local`.",
  references: ["https://docs.docker.com/engine/logging/drivers/json-file/"],
  equivalents: {},
  examples: { bad: "docker run -d nginx:1.27\n", good: "docker run -d --log-opt max-size=10m --log-opt max-file=3 nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const p = runPosture(cmd); if (p.oneOff) continue; const l = p.logging; if (!l) { reportAt(ctx, cmd, cmd.at, `${cmd.written} does not limit its log size (no --log-opt max-size)`); continue; } const driver = l.driver?.trim() || 'json-file'; if ((driver === 'json-file') && !l.maxSize) reportAt(ctx, cmd, l.at, `the container logs with ${driver} without --log-opt max-size`); }
  },
});
