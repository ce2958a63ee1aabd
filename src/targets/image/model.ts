// The typed model of an image target: the config, the history, the layers and the merged file
// index, built by the readers (docker-save tar, OCI layout, engine export) in one streamed pass.
// Plain data: rules read it and never touch the file system.
import { redactText } from './secret-scan.js';

export interface ImageConfig {
  /** config.User as written ('' when unset). */
  user: string;
  /** config.Env as NAME=value strings. */
  env: string[];
  /** Keys of config.ExposedPorts, e.g. '22/tcp'. */
  exposedPorts: string[];
  labels: Record<string, string>;
  /** config.Healthcheck.Test, or null when the image has none. ['NONE'] disables it. */
  healthcheck: string[] | null;
  entrypoint: string[] | null;
  cmd: string[] | null;
  workingDir: string;
}

export interface HistoryEntry {
  createdBy: string;
  emptyLayer: boolean;
  /** Index into layers when this entry made a layer. */
  layerIndex?: number;
}

export interface LayerInfo {
  index: number;
  /** sha256 of the uncompressed layer tar (the config's rootfs.diff_ids entry). */
  diffId: string;
  /** The digest the manifest declares (docker-save: the diff_id; OCI: the blob's descriptor). */
  declaredDigest: string;
  /** What the reader computed for the bytes it read ('' when not read). */
  actualDigest: string;
  /** sha256 of the uncompressed tar as read (compare with diffId). */
  actualDiffId?: string;
  /** Bytes of the blob as stored, and uncompressed. */
  size: number;
  uncompressedSize: number;
  compression: 'none' | 'gzip' | 'zstd';
  /** created_by of the history entry that made this layer. */
  createdBy?: string;
  entries: number;
}

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

export interface FileEntry {
  /** Absolute path inside the image, e.g. /usr/bin/su */
  path: string;
  type: FileType;
  /** Permission bits including setuid (0o4000), setgid (0o2000) and sticky (0o1000). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkTarget?: string;
  /** The layer that added (or last changed) it. */
  layer: number;
  /** Set when a later layer deleted it (whiteout or opaque directory): the bytes are still in
   *  the image, in the layer that added them. */
  deletedIn?: number;
}

export interface SecretInImage {
  /** Path inside the image. */
  path: string;
  layer: number;
  /** What kind of secret (rule-facing label, e.g. 'private key', 'AWS access key'). */
  kind: string;
  /** Line in the file, 0 when the file as a whole is the finding (e.g. a keystore by name). */
  line: number;
  /** The value, redacted; never the value itself. */
  redacted: string;
  /** When a later layer deleted or replaced the file, that layer. */
  removedIn?: number;
  removedHow?: 'deleted' | 'replaced';
}

export interface PackageRef {
  type: 'deb' | 'apk' | 'npm' | 'pypi';
  name: string;
  version: string;
  license?: string;
  arch?: string;
  /** Source package (deb) or origin (apk), when it differs. */
  source?: string;
  /** Where the record was found inside the image. */
  path: string;
}

export interface OsRelease {
  id: string;
  versionId: string;
  name: string;
  prettyName: string;
  versionCodename?: string;
}

export interface LayerProblem {
  kind: 'unsafe-path' | 'symlink-outside' | 'hardlink-missing' | 'device-file' | 'content-too-large';
  /** The name as it appears in the tar (for unsafe names) or the image path. */
  path: string;
  layer: number;
  detail: string;
}

export interface ImageModel {
  /** The input as given (file, directory or reference), used as the findings' path. */
  path: string;
  /** A name of the image (repo tag or OCI ref name), when known. */
  name?: string;
  /** The config digest (the image id). */
  id: string;
  /** The config's `created` time (RFC 3339), when it has one. */
  created?: string;
  /** The date of the audit (YYYY-MM-DD), for age checks; set by the auditor, not read from the image. */
  today?: string;
  os: string;
  architecture: string;
  variant?: string;
  config: ImageConfig;
  history: HistoryEntry[];
  layers: LayerInfo[];
  /** The merged file index, sorted by path; deleted entries stay, with deletedIn set. */
  files: FileEntry[];
  /** Small text files of the final filesystem the rules read (passwd, group, shadow, os-release, …). */
  texts: Record<string, string>;
  secrets: SecretInImage[];
  osRelease: OsRelease | null;
  packages: PackageRef[];
  problems: LayerProblem[];
  /** Total uncompressed size of the layers. */
  size: number;
  /** The config blob's digest as the manifest names it, and as read ('' when not known). */
  configDigest: { declared: string; actual: string };
  /** Set when the reader could not read every layer (the rules then see a partial image). */
  partial?: string;
  /** Cosign signatures found for the image (OCI layouts only: absent for docker-save tars and
   *  engine images, which have no place for them). */
  signatures?: ImageSignatures;
}

