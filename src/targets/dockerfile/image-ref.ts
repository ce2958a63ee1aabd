// Parses an image reference (the distribution/reference grammar Docker uses):
//   [registry[:port]/]path[:tag][@algorithm:hex]
// The repository is kept as written (no implicit docker.io or library/ added).
import type { ImageRef } from './model.js';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH_RE = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DOMAIN_RE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;

/** Returns null when the text is not a valid reference (empty, unresolved variables, upper case…). */
export function parseImageRef(name: string): ImageRef | null {
  if (typeof name !== 'string') return null;
  const written = name.trim();
  if (written === '' || written.length > 4096) return null;
  let rest = written;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) return null;
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) return null;
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      registry = first;
      rest = rest.slice(slash + 1);
      if (!DOMAIN_RE.test(registry)) return null;
    }
  }
  if (rest.length === 0 || rest.length > 255 || !PATH_RE.test(rest)) return null;
  return { name: written, registry, repository: rest, tag, digest };
}
