import { defineRule } from '../../engine/types.js';
import { chainInstructions, chainRoot } from './util/stages.js';
import { fromImageRange } from './util/ranges.js';
import { suggestHealthcheck } from './util/health-command.js';
import type { Edit } from '../../engine/types.js';
import type { DockerfileModel, Stage } from '../../targets/dockerfile/model.js';

/** Where a HEALTHCHECK goes: before the final stage's CMD or ENTRYPOINT, else after its last line. */
function insertion(model: DockerfileModel, stage: Stage, line: string): Edit {
  const own = [stage.from, ...stage.instructions];
  const run = own.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (run) {
    const at = model.lineStarts[run.range.start.line - 1] ?? run.range.start.offset;
    return { start: at, end: at, text: `${line}\n` };
  }
  const last = own[own.length - 1] ?? stage.from;
  const at = last.range.end.offset;
  const newline = model.text[at] === '\n' ? '' : '\n';
  return { start: at, end: at, text: `\n${line}${newline}` };
}

export default defineRule({
  id: 'dockerfile/healthcheck-missing',
  target: 'dockerfile',
  title: 'The image has no HEALTHCHECK',
  fixable: 'suggestion',
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
    'Add a HEALTHCHECK that exercises the service with a tool the image already has; the finding suggests one ' +
    'that fits the image. Python: `CMD ["python", "-c", "import sys, urllib.request; ' +
    'sys.exit(0 if urllib.request.urlopen(\'http://127.0.0.1:8000/\', timeout=2).status < 400 else 1)"]`; ' +
    'Node: `CMD ["node", "-e", "fetch(\'http://127.0.0.1:8000/\').then(r => { process.exitCode = r.ok ? 0 : 1; }, () => ' +
    '{ process.exitCode = 1; })"]`; with curl: `CMD curl -fsS http://127.0.0.1:8000/ || exit 1`; busybox or alpine: ' +
    '`CMD wget -q --spider http://127.0.0.1:8000/ || exit 1`; a Go binary on scratch or distroless (no shell, no ' +
    'client): a health subcommand of the program, `CMD ["/app", "healthcheck"]`. ' +
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
      'HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch(\'http://127.0.0.1:8000/health\').then(r => { process.exitCode = r.ok ? 0 : 1; }, () => { process.exitCode = 1; })"]\n' +
      'CMD ["node", "/app/server.js"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    if (!final || final.healthcheck) return;
    const instrs = chainInstructions(model, final.stage);
    const declaresService = instrs.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'EXPOSE');
    if (!declaresService && chainRoot(model, final.stage).isScratch) return;
    const hint = suggestHealthcheck(model, final.stage);
    ctx.report({
      message: `The final stage has no HEALTHCHECK, so the engine cannot tell a hung service from a working one; add one (a check with ${hint.basis}).`,
      range: fromImageRange(model, final.stage),
      fix: { description: `add \`${hint.line}\``, safe: false, edits: [insertion(model, final.stage, hint.line)] },
    });
  },
});
