// --inspect-images: the config of each service's image, read from the local engine (the load
// step's I/O; rules only see the facts). A service that builds its image already has facts from
// its Dockerfile; the others (a third-party image) get them here when the engine has the image.
import type Docker from 'dockerode';
import { oneLine, reachEngine } from '../engine-client.js';
import type { ComposeModel, ImageFacts, Located } from './model.js';

/** What inspection found for one image reference. */
export type Inspected = { facts: ImageFacts } | { unknown: string };

/** The part of dockerode's image inspect answer that matters here. */
export interface ImageConfigView {
  Config?: { User?: string; Healthcheck?: { Test?: string[] } | null; ExposedPorts?: Record<string, unknown> | null } | null;
}

/** Facts of an inspected image config: its user ("" → root), its healthcheck, its ports. */
export function factsFromImageConfig(ref: string, info: ImageConfigView): ImageFacts {
  const cfg = info.Config ?? {};
  const test = cfg.Healthcheck?.Test ?? [];
  const none = test[0]?.toUpperCase() === 'NONE';
  const facts: ImageFacts = { dockerfile: '', image: ref, user: cfg.User ? cfg.User : null, healthcheck: test.length > 0 && !none, healthcheckNone: none };
  const ports = Object.keys(cfg.ExposedPorts ?? {});
  if (ports.length) facts.exposedPorts = ports.sort();
  return facts;
}

/** Inspects the image of every service that builds none and has no facts yet; records the facts
 *  on the service, or why they are unknown on `svc.imageUnknown`. Never throws: an unreachable
 *  engine leaves every such service unknown, with the reason. */
export async function inspectServiceImages(model: ComposeModel, docker?: Docker): Promise<void> {
  const wanted = model.services.filter((s): s is typeof s & { image: Located<string> } => !s.build && !s.imageFacts && Boolean(s.image?.value));
  if (wanted.length === 0) return;
  const client = await reachEngine(docker);
  if ('unreachable' in client) {
    for (const s of wanted) s.imageUnknown = client.unreachable;
    return;
  }
  const seen = new Map<string, Inspected>();
  for (const s of wanted) {
    const ref = s.image.value.trim();
    let got = seen.get(ref);
    if (!got) {
      got = await inspectOne(client, ref);
      seen.set(ref, got);
    }
    if ('facts' in got) s.imageFacts = got.facts;
    else s.imageUnknown = got.unknown;
  }
}

async function inspectOne(docker: Docker, ref: string): Promise<Inspected> {
  try {
    return { facts: factsFromImageConfig(ref, await docker.getImage(ref).inspect()) };
  } catch (err) {
    const e = err as { statusCode?: number; message?: string };
    if (e.statusCode === 404) return { unknown: `image ${ref} is not in the local engine (pull it first)` };
    return { unknown: `the engine could not inspect image ${ref} (${oneLine(e.message ?? String(err))})` };
  }
}

