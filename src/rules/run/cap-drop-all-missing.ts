import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { dropsAll } from '../posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/cap-drop-all-missing',
  target: 'run',
  title: "Containers drop all capabilities",
  severity: 'warning',
  level: 'hardened',
  rationale: "Docker gives every container 14 capabilities by default (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, \u2026). Few programs need any of them; `--cap-drop ALL` and a `--cap-add` of only what is needed is the least privilege.",
  remediation: "Add `--cap-drop ALL` and add back only what the container needs (`--cap-add NET_BIND_SERVICE`).",
  references: ["CIS Docker Benchmark 5.3", "https://docs.docker.com/reference/cli/docker/container/run/#cap-add"],
  equivalents: { cis: ['5.3'] },
  examples: { bad: "docker run nginx:1.27\n", good: "docker run --cap-drop=ALL nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const p = runPosture(cmd); if (dropsAll(p.capDrop)) continue; if (p.capDrop.length) reportAt(ctx, cmd, p.capDrop[0].at, 'the container drops some capabilities but not ALL'); else reportAt(ctx, cmd, cmd.at, `${cmd.written} keeps Docker's default capabilities (no --cap-drop ALL)`); }
  },
});
