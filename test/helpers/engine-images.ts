// What the local engine has, written in a Dockerfile snippet's comments (for the rule tests and the
// rules' examples of lint --inspect-images): the model.baseImages the load step would read.
//   # engine: python:3.12 created 2025-01-10T08:00:00Z, 1.02 GB
//   # engine: python:3.12-slim created 2025-01-10T08:00:00Z, 131 MB
//   # engine: node:22 missing          (the engine does not have it)
//   # today: 2026-06-01
// Never used by lint itself.
import type { BaseImage, BaseImages } from '../../src/targets/dockerfile/model.js';

const LINE = /^#\s*engine:\s*(\S+)\s+(?:created\s+(\S*?),\s*(\d+(?:\.\d+)?)\s*(MB|GB)|(missing))\s*$/;

function repoAndTag(ref: string): [string, string] {
  const at = ref.lastIndexOf(':');
  return at > ref.lastIndexOf('/') ? [ref.slice(0, at), ref.slice(at + 1)] : [ref, 'latest'];
}

/** The engine the snippet's comments describe; undefined when they describe none. */
export function engineImages(code: string): BaseImages | undefined {
  const found: { ref: string; image: Omit<BaseImage, 'variants'> | null }[] = [];
  let today = '';
  for (const line of code.split('\n')) {
    const t = /^#\s*today:\s*(\S+)\s*$/.exec(line.trim());
    if (t?.[1]) today = t[1];
    const m = LINE.exec(line.trim());
    if (!m?.[1]) continue;
    found.push({ ref: m[1], image: m[5] ? null : { created: m[2], size: Number(m[3]) * (m[4] === 'GB' ? 1e9 : 1e6) } });
  }
  if (found.length === 0) return undefined;
  const images: BaseImages['images'] = {};
  for (const { ref, image } of found) {
    if (!image) { images[ref] = { unknown: `image ${ref} is not in the local engine (pull it first)` }; continue; }
    const [repo] = repoAndTag(ref);
    const variants = found.filter((o) => o.image && repoAndTag(o.ref)[0] === repo)
      .map((o) => ({ tag: repoAndTag(o.ref)[1], size: o.image?.size ?? 0 }));
    images[ref] = { ...image, variants };
  }
  return { today: today || '2026-06-01', images };
}