/** One signature layer of a cosign signature manifest, and what checking it found. */
export interface SignatureCheck {
  /** How the manifest is named in index.json (the `sha256-<hex>.sig` reference, or cosign's kind). */
  tag: string;
  /** The signature manifest's digest. */
  manifest: string;
  /** The layer (one signature) within it; -1 for the manifest as a whole. */
  layer: number;
  /** The digest the payload says it signs (critical.image.docker-manifest-digest). */
  signedDigest: string | null;
  /** verified (with --key), unverified (no key given), bad-signature, digest-mismatch (a
   *  signature of another image), unreadable (missing, altered or malformed blobs). */
  verdict: 'verified' | 'unverified' | 'bad-signature' | 'digest-mismatch' | 'unreadable';
  detail?: string;
}

export interface ImageSignatures {
  /** The digests the image is known by: its manifest's, then the indexes that hold it. */
  imageDigests: string[];
  /** The key given with --key (type and file), null when none. */
  key: string | null;
  signatures: SignatureCheck[];
}

const fileIndexCache = new WeakMap<ImageModel, Map<string, FileEntry>>();

/** The present (not deleted) entries by path. Derived data, cached per model. */
export function presentFiles(model: ImageModel): Map<string, FileEntry> {
  let m = fileIndexCache.get(model);
  if (!m) {
    m = new Map();
    for (const f of model.files) if (f.deletedIn === undefined) m.set(f.path, f);
    fileIndexCache.set(model, m);
  }
  return m;
}

/** The history entry's created_by for a layer, shortened for messages. */
export function layerRef(model: ImageModel, index: number): { index: number; createdBy?: string } {
  const createdBy = model.layers[index]?.createdBy;
  return createdBy === undefined ? { index } : { index, createdBy: shorten(createdBy) };
}

export function shorten(text: string, max = 120): string {
  const t = redactText(text).replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/^\/bin\/sh -c /, 'RUN ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Resolves a path inside the image, following symlinks in every component (at most 32 hops),
 *  as the kernel would inside the container. */
export function resolvePath(model: ImageModel, path: string): FileEntry | undefined {
  const files = presentFiles(model);
  let parts = normalizeImagePath(path).split('/').filter(Boolean);
  let hops = 0;
  let done: string[] = [];
  while (parts.length) {
    const head = parts[0];
    const cur = `/${[...done, head].join('/')}`;
    const f = files.get(cur);
    if (f?.type === 'symlink' && f.linkTarget) {
      if (++hops > 32) return undefined;
      const base = f.linkTarget.startsWith('/') ? f.linkTarget : `/${done.join('/')}/${f.linkTarget}`;
      parts = [...normalizeImagePath(base).split('/').filter(Boolean), ...parts.slice(1)];
      done = [];
      continue;
    }
    if (!f && parts.length === 1) return undefined; // a missing parent directory is implicit in a layer tar
    done.push(head);
    parts.shift();
  }
  return files.get(`/${done.join('/')}`);
}

/** Normalizes to an absolute path with no '.', '..' or double slashes; '..' stops at the root. */
export function normalizeImagePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export interface PasswdEntry { name: string; password: string; uid: number; gid: number; home: string; shell: string; line: number }
export interface GroupEntry { name: string; gid: number; line: number }
export interface ShadowEntry { name: string; hash: string; line: number }

export function parsePasswd(text: string | undefined): PasswdEntry[] {
  if (!text) return [];
  const out: PasswdEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const f = line.split(':');
    if (f.length < 7) return;
    out.push({ name: f[0], password: f[1], uid: Number(f[2]), gid: Number(f[3]), home: f[5], shell: f[6], line: i + 1 });
  });
  return out;
}

export function parseGroup(text: string | undefined): GroupEntry[] {
  if (!text) return [];
  const out: GroupEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const f = raw.trim().split(':');
    if (f.length < 3 || !f[0]) return;
    out.push({ name: f[0], gid: Number(f[2]), line: i + 1 });
  });
  return out;
}

export function parseShadow(text: string | undefined): ShadowEntry[] {
  if (!text) return [];
  const out: ShadowEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const f = raw.trim().split(':');
    if (f.length < 2 || !f[0]) return;
    out.push({ name: f[0], hash: f[1], line: i + 1 });
  });
  return out;
}

/** The runtime user as the engine resolves config.User: name or uid, with passwd. */
export function runtimeUser(model: ImageModel): { spec: string; name: string | null; uid: number | null; entry?: PasswdEntry } {
  const spec = model.config.user.trim();
  const userPart = spec.split(':')[0] ?? '';
  const passwd = parsePasswd(model.texts['/etc/passwd']);
  if (userPart === '') {
    return { spec, name: 'root', uid: 0, entry: passwd.find((p) => p.uid === 0) };
  }
  if (/^\d+$/.test(userPart)) {
    const uid = Number(userPart);
    const entry = passwd.find((p) => p.uid === uid);
    return { spec, name: entry?.name ?? null, uid, entry };
  }
  const entry = passwd.find((p) => p.name === userPart);
  return { spec, name: userPart, uid: entry ? entry.uid : userPart === 'root' ? 0 : null, entry };
}
