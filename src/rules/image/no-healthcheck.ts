import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'image/no-healthcheck',
  target: 'image',
  title: 'The image declares a HEALTHCHECK',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without a health check the engine and orchestrators only know whether the process exists, not whether it serves: a hung service stays "up" and is never restarted or taken out of rotation.',
  remediation: 'Add `HEALTHCHECK CMD …` to the Dockerfile (a node or wget one-liner against /health; no curl needed), and never `HEALTHCHECK NONE` in a service image.',
  references: ['CIS Docker Benchmark 4.6', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
  equivalents: { dockle: ['CIS-DI-0006'], trivy: ['DS026'], cis: ['4.6'] },
  examples: { bad: 'user: 10001', good: 'user: 10001\nhealthcheck: CMD node /app/health.js' },
  check(model, ctx) {
    const hc = model.config.healthcheck;
    if (hc === null) ctx.report({ message: 'the image has no HEALTHCHECK', location: { field: 'config.Healthcheck' } });
    else if (hc[0] === 'NONE') ctx.report({ message: 'HEALTHCHECK NONE disables the health check inherited from the base image', location: { field: 'config.Healthcheck' } });
  },
});
