// The image readers: a docker-save tar (legacy layout, or the OCI layout newer engines write),
// an OCI image layout directory or its tar, and an image in the local engine (its export stream,
// which is a docker-save tar). A file is read by seeking (tar-walk.ts): the archive's index, the
// documents and each uncompressed layer's headers, bodies only where kept; digests are computed
// from the file apart (hash-pool.ts, worker threads). A stream is read once, in order, by the
// same walker. Nothing is extracted.
import { constants as fsConstants, existsSync, promises as fs, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createHash, type KeyObject } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ImageModel } from './model.js';
import { buildModel, type ConfigDoc, type LayerInput } from './merge.js';
import { ImageReadError, describeTarError, imageBudget, readBlob, thrownText, type LayerScan, type ScanLimits } from './layer-scan.js';
import { UserError } from '../../engine/types.js';
import { findSignatures, isCosignArtifact } from './signature.js';
import { FileSource, StreamSource, walkTar } from './tar-walk.js';
import { HashPool } from './hash-pool.js';

export interface Progress {
  /** Bytes of the input read so far, and the total when known. */
  read: number;
  total: number | null;
  /** What is being read, e.g. 'layer 3f2a…'. */
  current: string;
}

export interface ReadOptions {
  /** os/arch[/variant]; default: the host's when an index offers several. */
  platform?: string;
  /** Pick one image of a multi-image input by name. */
  image?: string;
  /** Audit every image of a multi-image input. */
  all?: boolean;
  limits?: Partial<ScanLimits>;
  /** false: skip the layer digest verification (sha256 of every layer). */
  verify?: boolean;
  onProgress?: (p: Progress) => void;
  /** For engine references: a dockerode client (created lazily when absent). */
  docker?: unknown;
  /** A cosign public key (readCosignKey): verify the image's signatures with it. */
  signatureKey?: { key: KeyObject; description: string };
}

interface Descriptor { mediaType?: string; digest?: string; size?: number; platform?: { os?: string; architecture?: string; variant?: string }; annotations?: Record<string, string> }

/** What a read input holds: blobs by tar path (small documents) and layer scans by tar path. */
interface Store {
  docs: Map<string, { digest: string; data: Buffer }>;
  layers: Map<string, LayerScan>;
  /** Reads a document (OCI: by digest path) or a layer; null when absent. */
  doc(name: string): Promise<{ digest: string; data: Buffer } | null>;
  layer(name: string): Promise<LayerScan | null>;
}

const MEDIA_INDEX = /image\.index\.v1\+json|manifest\.list\.v2\+json/;

export async function readImages(input: string, cwd: string, opts: ReadOptions = {}): Promise<ImageModel[]> {
  const abs = isAbsolute(input) ? input : join(cwd, input);
  if (existsSync(abs)) {
    const st = statSync(abs);
    if (st.isDirectory()) return readOciDirectory(input, abs, opts);
    if (!st.isFile()) throw new UserError(`${input}: not a file or a directory`, 'give a docker-save tar, an OCI layout (directory or tar), or an image name');
    return readTarFile(input, abs, st.size, opts);
  }
  if (input.startsWith('.') || input.startsWith('/') || (/\.(tar|tgz|tar\.gz|tar\.zst)$/.test(input) && !input.includes(':'))) {
    throw new UserError(`${input}: no such file or directory`, 'give a docker-save tar, an OCI layout, or the name of an image in the local engine');
  }
  return readEngineImage(input, opts);
}

/** A tar from a stream (an engine export): docker save (legacy or OCI-in-docker-save) or an OCI
 *  layout tar. Every byte is read once, in order. */
export async function readTarStream(label: string, source: Readable, total: number | null, opts: ReadOptions): Promise<ImageModel[]> {
  try {
    return await readTar(label, new StreamSource(source as AsyncIterable<Buffer>), total, opts, null);
  } finally {
    source.destroy();
  }
}

/** A tar in a file: the same, read by seeking. The outer index and each layer's headers are
 *  read; a body only when it is kept (a document, passwd, a package database, a file scanned
 *  for secrets). With verify, each layer's digest is computed from the file on a worker thread
 *  while the main thread walks the headers. */
async function readTarFile(label: string, path: string, size: number, opts: ReadOptions): Promise<ImageModel[]> {
  const handle = await fs.open(path, 'r');
  const pool = new HashPool();
  try {
    return await readTar(label, new FileSource(handle.fd, 0, size), size, opts, { fd: handle.fd, size, pool });
  } finally {
    await pool.close();
    await handle.close();
  }
}

