import { defineRule } from '../../engine/types.js';
import { fromImageRange } from './util/a-common.js';

export default defineRule({
  id: 'dockerfile/base-image-latest',
  target: 'dockerfile',
  title: 'Base image uses the latest tag or no tag',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'An image without a tag means `:latest`, and `:latest` moves: the same Dockerfile builds a different base ' +
    'tomorrow, with different packages, users and vulnerabilities, and a rebuild can silently change what runs in ' +
    'production. Build arguments are resolved first (`FROM ${BASE}` with `ARG BASE=node` is untagged); stage names, ' +
    '`scratch` and references that stay unresolved are not judged. A digest (`@sha256:…`) pins the image even with ' +
    'a latest tag.',
  remediation:
    'Name a specific version tag, ideally the exact one you tested (`node:22.11-bookworm-slim`), and pin it by ' +
    'digest as well for reproducible builds (`node:22.11-bookworm-slim@sha256:…`).',
  references: [
    'CIS Docker Benchmark 4.2 (Ensure that containers use only trusted base images)',
    'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
  ],
  equivalents: {
    hadolint: ['DL3006', 'DL3007'],
    trivy: ['DS-0001'],
    checkov: ['CKV_DOCKER_7'],
    kics: ["Image Version Using 'latest'", 'Image Version Not Explicit'],
    dockle: ['DKL-DI-0006'],
    cis: ['4.2'],
  },
  examples: {
    bad: 'FROM python:latest\nCOPY app.py /app/\nUSER 10001\nCMD ["python", "/app/app.py"]\n',
    good: 'FROM python:3.12-slim\nCOPY app.py /app/\nUSER 10001\nCMD ["python", "/app/app.py"]\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      if (stage.baseStage !== null || stage.isScratch || stage.unresolved || !stage.ref) continue;
      const ref = stage.ref;
      if (ref.digest) continue;
      const via = stage.image !== stage.resolvedImage ? ` (${stage.image} resolves to ${stage.resolvedImage})` : '';
      if (ref.tag === null) {
        ctx.report({
          message: `Base image ${stage.resolvedImage} has no tag, so it means :latest${via}; name a version tag.`,
          range: fromImageRange(model, stage),
        });
      } else if (ref.tag.toLowerCase() === 'latest') {
        ctx.report({
          message: `Base image ${stage.resolvedImage} uses the moving :latest tag${via}; name a version tag.`,
          range: fromImageRange(model, stage),
        });
      }
    }
  },
});
