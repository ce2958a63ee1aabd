import { defineRule } from '../../engine/types.js';
import { parseImageRef } from '../../targets/dockerfile/image-ref.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/image-not-pinned',
  target: 'compose',
  title: 'Images are pinned by digest',
  severity: 'info',
  level: null,
  rationale: 'A tag can be moved to another image (by the publisher or by whoever takes over the registry account); a digest cannot. Pinning by digest makes every `up` run exactly the reviewed image.',
  remediation: 'Append the digest to the image\'s own reference: `image: <name>:<tag>@sha256:<digest>` (`docker buildx imagetools inspect <name>:<tag>` shows it); let a bot such as Renovate update it.',
  references: ['https://docs.docker.com/reference/compose-file/services/#image'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx:1.27\n', good: 'services:\n  api:\n    image: nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      if (!svc.image || svc.build) continue;
      const ref = parseImageRef(svc.image.value.trim());
      if (ref && !ref.digest && ref.tag !== null && ref.tag !== 'latest') {
        reportNode(ctx, svc.image.node, `${svc.yamlPath}.image`, `service ${svc.name} image ${svc.image.value.trim()} is not pinned by digest`);
      }
    }
  },
});
