import { defineRule } from '../../engine/types.js';
import { imageInputs } from './util/images.js';

export default defineRule({
  id: 'dockerfile/base-image-not-pinned',
  target: 'dockerfile',
  title: 'Base image is not pinned by digest',
  severity: 'info',
  level: null,
  rationale:
    'A tag, even a precise one, can be re-pushed: the publisher (or anyone who controls the registry or the path ' +
    'to it) can change the image behind `node:22.11-bookworm-slim` without the Dockerfile changing. A digest ' +
    '(`@sha256:…`) names exactly one image, so builds are reproducible and a swapped base image fails the pull ' +
    'instead of being built in. Keep the tag next to the digest for readability and let a bot (Renovate, ' +
    'Dependabot) bump both. Images named by `COPY --from=` and `RUN --mount=from=` count as well. Build ' +
    'arguments are resolved first, so a digest given through `ARG BASE=…@sha256:…` counts.',
  remediation:
    'Append the digest of the image you tested: `FROM node:22.11-bookworm-slim@sha256:<digest>` ' +
    '(`docker buildx imagetools inspect node:22.11-bookworm-slim` prints it).',
  references: [
    'CIS Docker Benchmark 4.2 (Ensure that containers use only trusted base images)',
    'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
    'https://docs.docker.com/reference/dockerfile/#from',
  ],
  equivalents: { cis: ['4.2'] },
  examples: {
    bad: 'FROM alpine:3.20\nUSER 10001\nCMD ["sleep", "infinity"]\n',
    good:
      'FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n' +
      'USER 10001\nCMD ["sleep", "infinity"]\n',
  },
  check(model, ctx) {
    for (const img of imageInputs(model)) {
      if (img.ref.digest) continue;
      const what = img.via === 'FROM' ? 'Base image' : `Image named by ${img.via}`;
      ctx.report({
        message: `${what} ${img.resolved} is not pinned by digest; append @sha256:<digest> of the image you tested.`,
        range: img.range,
      });
    }
  },
});
