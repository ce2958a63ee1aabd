import { defineRule } from '../../engine/types.js';
import { chainInstructions, chainRoot } from './util/stages.js';
import { fromImageRange } from './util/ranges.js';

export default defineRule({
  id: 'dockerfile/healthcheck-missing',
  target: 'dockerfile',
  title: 'The image has no HEALTHCHECK',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Without a HEALTHCHECK the engine only knows whether the process exists, not whether it works: a hung ' +
    'server, a dead event loop or a lost database connection keeps the container "running" forever. With one, ' +
    '`docker ps` and `docker inspect` show healthy/unhealthy, Compose can wait for `service_healthy`, Swarm ' +
    'replaces unhealthy tasks, and monitoring has a signal. The rule looks at the final stage (and the stages it ' +
    'is built FROM); a final stage built FROM scratch that declares no CMD, ENTRYPOINT or EXPOSE is treated as an ' +
    'artifact export, not a service, and is skipped. A HEALTHCHECK inherited from the base image cannot be seen ' +
    'here; declare it in your Dockerfile to be explicit.',
  remediation:
    'Add a HEALTHCHECK that exercises the service with a tool the image already has (no curl needed), e.g. ' +
    '`HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["node", "-e", ' +
    '"fetch(\'http://127.0.0.1:8000/health\').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]`. ' +
    'Orchestrators with their own probes (Kubernetes) ignore it; it still documents how to check the service.',
  references: [
    'CIS Docker Benchmark 4.6 (Ensure that HEALTHCHECK instructions have been added to container images)',
    'https://docs.docker.com/reference/dockerfile/#healthcheck',
  ],
  equivalents: {
    hadolint: ['DL3057'],
    trivy: ['DS-0026'],
    checkov: ['CKV_DOCKER_2'],
    kics: ['Healthcheck Instruction Missing'],
    dockle: ['CIS-DI-0006'],
    cis: ['4.6'],
  },
  examples: {
    bad: 'FROM node:22-bookworm-slim\nCOPY server.js /app/\nUSER 10001\nEXPOSE 8000\nCMD ["node", "/app/server.js"]\n',
    good:
      'FROM node:22-bookworm-slim\nCOPY server.js /app/\nUSER 10001\nEXPOSE 8000\n' +
      'HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch(\'http://127.0.0.1:8000/health\').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\n' +
      'CMD ["node", "/app/server.js"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    if (!final || final.healthcheck) return;
    const instrs = chainInstructions(model, final.stage);
    const declaresService = instrs.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'EXPOSE');
    if (!declaresService && chainRoot(model, final.stage).isScratch) return;
    ctx.report({
      message: 'The final stage has no HEALTHCHECK, so the engine cannot tell a hung service from a working one; add one.',
      range: fromImageRange(model, final.stage),
    });
  },
});
