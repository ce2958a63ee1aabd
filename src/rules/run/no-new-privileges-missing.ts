import { defineRule } from '../../engine/types.js';
import { runPosture } from '../../targets/run/posture.js';
import { noNewPrivileges } from '../posture.js';
import { reportAt } from './util.js';

export default defineRule({
  id: 'run/no-new-privileges-missing',
  target: 'run',
  title: "Containers set no-new-privileges",
  severity: 'warning',
  level: 'hardened',
  rationale: "Without no-new-privileges a process can gain privileges through setuid binaries (su, sudo, ping on some images) or file capabilities. The kernel flag stops every such escalation.",
  remediation: "Add `--security-opt no-new-privileges:true`.",
  references: ["CIS Docker Benchmark 5.26", "https://docs.docker.com/reference/cli/docker/container/run/#security-opt"],
  equivalents: { cis: ['5.26'] },
  examples: { bad: "docker run nginx:1.27\n", good: "docker run --security-opt=no-new-privileges:true nginx:1.27\n" },
  check(model, ctx) {
    for (const cmd of model.commands) { const n = noNewPrivileges(runPosture(cmd).securityOpt); if (n.state === 'off') reportAt(ctx, cmd, n.last.at, 'the container turns no-new-privileges off'); else if (n.state === 'absent') reportAt(ctx, cmd, cmd.at, `${cmd.written} does not set --security-opt no-new-privileges:true`); }
  },
});