async function readTar(label: string, src: StreamSource | FileSource, total: number | null, opts: ReadOptions, file: { fd: number; size: number; pool: HashPool } | null): Promise<ImageModel[]> {
  const docs = new Map<string, { digest: string; data: Buffer }>();
  const layers = new Map<string, LayerScan>();
  const settles: Promise<void>[] = [];
  const budget = imageBudget();
  let read = 0;
  const tick = (n: number, current: string) => {
    read += n;
    opts.onProgress?.({ read, total, current });
  };
  let sawEntry = false as boolean; // set in the walk's callback, where flow analysis does not look
  try {
    await walkTar(src, async (header, body) => {
      sawEntry = true;
      const name = header.name.replace(/^\.\//, '').replace(/^\/+/, '');
      if (header.type !== 'file' && header.type !== 'contiguous-file') return;
      const current = /layer\.tar$|^blobs\//.test(name) ? `layer ${shortName(name)}` : name;
      const r = await readBlob(body, body.size, {
        label: `${label}: ${name}`, limits: opts.limits, verify: opts.verify, budget, onBytes: (n) => { tick(n, current); },
        ...(file ? { file: { fd: file.fd, start: body.start, fileSize: file.size, hash: (fd, start, n) => file.pool.hash(fd, start, n) } } : {}),
      });
      if (r.kind === 'layer') {
        layers.set(name, r.scan);
        if (r.settle) {
          r.settle.catch(noop); // awaited below; if the walk fails first, its digest is not wanted
          settles.push(r.settle);
        }
      } else if (r.kind === 'data') docs.set(name, { digest: r.digest, data: r.data });
    });
    await Promise.all(settles);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const msg = thrownText(err);
    if (!sawEntry && /Invalid tar header|Invalid header|Unexpected end/.test(msg)) {
      throw new ImageReadError(`${label}: not a tar archive`, 'give a docker-save tar (docker save -o app.tar IMAGE), an OCI layout, or an image name');
    }
    throw new ImageReadError(`${label}: cannot read the archive (${describeTarError(msg)})`, 'the file is truncated or corrupt; nothing was written');
  }
  if (!sawEntry) throw new ImageReadError(`${label}: an empty tar archive`, 'give a docker-save tar (docker save -o app.tar IMAGE) or an OCI layout');
  const store: Store = {
    docs, layers,
    doc: (n) => Promise.resolve(docs.get(n) ?? null),
    layer: (n) => Promise.resolve(layers.get(n) ?? null),
  };
  return modelsFromStore(label, store, opts);
}

async function readOciDirectory(label: string, dir: string, opts: ReadOptions): Promise<ImageModel[]> {
  if (!existsSync(join(dir, 'index.json'))) {
    throw new UserError(`${label}: a directory without index.json is not an OCI image layout`, 'give an OCI layout directory (oci-layout, index.json, blobs/), a tar, or an image name');
  }
  let total = 0;
  let read = 0;
  const budget = imageBudget();
  const pool = new HashPool();
  const docs = new Map<string, { digest: string; data: Buffer }>();
  const layers = new Map<string, LayerScan>();
  const store: Store = {
    docs, layers,
    async doc(name) {
      const known = docs.get(name);
      if (known) return known;
      const p = join(dir, name);
      if (!safeBlobName(name) || !existsSync(p)) return null;
      const data = await readRegularBlob(label, name, p, MAX_DOC_BYTES);
      return { digest: `sha256:${createHash('sha256').update(data).digest('hex')}`, data };
    },
    async layer(name) {
      const p = join(dir, name);
      if (!safeBlobName(name) || !existsSync(p)) return null;
      const handle = await openRegular(label, name, p);
      try {
        const size = (await handle.stat()).size;
        const r = await readBlob(new FileSource(handle.fd, 0, size), size, {
          label: `${label}: ${name}`, limits: opts.limits, verify: opts.verify, budget,
          onBytes: (n) => { read += n; opts.onProgress?.({ read, total: total || null, current: `layer ${shortName(name)}` }); },
          file: { fd: handle.fd, start: 0, fileSize: size, hash: (fd, start, n) => pool.hash(fd, start, n) },
        });
        if (r.kind !== 'layer') throw new ImageReadError(`${label}: ${name} is not a layer (neither a tar nor gzip/zstd-compressed tar)`, 'the layout is corrupt');
        await r.settle;
        return r.scan;
      } finally {
        await handle.close();
      }
    },
  };
  try { for (const f of await fs.readdir(join(dir, 'blobs', 'sha256'))) total += (await fs.stat(join(dir, 'blobs', 'sha256', f))).size; } catch { /* no total */ }
  const index = await readRegularBlob(label, 'index.json', join(dir, 'index.json'), MAX_DOC_BYTES);
  docs.set('index.json', { digest: '', data: index });
  try {
    return await modelsFromStore(label, store, opts);
  } finally {
    await pool.close();
  }
}

/** Largest image document (index, manifest, config) read. */
const MAX_DOC_BYTES = 8 << 20;

/** Opens a blob of a layout directory that must be a regular file: a link to /dev/zero or
 *  /dev/urandom would be read without end, a FIFO would block. Links are followed (a layout may
 *  share blobs through them) but what they reach must be a regular file. */
async function openRegular(label: string, name: string, p: string): Promise<fs.FileHandle> {
  const handle = await fs.open(p, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  const st = await handle.stat();
  if (!st.isFile()) {
    await handle.close();
    const what = st.isFIFO() ? 'a named pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isDirectory() ? 'a directory' : 'not a regular file';
    throw new ImageReadError(`${label}: ${name} is ${what}, not a regular file; not read`, 'the layout is corrupt or hostile');
  }
  return handle;
}

async function readRegularBlob(label: string, name: string, p: string, max: number): Promise<Buffer> {
  const handle = await openRegular(label, name, p);
  try {
    const buf = Buffer.alloc(Math.min((await handle.stat()).size, max) + 1);
    let n = 0;
    for (let got; n < buf.length && (got = (await handle.read(buf, n, buf.length - n, null)).bytesRead) > 0;) n += got;
    if (n > max) throw new ImageReadError(`${label}: ${name} is larger than ${max} bytes, too large for an image document`, 'the layout is corrupt');
    return buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}

function safeBlobName(name: string): boolean {
  return /^blobs\/[a-z0-9]+\/[a-f0-9]{32,128}$/.test(name);
}

async function readEngineImage(ref: string, opts: ReadOptions): Promise<ImageModel[]> {
  const { default: Docker } = await import('dockerode');
  const docker = (opts.docker ?? new Docker()) as InstanceType<typeof Docker>;
  const image = docker.getImage(ref);
  let size: number | null = null;
  try {
    const info = await image.inspect();
    size = typeof info.Size === 'number' ? info.Size : null;
  } catch (err) {
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 404) throw new UserError(`${ref}: no such file, directory or image in the local engine`, `docker pull ${ref}, or give a docker-save tar / OCI layout path`);
    if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED' || e.code === 'EACCES') {
      throw new UserError(`${ref}: not a file or directory, and the Docker engine is not reachable (${e.code})`, 'start the engine (or set DOCKER_HOST), or give a docker-save tar / OCI layout path');
    }
    throw new UserError(`${ref}: the engine refused the image (${e.message ?? String(err)})`, 'check the name with docker images');
  }
  const stream = (await image.get()) as unknown as Readable;
  const models = await readTarStream(ref, stream, size, { ...opts, image: opts.image ?? (opts.all ? undefined : ref) });
  for (const m of models) m.path = ref;
  return models;
}

function noop(): void { /* a rejection handled where it is awaited */ }

function shortName(name: string): string {
  const m = /([a-f0-9]{12})[a-f0-9]*/.exec(name);
  return m ? m[1] : name;
}

function parseJson(label: string, name: string, data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    throw new ImageReadError(`${label}: ${name} is not valid JSON`, 'the image archive is corrupt');
  }
}

