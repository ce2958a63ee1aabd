// lint --inspect-images for a Dockerfile: what the local engine knows of the images its stages start
// from — each one's `created` time and size, and the other tags of its repository with their sizes
// (the slim and alpine variants). The load step's I/O (rules only read model.baseImages); the engine
// is asked, never a registry. Never throws: an unreachable engine leaves every image unknown, with
// the reason.
import type Docker from 'dockerode';
import { oneLine, reachEngine } from '../engine-client.js';
import type { BaseImage, BaseImages, DockerfileModel, ImageRef } from './model.js';

/** The part of dockerode's image inspect answer read here. */
interface InspectView { Created?: string; Size?: number }
/** The part of a `docker images` row read here. */
interface ListedView { RepoTags?: string[] | null; Size?: number }

/** The repository as the engine names it in RepoTags (Docker Hub's registry and library/ dropped). */
function repositoryOf(ref: ImageRef): string {
  const hub = ref.registry === null || ref.registry === 'docker.io' || ref.registry === 'index.docker.io';
  return hub ? ref.repository.replace(/^library\//, '') : `${ref.registry}/${ref.repository}`;
}

export async function inspectBaseImages(model: DockerfileModel, today: string, docker?: Docker): Promise<BaseImages> {
  const out: BaseImages = { today, images: {} };
  const wanted = new Map<string, ImageRef>();
  for (const stage of model.stages) {
    if (stage.ref && !stage.unresolved && !stage.isScratch && stage.baseStage === null) wanted.set(stage.resolvedImage, stage.ref);
  }
  if (wanted.size === 0) return out;
  const client = await reachEngine(docker);
  if ('unreachable' in client) {
    for (const name of wanted.keys()) out.images[name] = { unknown: client.unreachable };
    return out;
  }
  for (const [name, ref] of wanted) out.images[name] = await inspectOne(client, name, ref);
  return out;
}

async function inspectOne(docker: Docker, name: string, ref: ImageRef): Promise<BaseImage | { unknown: string }> {
  let info: InspectView;
  try {
    info = await docker.getImage(name).inspect();
  } catch (err) {
    const e = err as { statusCode?: number; message?: string };
    if (e.statusCode === 404) return { unknown: `image ${name} is not in the local engine (pull it first)` };
    return { unknown: `the engine could not inspect image ${name} (${oneLine(e.message ?? String(err))})` };
  }
  const repo = repositoryOf(ref);
  const variants: BaseImage['variants'] = [];
  try {
    const listed = (await docker.listImages({ filters: JSON.stringify({ reference: [repo] }) })) as ListedView[];
    for (const row of listed) {
      for (const repoTag of row.RepoTags ?? []) {
        const at = repoTag.lastIndexOf(':');
        if (at <= 0 || repoTag.slice(0, at) !== repo) continue;
        variants.push({ tag: repoTag.slice(at + 1), size: row.Size ?? 0 });
      }
    }
  } catch { /* the variants stay unknown: the image's own facts are enough for its age */ }
  variants.sort((a, b) => a.tag.localeCompare(b.tag));
  return { created: info.Created ?? '', size: info.Size ?? 0, variants };
}

