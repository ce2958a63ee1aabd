import { defineRule } from '../../engine/types.js';
import type { ImageRef } from '../../targets/dockerfile/model.js';
import { fromImageRange } from './util/ranges.js';

/** Official images published with a smaller variant beside the full one, and what to take instead. */
const SMALLER: Record<string, string> = {
  python: '-slim (e.g. python:3.12-slim), -alpine, or distroless python3',
  node: '-slim (e.g. node:22-slim), -alpine, or distroless nodejs',
  ruby: '-slim or -alpine',
  php: '-alpine (or the -fpm-alpine / -cli-alpine variants)',
  perl: '-slim',
  golang: 'a build stage, with the binary copied into scratch or distroless static',
  rust: 'a build stage, with the binary copied into debian:*-slim, distroless cc or scratch',
  openjdk: 'eclipse-temurin:*-jre-alpine or distroless java',
  debian: '-slim (e.g. debian:12-slim)',
  ubuntu: 'distroless, or a -slim Debian image when the packages allow it',
  fedora: 'fedora-minimal or ubi-minimal',
  centos: 'ubi-minimal',
};

/** A tag that already names a small variant. */
const SMALL_TAG = /(^|[-.])(slim|alpine|minimal|distroless|chiseled|musl|busybox|micro|tiny|static|nano)([-.\d]|$)/;

function officialName(ref: ImageRef): string | null {
  if (ref.registry !== null && ref.registry !== 'docker.io' && ref.registry !== 'index.docker.io') return null;
  const repo = ref.repository.replace(/^library\//, '');
  return repo.includes('/') ? null : repo;
}

export default defineRule({
  id: 'dockerfile/base-image-full',
  target: 'dockerfile',
  title: 'The final image starts from a full distribution image where a smaller variant exists',
  severity: 'info',
  level: null,
  rationale:
    'Course practice "choose a minimal base image": every package of the base is something to patch, scan and ' +
    'defend — compilers, package managers, shells and libraries the service never calls. The course starts all ' +
    'three of its images from python:*-slim and points to distroless and scratch for the smallest ones. Full ' +
    'tags of the official images (python:3.12, node:22, debian:12, ubuntu:24.04, and no tag at all) carry a ' +
    'complete distribution; the same publishers offer -slim, -alpine or distroless variants, usually a fraction ' +
    'of the size with a fraction of the packages. Only the final stage counts: a full image in a build stage ' +
    'stays out of what ships. A recommendation, since some native dependencies need the full image.',
  remediation:
    'Build in a full image if you must, and start the final stage from the small variant: `FROM python:3.12-slim`, ' +
    '`FROM node:22-alpine`, `FROM gcr.io/distroless/static-debian12`, or `FROM scratch` for a static binary.',
  references: [
    'https://docs.docker.com/build/building/best-practices/#choose-the-right-base-image',
    'https://github.com/GoogleContainerTools/distroless',
  ],
  equivalents: {},
  examples: {
    bad: 'FROM python:3.12\nCOPY app.py /app/app.py\nCMD ["python", "/app/app.py"]\n',
    good: 'FROM python:3.12-slim\nCOPY app.py /app/app.py\nCMD ["python", "/app/app.py"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    const root = final?.chain[0];
    if (!root?.ref || root.unresolved || root.windows) return;
    const name = officialName(root.ref);
    if (name === null || !Object.prototype.hasOwnProperty.call(SMALLER, name)) return;
    const tag = (root.ref.tag ?? 'latest').toLowerCase();
    if (SMALL_TAG.test(tag)) return;
    if (name === 'php' && tag.includes('apache')) return; // the Apache variants have no smaller sibling
    ctx.report({
      message: `The final image is built on the full ${root.ref.name} image; a smaller variant ships far fewer packages: ${SMALLER[name] ?? ''}.`,
      range: fromImageRange(model, root),
    });
  },
});
