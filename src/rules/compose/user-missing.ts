import { defineRule } from '../../engine/types.js';
import { get } from '../../targets/compose/model.js';
import { imageSource, isRootUser, reportMissing } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/user-missing',
  target: 'compose',
  title: 'Services run as a non-root user',
  severity: 'warning',
  level: 'nonroot',
  rationale: 'Without `user:` the container runs as the image\'s user, and most images (every official base image) run as root. A process compromised as root inside the container is one kernel bug or one mount away from root on the host. A service that builds its image counts as non-root when its Dockerfile sets a non-root USER.',
  remediation: 'Set `user: "10001:10001"` (a fixed non-root UID:GID) or set a non-root USER in the Dockerfile the service builds.',
  references: ['CIS Docker Benchmark 4.1', 'https://docs.docker.com/reference/compose-file/services/#user'],
  equivalents: { cis: ['4.1'] },
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27\n    user: "101:101"\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      if (get(svc.node, 'user')) continue; // user-root judges the value
      const img = svc.imageFacts;
      if (img && img.user !== null && !isRootUser(img.user)) continue;
      const why = img
        ? img.user === null ? `and ${imageSource(img)} sets no USER` : `and ${imageSource(img)} ends with USER ${img.user}`
        : 'and the image\'s user cannot be seen from here (most images run as root; --inspect-images reads it from the local engine)';
      reportMissing(ctx, svc, 'user', `service ${svc.name} has no user: ${why}`);
    }
  },
});
