// The healthcheck is missing or never reached healthy.
import { defineRule } from '../../engine/types.js';
import { missingProgram } from '../health-check.js';

export default defineRule({
  id: 'container/health-not-healthy',
  target: 'container',
  title: 'The container has a healthcheck and reports healthy',
  severity: 'error',
  level: 'hardened',
  rationale: 'A healthcheck lets the engine and orchestrators see a hung service (restart it, stop routing to it). A healthcheck that never reaches healthy means the image\'s check is broken or the service is; a check whose program the image lacks (curl in a minimal image) is reported as its cause by container/healthcheck-tool-missing instead.',
  remediation: 'Add `HEALTHCHECK CMD ["node", "-e", "…"]` (a check in the image\'s own runtime, no curl needed) or a compose `healthcheck:`; then fix what its output says.',
  references: ['CIS Docker 4.6', 'CIS Docker 5.26', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
  equivalents: { cis: ['4.6', '5.26'], dockle: ['CIS-DI-0006'], trivy: ['DS-0026'], checkov: ['CKV_DOCKER_2'] },
  examples: { bad: '{"health":{"defined":true,"status":"unhealthy","waitedMs":4000}}', good: '{"health":{"defined":true,"status":"healthy","waitedMs":1200}}' },
  check(model, ctx) {
    const h = model.health;
    if (!h.defined) {
      ctx.report({ message: 'neither the image nor the container defines a healthcheck', severity: 'warning', location: { field: 'Config.Healthcheck' } });
      return;
    }
    if (h.status === 'healthy') return;
    // a check whose program the image lacks is container/healthcheck-tool-missing's finding (its cause)
    if (h.log?.some((r) => missingProgram(r) !== null)) return;
    const waited = `${(h.waitedMs / 1000).toFixed(1)} s`;
    const last = h.lastOutput ? `; last check said: ${h.lastOutput}` : '';
    ctx.report({ message: h.status === 'timeout' || h.status === 'starting' ? `health did not reach healthy within ${waited} (still starting)${last}` : `health is ${h.status} after ${waited}${last}`, location: { field: 'State.Health.Status' } });
  },
});
