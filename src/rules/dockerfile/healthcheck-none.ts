import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'dockerfile/healthcheck-none',
  target: 'dockerfile',
  title: 'HEALTHCHECK NONE disables the health check',
  severity: 'warning',
  level: 'hardened',
  rationale:
    '`HEALTHCHECK NONE` switches off any health check, including the one the base image defines. The ' +
    'container then reports no health status: Compose cannot wait for it, Swarm cannot replace it when it hangs, ' +
    'and monitoring loses the signal. Only the HEALTHCHECK in force in the final stage is judged.',
  remediation: 'Replace it with a HEALTHCHECK that checks the service (see dockerfile/healthcheck-missing), or remove it to keep the base image\'s check.',
  references: [
    'CIS Docker Benchmark 4.6 (Ensure that HEALTHCHECK instructions have been added to container images)',
    'https://docs.docker.com/reference/dockerfile/#healthcheck',
  ],
  equivalents: { cis: ['4.6'] },
  examples: {
    bad: 'FROM nginx:1.27\nHEALTHCHECK NONE\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-fsS", "http://127.0.0.1/"]\n',
  },
  check(model, ctx) {
    const hc = model.final?.healthcheck;
    if (!hc || hc.args.trim().toUpperCase() !== 'NONE') return;
    ctx.report({
      message: 'HEALTHCHECK NONE disables health checking for the image; declare a real check instead.',
      range: hc.argsRange,
    });
  },
});
