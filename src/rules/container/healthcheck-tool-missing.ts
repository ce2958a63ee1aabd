// The health check calls a program the image does not have: it can never pass.
import { defineRule } from '../../engine/types.js';
import { missingProgram } from '../health-check.js';

export default defineRule({
  id: 'container/healthcheck-tool-missing',
  target: 'container',
  title: 'The health check runs a program the image has',
  severity: 'error',
  level: 'hardened',
  rationale:
    'Course practice "health checks that can fail — and can pass": a HEALTHCHECK that calls curl (or wget, or ' +
    'runs through /bin/sh) in an image without it fails every time, so the container is never healthy and an ' +
    'orchestrator restarts or never routes to a service that works. Minimal images are where this happens: ' +
    'python:*-slim has no curl, distroless has no shell at all. `dockerfile/healthcheck-tool-missing` warns from ' +
    'the Dockerfile; this rule is the proof on the running container: the runs the engine logged ' +
    '(State.Health.Log) say the program was not found — `exec: "curl": executable file not found in $PATH` ' +
    '(exit -1, the engine could not start it), `exec: "/bin/sh": … no such file or directory` (a shell-form ' +
    'check in an image with no shell), or exit 127 with `curl: not found` from the shell. verify stops waiting ' +
    'at the first such run: no retry can change it.',
  remediation:
    'Check with what the image has: its runtime (`HEALTHCHECK CMD ["node", "-e", "fetch(\'http://127.0.0.1:8000/health\')' +
    '.then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]`, `python -c "…urllib…"`), the exec form when ' +
    'there is no shell, or a small static probe binary copied in; or install the tool in the final stage.',
  references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'CIS Docker 4.6'],
  equivalents: { cis: ['4.6'] },
  examples: {
    bad: '{"health":{"defined":true,"status":"starting","waitedMs":1400,"log":[{"exitCode":-1,"output":"OCI runtime exec failed: exec failed: unable to start container process: exec: \\"curl\\": executable file not found in $PATH: unknown"}]}}',
    good: '{"health":{"defined":true,"status":"healthy","waitedMs":1200,"log":[{"exitCode":0,"output":""}]}}',
  },
  check(model, ctx) {
    const h = model.health;
    if (!h.defined || !h.log) return;
    for (const run of h.log) {
      const program = missingProgram(run);
      if (program === null) continue;
      const failed = h.log.filter((r) => missingProgram(r) !== null).length;
      ctx.report({
        message: `the health check cannot pass: the image has no ${program} (${failed} of ${h.log.length} logged run${h.log.length === 1 ? '' : 's'} failed so, health ${h.status ?? 'unknown'}; exit ${run.exitCode}: ${run.output})`,
        location: { field: 'State.Health.Log' },
      });
      return;
    }
  },
});