/** A JSON document that must be an object (a config, a manifest, an index). */
function parseObject(label: string, name: string, data: Buffer): Record<string, unknown> {
  const v = parseJson(label, name, data);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ImageReadError(`${label}: ${name} is not a JSON object`, 'the image archive is corrupt');
  return v as Record<string, unknown>;
}

interface Candidate {
  name?: string;
  /** docker-save legacy entry */
  legacy?: { config: string; layers: string[] };
  /** OCI manifest descriptor */
  manifest?: Descriptor;
  /** The digests of the indexes holding it, innermost first (what a signature may name). */
  indexes?: string[];
}

async function modelsFromStore(label: string, store: Store, opts: ReadOptions): Promise<ImageModel[]> {
  const candidates: Candidate[] = [];
  const manifestJson = await store.doc('manifest.json');
  const indexJson = await store.doc('index.json');
  if (manifestJson) {
    if (opts.signatureKey) throw new UserError(`${label}: a docker-save archive or an engine image holds no signatures to verify with --key`, 'cosign signatures are read from an OCI layout (cosign save --dir DIR IMAGE, or skopeo/oras copy of the image and its .sig tag)');
    const list = parseJson(label, 'manifest.json', manifestJson.data);
    if (!Array.isArray(list)) throw new ImageReadError(`${label}: manifest.json is not a list of images`, 'the docker-save archive is corrupt');
    for (const m of list as ({ Config?: string; RepoTags?: string[] | null; Layers?: string[] } | null)[]) {
      if (typeof m?.Config !== 'string' || !Array.isArray(m.Layers)) throw new ImageReadError(`${label}: manifest.json lacks Config or Layers`, 'the docker-save archive is corrupt');
      const names = m.RepoTags ?? [];
      if (names.length === 0) candidates.push({ legacy: { config: m.Config, layers: m.Layers } });
      for (const n of names.length ? [names[0]] : []) candidates.push({ name: n, legacy: { config: m.Config, layers: m.Layers } });
    }
  } else if (indexJson) {
    const index = parseObject(label, 'index.json', indexJson.data);
    await collectManifests(label, store, index, candidates, undefined, opts, 0);
  } else {
    const hint = store.layers.size === 0 && store.docs.size === 0
      ? 'this looks like a plain file tar (e.g. docker export of a container), which has no image config or layers: use docker save IMAGE, an OCI layout, or an image name'
      : 'give the output of docker save, an OCI image layout, or an image name';
    throw new ImageReadError(`${label}: neither manifest.json (docker save) nor index.json (OCI layout) found`, hint);
  }
  const chosen = choose(label, candidates, opts);
  const models: ImageModel[] = [];
  for (const c of chosen) {
    const model = await modelOf(label, store, c);
    if (c.manifest && indexJson) {
      const index = parseObject(label, 'index.json', indexJson.data);
      model.signatures = await findSignatures(index, [String(c.manifest.digest), ...(c.indexes ?? [])], (n) => store.doc(n), opts.signatureKey);
    }
    models.push(model);
  }
  return models;
}

