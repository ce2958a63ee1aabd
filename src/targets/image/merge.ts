// Builds the ImageModel from an image config and its layers' scans, in layer order: whiteouts and
// opaque directories are applied to what the lower layers hold, and what they delete stays in
// the index (with deletedIn) because its bytes still ship in the image.
import type { FileEntry, HistoryEntry, ImageConfig, ImageModel, LayerInfo, LayerProblem, PackageRef, SecretInImage } from './model.js';
import type { LayerScan } from './layer-scan.js';
import { parseApkInstalled, parseDpkgStatus, parseOsRelease } from './inventory.js';

/** The image config document (application/vnd.oci.image.config.v1+json). */
export interface ConfigDoc {
  architecture?: string;
  os?: string;
  variant?: string;
  config?: {
    User?: string;
    Env?: string[] | null;
    ExposedPorts?: Record<string, unknown> | null;
    Labels?: Record<string, string> | null;
    Healthcheck?: { Test?: string[] | null } | null;
    Entrypoint?: string[] | string | null;
    Cmd?: string[] | string | null;
    WorkingDir?: string;
  } | null;
  /** When the image was built (RFC 3339). */
  created?: string;
  rootfs?: { diff_ids?: string[] };
  history?: { created_by?: string; empty_layer?: boolean; comment?: string }[];
}

export interface LayerInput {
  /** null when the layer could not be found in the input. */
  scan: LayerScan | null;
  /** The digest the manifest names for the blob (OCI), or the diff_id (docker save). */
  declaredDigest: string;
  /** true when the blob digest is the uncompressed tar's (docker-save layer.tar). */
  declaredIsDiffId: boolean;
}

export interface ModelInput {
  path: string;
  name?: string;
  id: string;
  config: ConfigDoc;
  configDigest: { declared: string; actual: string };
  layers: LayerInput[];
}

