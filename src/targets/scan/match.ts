// Is a scan report about this image? Pure comparisons of image identities: the image ID, the
// repo digests, else the normalized name (docker.io/library/ and :latest implied).
import type { ImageIdentity } from './model.js';

function normalizeName(ref: string): string {
  let r = ref.trim().replace(/@sha256:[0-9a-f]+$/i, '');
  const slash = r.indexOf('/');
  const first = slash < 0 ? '' : r.slice(0, slash);
  if (slash < 0 || !(first.includes('.') || first.includes(':') || first === 'localhost')) r = `docker.io/${slash < 0 ? `library/${r}` : r}`;
  if (!/:[^/]+$/.test(r)) r += ':latest';
  return r.replace(/^index\.docker\.io\//, 'docker.io/');
}

const digestOf = (d: string): string => d.slice(d.lastIndexOf('@') + 1).toLowerCase();

export interface Match {
  matches: boolean;
  /** How it was decided, for messages: 'image ID', 'repo digest', 'name'. */
  by: string;
  /** Why not, when it does not match. */
  why?: string;
}

export function matchImage(report: ImageIdentity, subject: ImageIdentity): Match {
  if (report.imageId && subject.imageId) {
    return report.imageId.toLowerCase() === subject.imageId.toLowerCase()
      ? { matches: true, by: 'image ID' }
      : { matches: false, by: 'image ID', why: `the report's image ID ${report.imageId} is not ${subject.imageId}` };
  }
  if (report.repoDigests.length && subject.repoDigests.length) {
    const ours = new Set(subject.repoDigests.map(digestOf));
    return report.repoDigests.some((d) => ours.has(digestOf(d)))
      ? { matches: true, by: 'repo digest' }
      : { matches: false, by: 'repo digest', why: `the report's repo digests (${report.repoDigests.join(', ')}) are not the image's` };
  }
  if (report.name && subject.name) {
    return normalizeName(report.name) === normalizeName(subject.name)
      ? { matches: true, by: 'name' }
      : { matches: false, by: 'name', why: `the report is about ${report.name}, not ${subject.name}` };
  }
  return { matches: false, by: 'nothing', why: 'the report names no image ID, digest or name to compare' };
}
