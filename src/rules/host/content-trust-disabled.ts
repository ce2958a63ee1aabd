import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'host/content-trust-disabled',
  target: 'host',
  title: 'Only signed images are pulled and run (DOCKER_CONTENT_TRUST=1)',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without content trust the client pulls and runs whatever a tag points at today: a registry compromise or a typo-squatted image runs unnoticed. `DOCKER_CONTENT_TRUST=1` makes `docker pull`, `run` and `build` refuse unsigned tags.',
  remediation: 'Export `DOCKER_CONTENT_TRUST=1` for the shells and CI jobs that use this engine (or verify signatures with cosign and pin images by digest).',
  references: ['https://docs.docker.com/engine/security/trust/', 'CIS Docker Benchmark 4.5'],
  equivalents: { cis: ['4.5'], dockerBench: ['check_4_5'] },
  examples: { bad: '{"env": {"contentTrust": null}}', good: '{"env": {"contentTrust": "1"}}' },
  check(model, ctx) {
    const v = model.env.contentTrust?.trim();
    if (v === '1' || v?.toLowerCase() === 'true') return;
    ctx.report({ message: v ? `DOCKER_CONTENT_TRUST is "${v}": unsigned images are pulled and run` : 'DOCKER_CONTENT_TRUST is not set: unsigned images are pulled and run', location: { path: 'env', field: 'DOCKER_CONTENT_TRUST' } });
  },
});