function hostPlatform(): string {
  const arch = ({ x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' } as Record<string, string>)[process.arch] ?? process.arch;
  return `linux/${arch}`;
}

function platformOf(d: Descriptor): string | null {
  const p = d.platform;
  if (!p?.os || !p.architecture) return null;
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** Most image manifests one input may name (an index repeating one descriptor per level would
 *  otherwise name exponentially many). */
const MAX_MANIFESTS = 1000;

async function collectManifests(label: string, store: Store, index: { manifests?: unknown }, out: Candidate[], inheritedName: string | undefined, opts: ReadOptions, depth: number, seen = new Set<string>(), indexes: string[] = []): Promise<void> {
  if (depth > 8) throw new ImageReadError(`${label}: image indexes nested more than 8 deep`, 'the layout is corrupt or hostile');
  const listed = index.manifests ?? [];
  if (!Array.isArray(listed)) throw new ImageReadError(`${label}: an image index whose manifests is not a list`, 'the layout is corrupt');
  const manifests = listed.filter((d: unknown): d is Descriptor => typeof d === 'object' && d !== null).filter((d) => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' && platformOf(d) !== 'unknown/unknown' && !isCosignArtifact(d));
  // A multi-platform index: keep one platform.
  const withPlatform = manifests.filter((d) => !MEDIA_INDEX.test(d.mediaType ?? '') && platformOf(d));
  let keep = manifests;
  if (withPlatform.length > 1 || (opts.platform && withPlatform.length > 0)) {
    const want = opts.platform ?? hostPlatform();
    const match = (d: Descriptor) => {
      const p = platformOf(d);
      return p === want || (p !== null && !want.split('/')[2] && p.split('/').slice(0, 2).join('/') === want);
    };
    const picked = withPlatform.filter(match);
    if (picked.length === 0) {
      const offered = [...new Set(withPlatform.map((d) => platformOf(d)))].join(', ');
      throw new UserError(`${label}: no manifest for platform ${want} (the image offers ${offered})`, 'pick one with --platform os/arch');
    }
    keep = [...manifests.filter((d) => MEDIA_INDEX.test(d.mediaType ?? '')), picked[0]];
  }
  for (const d of keep) {
    const name = d.annotations?.['io.containerd.image.name'] ?? d.annotations?.['org.opencontainers.image.ref.name'] ?? inheritedName;
    // each (descriptor, name) once: a nested index that repeats itself is read once
    const key = `${String(d.digest)}\u0000${name ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= MAX_MANIFESTS) throw new ImageReadError(`${label}: the image indexes name more than ${MAX_MANIFESTS} manifests`, 'the layout is corrupt or hostile');
    if (MEDIA_INDEX.test(d.mediaType ?? '')) {
      const doc = await fetchDoc(label, store, d);
      await collectManifests(label, store, parseObject(label, blobPath(d), doc), out, name, opts, depth + 1, seen, [String(d.digest), ...indexes]);
    } else {
      out.push({ name, manifest: d, indexes });
    }
  }
}

function blobPath(d: Descriptor): string {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- parsed JSON: the digest may be no string in a hostile layout
  const [alg, hex] = String(d.digest ?? '').split(':');
  return `blobs/${alg}/${hex}`;
}

async function fetchDoc(label: string, store: Store, d: Descriptor): Promise<Buffer> {
  const doc = await store.doc(blobPath(d));
  if (!doc) throw new ImageReadError(`${label}: ${d.digest} is named but missing from the layout`, 'the layout is incomplete');
  if (doc.digest !== d.digest) {
    throw new ImageReadError(`${label}: the document ${d.digest} has digest ${doc.digest}: tampered or corrupt`, 'do not trust this image; fetch it again from its source');
  }
  return doc.data;
}

function choose(label: string, candidates: Candidate[], opts: ReadOptions): Candidate[] {
  if (candidates.length === 0) throw new ImageReadError(`${label}: the archive names no image`, 'the archive is empty or corrupt');
  if (opts.all || candidates.length === 1 && !opts.image) return candidates;
  const names = candidates.map((c) => c.name ?? '(unnamed)');
  if (opts.image) {
    const want = opts.image;
    const hit = candidates.filter((c) => c.name === want || c.name === `${want}:latest` || c.name === `docker.io/library/${want}` || c.name === `docker.io/library/${want}:latest` || c.name?.endsWith(`/${want}`));
    if (hit.length) return [hit[0]];
    if (candidates.length === 1) return candidates; // an engine export names the image by id or digest
    throw new UserError(`${label}: no image named ${want} (the archive holds ${names.join(', ')})`, 'pick one with --image NAME, or --all');
  }
  throw new UserError(`${label}: the archive holds ${candidates.length} images (${names.join(', ')})`, 'pick one with --image NAME, or audit each with --all');
}

async function modelOf(label: string, store: Store, c: Candidate): Promise<ImageModel> {
  if (c.legacy) {
    const cfg = await store.doc(c.legacy.config);
    if (!cfg) throw new ImageReadError(`${label}: the config ${c.legacy.config} named by manifest.json is missing`, 'the docker-save archive is incomplete');
    const doc = parseObject(label, c.legacy.config, cfg.data) as ConfigDoc;
    const diffIds = doc.rootfs?.diff_ids ?? [];
    const declaredConfig = configDigestFromName(c.legacy.config);
    const layers: LayerInput[] = [];
    for (let i = 0; i < c.legacy.layers.length; i++) {
      const name = c.legacy.layers[i];
      const fromName = /^blobs\/sha256\/[a-f0-9]{64}$/.test(name) ? `sha256:${name.slice(13)}` : null;
      layers.push({
        scan: await store.layer(name),
        declaredDigest: fromName ?? diffIds.at(i) ?? '',
        declaredIsDiffId: fromName === null,
      });
    }
    return buildModel({ path: label, name: c.name, id: cfg.digest, config: doc, configDigest: { declared: declaredConfig ?? '', actual: cfg.digest }, layers });
  }
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a candidate is a manifest.json entry (handled above) or has its descriptor
  const d = c.manifest!;
  const manifest = parseObject(label, blobPath(d), await fetchDoc(label, store, d)) as { config?: Descriptor; layers?: Descriptor[] };
  if (!manifest.config?.digest || !Array.isArray(manifest.layers)) throw new ImageReadError(`${label}: the manifest ${d.digest} lacks config or layers`, 'the layout is corrupt');
  const cfg = await store.doc(blobPath(manifest.config));
  if (!cfg) throw new ImageReadError(`${label}: the config ${manifest.config.digest} is missing`, 'the layout is incomplete');
  const doc = parseObject(label, blobPath(manifest.config), cfg.data) as ConfigDoc;
  const layers: LayerInput[] = [];
  for (const l of manifest.layers) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- parsed JSON: the digest may be no string in a hostile layout
    layers.push({ scan: await store.layer(blobPath(l)), declaredDigest: String(l.digest ?? ''), declaredIsDiffId: false });
  }
  return buildModel({ path: label, name: c.name, id: manifest.config.digest, config: doc, configDigest: { declared: manifest.config.digest, actual: cfg.digest }, layers });
}

function configDigestFromName(name: string): string | null {
  const m = /(?:^|\/)([a-f0-9]{64})(?:\.json)?$/.exec(name);
  return m ? `sha256:${m[1]}` : null;
}