/** A config list as strings (the config is parsed JSON: its items may be anything). */
function asList(v: unknown): string[] | null {
  if (v === undefined || v === null) return null;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- parsed JSON: a value that is no string keeps its JavaScript text
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

export function imageConfig(doc: ConfigDoc): ImageConfig {
  const c = doc.config ?? {};
  return {
    user: typeof c.User === 'string' ? c.User : '',
    env: Array.isArray(c.Env) ? c.Env.map(String) : [],
    exposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
    labels: { ...(c.Labels ?? {}) },
    healthcheck: c.Healthcheck && Array.isArray(c.Healthcheck.Test) && c.Healthcheck.Test.length ? c.Healthcheck.Test.map(String) : null,
    entrypoint: asList(c.Entrypoint),
    cmd: asList(c.Cmd),
    workingDir: typeof c.WorkingDir === 'string' ? c.WorkingDir : '',
  };
}

export function buildModel(input: ModelInput): ImageModel {
  const doc = input.config;
  const diffIds = Array.isArray(doc.rootfs?.diff_ids) ? doc.rootfs.diff_ids : [];
  const history: HistoryEntry[] = [];
  let layerNo = 0;
  // a hostile config may hold anything: history that is not a list, or entries that are not objects
  for (const h of Array.isArray(doc.history) ? doc.history as unknown[] : []) {
    if (typeof h !== 'object' || h === null) continue;
    const { created_by: by, empty_layer: empty } = h as { created_by?: unknown; empty_layer?: unknown };
    const e: HistoryEntry = { createdBy: typeof by === 'string' ? by : '', emptyLayer: Boolean(empty) };
    if (!e.emptyLayer) e.layerIndex = layerNo++;
    history.push(e);
  }
  const createdByOf = (i: number) => history.find((h) => h.layerIndex === i)?.createdBy;

  const current = new Map<string, FileEntry>();
  const removed: FileEntry[] = [];
  const texts = new Map<string, { layer: number; text: string }>();
  const packageFiles = new Map<string, { layer: number; list: PackageRef[] }>();
  const problems: LayerProblem[] = [];
  const layers: LayerInfo[] = [];
  const secretPaths = new Set<string>();
  for (const l of input.layers) for (const s of l.scan?.secrets ?? []) secretPaths.add(s.path);
  /** path@layer of a secret-holding file → how a later layer removed it. */
  const fate = new Map<string, { how: 'deleted' | 'replaced'; layer: number }>();
  const packages: PackageRef[] = [];
  const packageLayer: { p: PackageRef; layer: number }[] = [];
  let partial: string | undefined;

  const drop = (f: FileEntry, layer: number, how: 'deleted' | 'replaced') => {
    if (secretPaths.has(f.path)) fate.set(`${f.path}@${f.layer}`, { how, layer });
    if (how === 'deleted' && f.type !== 'dir') removed.push({ ...f, deletedIn: layer });
  };

  input.layers.forEach((l, i) => {
    const scan = l.scan;
    const declaredDiffId = diffIds[i] ?? '';
    const info: LayerInfo = {
      index: i,
      diffId: declaredDiffId,
      declaredDigest: l.declaredDigest,
      actualDigest: scan ? (l.declaredIsDiffId ? scan.diffId : scan.rawDigest) : '',
      size: scan?.size ?? 0,
      uncompressedSize: scan?.uncompressedSize ?? 0,
      compression: scan?.compression ?? 'none',
      entries: scan?.entries.length ?? 0,
    };
    if (scan?.diffId) info.actualDiffId = scan.diffId;
    const cb = createdByOf(i);
    if (cb !== undefined) info.createdBy = cb;
    layers.push(info);
    if (!scan) {
      partial = `layer ${i} (${l.declaredDigest}) is missing from the input`;
      return;
    }
    for (const p of scan.problems) problems.push({ ...p, layer: i });

    // Whiteouts hide what the lower layers hold; apply them before this layer's own entries.
    const gone = new Set<string>();
    const opaque = new Set<string>();
    for (const e of scan.entries) {
      if (e.whiteout === 'file') gone.add(e.path);
      else if (e.whiteout === 'opaque') opaque.add(e.path);
    }
    if (gone.size || opaque.size) {
      const hidden = hider(gone, opaque);
      for (const [p, f] of current) {
        if (hidden(p)) {
          drop(f, i, 'deleted');
          current.delete(p);
        }
      }
    }
    for (const e of scan.entries) {
      if (e.whiteout) continue;
      const prev = current.get(e.path);
      if (prev) {
        if (prev.type === 'dir' && e.type !== 'dir') {
          const prefix = `${e.path}/`;
          for (const [p, f] of current) if (p.startsWith(prefix)) { drop(f, i, 'deleted'); current.delete(p); }
        }
        if (prev.layer < i && prev.type !== 'dir') drop(prev, i, 'replaced');
      }
      const f: FileEntry = { path: e.path, type: e.type, mode: e.mode, uid: e.uid, gid: e.gid, size: e.size, layer: i };
      if (e.linkTarget !== undefined) f.linkTarget = e.linkTarget;
      if (e.type === 'hardlink') {
        const target = e.linkTarget ? current.get(e.linkTarget) : undefined;
        if (!target) problems.push({ kind: 'hardlink-missing', path: e.path, layer: i, detail: `links to ${e.linkTarget ?? '(nothing)'}, which the image does not hold` });
        else { f.mode = target.mode; f.uid = target.uid; f.gid = target.gid; f.size = target.size; }
      }
      current.set(e.path, f);
    }
    for (const [p, text] of scan.texts) texts.set(p, { layer: i, text });
    for (const [p, list] of scan.packageFiles ?? []) packageFiles.set(p, { layer: i, list });
    for (const p of scan.packages) packageLayer.push({ p, layer: i });
  });

  const finalTexts: Record<string, string> = {};
  for (const [p, t] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (current.get(p)?.layer === t.layer) finalTexts[p] = t.text;
  }
  for (const { p, layer } of packageLayer) if (current.get(p.path)?.layer === layer) packages.push(p);
  const pushAll = (list: PackageRef[]): void => { for (const p of list) packages.push(p); }; // no spread: 200k arguments overflow
  for (const [p, text] of Object.entries(finalTexts)) {
    if (p === '/var/lib/dpkg/status' || p.startsWith('/var/lib/dpkg/status.d/')) pushAll(parseDpkgStatus(text, p));
    if (p === '/lib/apk/db/installed') pushAll(parseApkInstalled(text, p));
  }
  for (const [p, { layer, list }] of [...packageFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (current.get(p)?.layer === layer) pushAll(list);
  }
  packages.sort((a, b) => cmp(a.type, b.type) || cmp(a.name, b.name) || cmp(a.version, b.version) || cmp(a.path, b.path));

  const secrets: SecretInImage[] = [];
  input.layers.forEach((l, i) => {
    for (const s of l.scan?.secrets ?? []) {
      const hit: SecretInImage = { path: s.path, layer: i, kind: s.kind, line: s.line, redacted: s.redacted };
      const f = fate.get(`${s.path}@${i}`);
      if (f) { hit.removedIn = f.layer; hit.removedHow = f.how; }
      secrets.push(hit);
    }
  });

  const files = [...current.values(), ...removed].sort((a, b) => cmp(a.path, b.path) || a.layer - b.layer);
  const model: ImageModel = {
    path: input.path,
    id: input.id,
    configDigest: input.configDigest,
    os: doc.os ?? '',
    architecture: doc.architecture ?? '',
    config: imageConfig(doc),
    history,
    layers,
    files,
    texts: finalTexts,
    secrets,
    osRelease: parseOsRelease(finalTexts['/etc/os-release'] ?? finalTexts['/usr/lib/os-release']),
    packages,
    problems,
    size: layers.reduce((n, l) => n + l.uncompressedSize, 0),
  };
  if (input.name) model.name = input.name;
  if (typeof doc.created === 'string' && doc.created !== '') model.created = doc.created;
  if (doc.variant) model.variant = doc.variant;
  if (partial) model.partial = partial;
  return model;
}

/** hiddenBy for one layer's whiteouts: with a few of them (the usual case), a test of each as a
 *  folder prefix instead of a slice per ancestor of every path the lower layers hold. */
export function hider(gone: Set<string>, opaque: Set<string>): (p: string) => boolean {
  if (gone.size + opaque.size > 16) return (p) => hiddenBy(p, gone, opaque);
  // an ancestor of p is p up to one of its slashes (not the first character): p starts with it and a slash
  const prefixes = [...gone, ...opaque].filter((g) => g !== '').map((g) => `${g}/`);
  const rootOpaque = opaque.has('/');
  return (p) => gone.has(p) || prefixes.some((x) => p.startsWith(x)) || (rootOpaque && p !== '/');
}

export function hiddenBy(p: string, gone: Set<string>, opaque: Set<string>): boolean {
  if (gone.has(p)) return true;
  for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
    const anc = p.slice(0, i);
    if (gone.has(anc) || opaque.has(anc)) return true;
  }
  return opaque.has('/') && p !== '/';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
