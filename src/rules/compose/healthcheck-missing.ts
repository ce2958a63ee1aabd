import { defineRule } from '../../engine/types.js';
import { imageSource, reportMissing } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/healthcheck-missing',
  target: 'compose',
  title: 'Services have a healthcheck',
  severity: 'warning',
  level: 'hardened',
  rationale: 'Without a healthcheck Docker only knows whether the process runs, not whether it serves: a hung service stays "up", `depends_on: condition: service_healthy` cannot work and restarts never happen. A HEALTHCHECK in the Dockerfile the service builds counts too.',
  remediation: 'Add `healthcheck: {test: ["CMD", "/app/healthcheck"], interval: 30s, timeout: 3s, retries: 3}` (exec form, with a binary the image has), or a HEALTHCHECK in the Dockerfile.',
  references: ['CIS Docker Benchmark 5.26', 'https://docs.docker.com/reference/compose-file/services/#healthcheck'],
  equivalents: { kics: ['Healthcheck Not Set'], cis: ['5.26'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      if (svc.healthcheck) continue; // healthcheck-disabled judges disable/NONE
      const img = svc.imageFacts;
      if (img?.healthcheck) continue;
      const why = img
        ? img.healthcheckNone ? `and ${imageSource(img)} says HEALTHCHECK NONE` : `and ${imageSource(img)} has no HEALTHCHECK`
        : 'and the image\'s own HEALTHCHECK (if any) cannot be seen from here';
      reportMissing(ctx, svc, 'healthcheck', `service ${svc.name} has no healthcheck ${why}`);
    }
  },
});
