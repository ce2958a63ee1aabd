import { defineRule } from '../../engine/types.js';
import { imageInputs } from './util/images.js';

export default defineRule({
  id: 'dockerfile/base-image-latest',
  target: 'dockerfile',
  title: 'Base image uses the latest tag or no tag',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'An image without a tag means `:latest`, and `:latest` moves: the same Dockerfile builds a different base ' +
    'tomorrow, with different packages, users and vulnerabilities, and a rebuild can silently change what runs in ' +
    'production. Images named by `COPY --from=` and `RUN --mount=from=` count as well. Build arguments are ' +
    'resolved first (`FROM ${BASE}` with `ARG BASE=node` is untagged); stage names, ' +
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
    for (const img of imageInputs(model)) {
      const ref = img.ref;
      if (ref.digest) continue;
      const what = img.via === 'FROM' ? 'Base image' : `Image ${img.via === 'RUN --mount' ? 'mounted by RUN --mount' : `copied from by ${img.via}`}`;
      const via = img.written !== img.resolved ? ` (${img.written} resolves to ${img.resolved})` : '';
      if (ref.tag === null) {
        ctx.report({ message: `${what} ${img.resolved} has no tag, so it means :latest${via}; name a version tag.`, range: img.range });
      } else if (ref.tag.toLowerCase() === 'latest') {
        ctx.report({ message: `${what} ${img.resolved} uses the moving :latest tag${via}; name a version tag.`, range: img.range });
      }
    }
  },
});
