import { defineRule } from '../../engine/types.js';
import type { BaseImages, ImageRef, Stage } from '../../targets/dockerfile/model.js';
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

/** Bytes as `docker images` shows them: decimal units, three significant digits (74.1 MB, 185 MB, 1.02 GB). */
function size(bytes: number): string {
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'GB'] : bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [bytes / 1e3, 'kB'];
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/** With --inspect-images: the sizes of the full image and of its smaller variant, when the local engine
 *  has both (`<tag>-slim` first, then `<tag>-alpine`, then the smallest other small variant of the tag). */
function sizeDifference(engine: BaseImages | undefined, root: Stage, ref: ImageRef, tag: string): string {
  const full = engine?.images[root.resolvedImage];
  if (!full || 'unknown' in full || full.size <= 0) return '';
  const prefix = tag === 'latest' ? '' : `${tag}-`;
  const small = full.variants.filter((v) => v.size > 0 && v.tag.toLowerCase().startsWith(prefix) && SMALL_TAG.test(v.tag.toLowerCase()));
  const rank = (t: string) => (t === `${prefix}slim` ? 0 : t === `${prefix}alpine` ? 1 : 2);
  small.sort((a, b) => rank(a.tag) - rank(b.tag) || a.size - b.size);
  const variant = small.at(0);
  if (!variant) return '';
  const repo = ref.registry !== null ? `${ref.registry}/${ref.repository}` : ref.repository;
  const sizes = ` The local engine has ${root.resolvedImage} at ${size(full.size)} and ${repo}:${variant.tag} at ${size(variant.size)}`;
  const saved = full.size - variant.size;
  return saved > 0 ? `${sizes}: ${size(saved)} (${Math.round((saved / full.size) * 100)}%) smaller.` : `${sizes}: the variant is not smaller here.`;
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
    'stays out of what ships. With `lint --inspect-images`, when the local engine has both the full image and ' +
    'its -slim or -alpine variant, the message gives both sizes and the difference, as the engine measures them. ' +
    'A recommendation, since some native dependencies need the full image.',
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
      message: `The final image is built on the full ${root.ref.name} image; a smaller variant ships far fewer packages: ${SMALLER[name] ?? ''}.${sizeDifference(model.baseImages, root, root.ref, tag)}`,
      range: fromImageRange(model, root),
    });
  },
});
