import { defineRule } from '../../engine/types.js';
import { imageTagProblem } from '../posture.js';
import { reportNode } from '../../targets/compose/rule-helpers.js';

export default defineRule({
  id: 'compose/image-latest',
  target: 'compose',
  title: 'Images are pinned to a version tag',
  severity: 'warning',
  level: null,
  rationale: 'An untagged image or `:latest` changes under you: the next `docker compose pull` runs different software, with no record of what ran before and no way back.',
  remediation: 'Name a version tag of the image (`<name>:<version>`), better with its digest (`<name>:<version>@sha256:…`).',
  references: ['https://docs.docker.com/reference/compose-file/services/#image'],
  equivalents: {},
  examples: { bad: 'services:\n  api:\n    image: nginx\n', good: 'services:\n  api:\n    image: nginx:1.27\n' },
  check(model, ctx) {
    for (const svc of model.services) {
      if (!svc.image || svc.build) continue; // with build:, image names the result
      const v = svc.image.value.trim();
      const problem = imageTagProblem(v);
      if (problem === 'untagged') reportNode(ctx, svc.image.node, `${svc.yamlPath}.image`, `service ${svc.name} uses the untagged image ${v} (that is :latest)`);
      else if (problem === 'latest') reportNode(ctx, svc.image.node, `${svc.yamlPath}.image`, `service ${svc.name} uses ${v}`);
    }
  },
});
