// Reads one layer: hashes the bytes as stored and uncompressed, decompresses gzip or zstd
// (sniffed from the magic bytes, capped against bombs), walks the tar entries (tar-walk.ts) and
// keeps only metadata, a few small text files, package records and secret hits. An uncompressed
// layer in a file is walked by seeking from header to header: the bodies it does not keep are
// never read (its digest is computed apart, hash-pool.ts). Nothing is written anywhere.
import { createHash } from 'node:crypto';
import { pipeline as pipelineCb, Readable, Transform, type TransformCallback } from 'node:stream';
import type { Hash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { Decompress as ZstdDecompress } from 'fzstd';
import type { FileType, LayerProblem, PackageRef } from './model.js';
import { normalizeImagePath } from './model.js';
import { isNodeModulesManifest, isPythonMetadata, parseApkInstalled, parseDpkgStatus, parsePackageJson, parsePythonMetadata } from './inventory.js';
import { scanFile, secretPlan, wantsSecretScan, type ImageSecretHit } from './secret-scan.js';
import { UserError } from '../../engine/types.js';
import { FileSource, PrefixedSource, StreamSource, TapSource, walkTar, type ByteSource, type EntryBody, type TarHeader } from './tar-walk.js';

export interface RawEntry {
  path: string;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkTarget?: string;
  /** A whiteout: 'file' deletes `path` (and below); 'opaque' hides what lower layers hold under `path`. */
  whiteout?: 'file' | 'opaque';
}

export interface LayerSecret extends ImageSecretHit { path: string }

export interface LayerScan {
  entries: RawEntry[];
  /** Kept small text files, by image path. */
  texts: Map<string, string>;
  /** Package records read from files of this layer (npm package.json, Python METADATA). */
  packages: PackageRef[];
  /** The packages of each package database of this layer (dpkg status, status.d, apk), parsed as
   *  the layer is read: the facts are kept, not the (possibly tens of MB of) text. */
  packageFiles?: Map<string, PackageRef[]>;
  secrets: LayerSecret[];
  problems: Omit<LayerProblem, 'layer'>[];
  /** sha256:… of the bytes as stored, and of the uncompressed tar. */
  rawDigest: string;
  diffId: string;
  size: number;
  uncompressedSize: number;
  compression: 'none' | 'gzip' | 'zstd';
}

export interface ScanLimits {
  /** Largest uncompressed layer accepted (bytes). */
  maxLayerBytes: number;
  /** Beyond this many uncompressed bytes, a compression ratio above maxRatio is a bomb. */
  bombFloorBytes: number;
  maxRatio: number;
  /** Largest zstd window accepted (the decoder allocates it). */
  maxZstdWindow: number;
  /** Most tar entries accepted in one layer (the index keeps metadata for each). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxLayerBytes: 16 * 1024 ** 3,
  bombFloorBytes: 256 * 1024 ** 2,
  maxRatio: 1000,
  maxZstdWindow: 256 * 1024 ** 2,
  maxEntries: 2_000_000,
};

/** Text files the rules and the inventory read, and the most of each that is kept. */
const KEEP_EXACT: Record<string, number> = {
  '/etc/passwd': 1 << 20,
  '/etc/group': 1 << 20,
  '/etc/shadow': 1 << 20,
  '/etc/gshadow': 1 << 20,
  '/etc/os-release': 64 << 10,
  '/usr/lib/os-release': 64 << 10,
  '/etc/alpine-release': 4 << 10,
  '/etc/debian_version': 4 << 10,
  '/var/lib/dpkg/status': 32 << 20,
  '/lib/apk/db/installed': 32 << 20,
  '/etc/sudoers': 1 << 20,
};
const PACKAGE_FILE_MAX = 1 << 20;

/** Package databases: parsed when read, their text not kept. */
function isPackageDatabase(path: string): boolean {
  return path === '/var/lib/dpkg/status' || path === '/lib/apk/db/installed' || path.startsWith('/var/lib/dpkg/status.d/');
}

/** Most packages kept from one package database (real ones hold a few thousand). */
export const MAX_PACKAGES_PER_FILE = 50_000;

/** What one image read may keep in memory across all its layers, shared by their collectors:
 *  a hundred layers each holding a 32 MiB package database must not add up. */
export interface ImageBudget {
  /** Bytes of kept text left. */
  textBytes: number;
  /** Package records left. */
  packages: number;
}

export function imageBudget(): ImageBudget {
  return { textBytes: 64 << 20, packages: 200_000 };
}

/** Collects what a layer holds, entry by entry. The tar reader feeds it from a stream; the test
 *  description format feeds it directly — both go through the same decisions. */
export class LayerCollector {
  readonly entries: RawEntry[] = [];
  readonly texts = new Map<string, string>();
  readonly packages: PackageRef[] = [];
  readonly packageFiles = new Map<string, PackageRef[]>();
  readonly secrets: LayerSecret[] = [];
  readonly problems: Omit<LayerProblem, 'layer'>[] = [];

  constructor(private readonly budget: ImageBudget = imageBudget()) {}

  /** Records the header; returns how many content bytes to keep (0: drain it). */
  header(h: { name?: string | null; type?: string | null; mode?: number | null; uid?: number | null; gid?: number | null; size?: number | null; linkname?: string | null }): { path: string; keep: number } | null {
    const name = h.name ?? '';
    if (name.includes('..') && name.split('/').includes('..')) {
      this.problems.push({ kind: 'unsafe-path', path: name.slice(0, 300), detail: 'the name climbs out of the root with ..' });
      return null;
    }
    if (name.startsWith('/')) {
      this.problems.push({ kind: 'unsafe-path', path: name.slice(0, 300), detail: 'the name is absolute' });
    }
    const path = plainPath(name) ?? normalizeImagePath(name);
    if (path === '/') return null;
    const base = path.slice(path.lastIndexOf('/') + 1);
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    if (base === '.wh..wh..opq') {
      this.entries.push({ path: dir, type: 'dir', mode: 0, uid: 0, gid: 0, size: 0, whiteout: 'opaque' });
      return null;
    }
    if (base.startsWith('.wh.')) {
      this.entries.push({ path: `${dir === '/' ? '' : dir}/${base.slice(4)}`, type: 'file', mode: 0, uid: 0, gid: 0, size: 0, whiteout: 'file' });
      return null;
    }
    const type = fileType(h.type);
    const size = type === 'file' ? Math.max(0, h.size ?? 0) : 0;
    const entry: RawEntry = { path, type, mode: (h.mode ?? 0) & 0o7777, uid: h.uid ?? 0, gid: h.gid ?? 0, size };
    if (h.linkname) {
      entry.linkTarget = type === 'hardlink' ? normalizeImagePath(h.linkname) : h.linkname;
      if (type === 'symlink' && !h.linkname.startsWith('/') && escapesRoot(dir, h.linkname)) {
        this.problems.push({ kind: 'symlink-outside', path, detail: `points to ${h.linkname.slice(0, 200)}, above the root` });
      }
    }
    if (type === 'char' || type === 'block') {
      this.problems.push({ kind: 'device-file', path, detail: `a ${type} device node` });
    }
    this.entries.push(entry);
    if (type !== 'file') return null;
    let keep = KEEP_EXACT[path] ?? 0;
    if (path.startsWith('/var/lib/dpkg/status.d/')) keep = PACKAGE_FILE_MAX;
    if (isNodeModulesManifest(path) || isPythonMetadata(path)) keep = PACKAGE_FILE_MAX;
    const plan = secretPlan(path, size);
    if (plan.scan) keep = Math.max(keep, size);
    else if (plan.byName) this.secrets.push({ path, kind: plan.byName, line: 0, redacted: `(${size} bytes, not read)` });
    if (keep > 0 && size > keep) {
      if (KEEP_EXACT[path]) this.problems.push({ kind: 'content-too-large', path, detail: `${size} bytes, more than the ${keep} read` });
      return null;
    }
    return keep > 0 ? { path, keep } : null;
  }

  /** The kept content of the entry header() asked for. */
  content(path: string, data: Buffer): void {
    if (isPackageDatabase(path)) {
      const room = Math.min(MAX_PACKAGES_PER_FILE, Math.max(0, this.budget.packages));
      const text = data.toString('utf8');
      let found = path === '/lib/apk/db/installed' ? parseApkInstalled(text, path, room) : parseDpkgStatus(text, path, room);
      if (found.length > room) {
        this.problems.push({ kind: 'content-too-large', path, detail: `more than ${room} packages; the first ${room} kept${room < MAX_PACKAGES_PER_FILE ? ' (the image\'s budget of packages is spent)' : ''}` });
        found = found.slice(0, room);
      }
      this.budget.packages -= found.length;
      // fresh strings: slices of the text would keep all of it alive
      this.packageFiles.set(path, JSON.parse(JSON.stringify(found)) as PackageRef[]);
    } else if (Object.hasOwn(KEEP_EXACT, path)) {
      if (data.length > this.budget.textBytes) {
        this.problems.push({ kind: 'content-too-large', path, detail: `${data.length} bytes, more than the image's budget of kept text left` });
      } else {
        this.budget.textBytes -= data.length;
        this.texts.set(path, data.toString('utf8'));
      }
    }
    if (isNodeModulesManifest(path)) {
      const p = parsePackageJson(data.toString('utf8'), path);
      if (p) this.packages.push(p);
    } else if (isPythonMetadata(path)) {
      const p = parsePythonMetadata(data.toString('utf8'), path);
      if (p) this.packages.push(p);
    }
    if (wantsSecretScan(path, data.length)) {
      for (const hit of scanFile(path, data)) this.secrets.push({ path, ...hit });
    }
  }
}

/** normalizeImagePath of the common name (relative, no empty, . or .. parts, a trailing slash
 *  at most) without splitting it; null for any other, left to normalizeImagePath. */
export function plainPath(name: string): string | null {
  const n = name.endsWith('/') ? name.slice(0, -1) : name;
  if (n === '' || n === '.' || n.startsWith('/') || n.endsWith('/') || n.startsWith('./') || n.endsWith('/.') || n.includes('//') || n.includes('/./') || n.includes('..')) return null;
  return `/${n}`;
}

function fileType(t: string | null | undefined): FileType {
  switch (t) {
    case 'file': case 'contiguous-file': case undefined: case null: return 'file';
    case 'directory': return 'dir';
    case 'symlink': return 'symlink';
    case 'link': return 'hardlink';
    case 'character-device': return 'char';
    case 'block-device': return 'block';
    case 'fifo': return 'fifo';
    default: return 'other';
  }
}

function escapesRoot(dir: string, target: string): boolean {
  let depth = dir.split('/').filter(Boolean).length;
  for (const part of target.split('/')) {
    if (part === '..') { if (--depth < 0) return true; } else if (part !== '' && part !== '.') depth++;
  }
  return false;
}

/** A problem in the bytes of one input: its message names the input; becomes a target error. */
export class ImageReadError extends UserError {}

export interface ScanOptions {
  limits?: Partial<ScanLimits>;
  /** Called with the number of stored bytes read so far. */
  onBytes?: (n: number) => void;
  /** For messages. */
  label: string;
  /** false: do not hash layers (no digest verification; faster on CPUs without SHA extensions). */
  verify?: boolean;
  /** Shared by the layers of one image read (a fresh one per layer when absent). */
  budget?: ImageBudget;
}

export function sniff(head: Buffer): 'gzip' | 'zstd' | 'tar' | 'json' | 'unknown' {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  if (head.length >= 1024 && head.subarray(0, 1024).every((b) => b === 0)) return 'tar';
  if (head.length === 0) return 'tar';
  const first = head.toString('utf8', 0, Math.min(head.length, 64)).trimStart();
  if (first.startsWith('{') || first.startsWith('[')) return 'json';
  return 'unknown';
}

/** The window a zstd frame header asks the decoder to allocate. */
export function zstdWindow(head: Buffer): number {
  if (head.length < 6) return 0;
  const flg = head[4];
  const singleSegment = (flg >> 5) & 1;
  if (!singleSegment) {
    const wd = head[5];
    const base = 2 ** (10 + (wd >> 3));
    return base + (base / 8) * (wd & 7);
  }
  const fcf = flg >> 6;
  const dictBytes = [0, 1, 2, 4][flg & 3];
  const at = 5 + dictBytes;
  const sizeBytes = fcf === 0 ? 1 : 2 ** fcf;
  if (head.length < at + sizeBytes) return 0;
  let v = 0;
  for (let i = sizeBytes - 1; i >= 0; i--) v = v * 256 + head[at + i];
  return fcf === 1 ? v + 256 : v;
}

class ZstdStream extends Transform {
  private readonly d: ZstdDecompress;
  constructor() {
    super();
    this.d = new ZstdDecompress((chunk) => { this.push(Buffer.from(chunk)); });
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    try { this.d.push(chunk); cb(); } catch (err) { cb(new Error(`zstd: ${(err as Error).message}`)); }
  }
  override _flush(cb: TransformCallback): void {
    try { this.d.push(new Uint8Array(0), true); cb(); } catch (err) { cb(new Error(`zstd: ${(err as Error).message}`)); }
  }
}

/** Hashes and counts the uncompressed tar, and stops a decompression bomb. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly compressed: boolean, private readonly hashing: boolean, private readonly limits: ScanLimits, private readonly rawBytes: () => number, private readonly label: string) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    const l = this.limits;
    if (this.bytes > l.maxLayerBytes) {
      cb(new ImageReadError(`${this.label}: the layer decompresses to more than ${fmtBytes(l.maxLayerBytes)}; stopped reading it`, 'a decompression bomb or a corrupt layer; nothing was written'));
      return;
    }
    if (this.compressed && this.bytes > l.bombFloorBytes && this.bytes > l.maxRatio * Math.max(1, this.rawBytes())) {
      cb(new ImageReadError(`${this.label}: the layer expands more than ${l.maxRatio}x (${fmtBytes(this.bytes)} from ${fmtBytes(this.rawBytes())}); stopped reading it as a decompression bomb`, 'nothing was written; inspect where this image came from'));
      return;
    }
    // An uncompressed layer's diff id is its raw digest: hashed once, upstream.
    if (this.compressed && this.hashing) this.hash.update(chunk);
    cb(null, chunk);
  }
}

export function fmtBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

export type BlobResult =
  | { kind: 'layer'; scan: LayerScan; settle: Promise<void> | null }
  | { kind: 'data'; digest: string; data: Buffer; size: number }
  | { kind: 'skipped'; size: number };

/** A blob that lies in an open file (a docker-save tar, an OCI layout): its layer is walked with
 *  positioned reads and hashed by `hash` (a HashPool: on a worker thread when it is large). */
export interface BlobInFile {
  fd: number;
  start: number;
  /** The file's size: a blob that claims to go past it is truncated. */
  fileSize: number;
  hash: (fd: number, start: number, size: number) => Promise<string>;
}

/** Reads one blob of `size` bytes from `body` (a layer, a config, a manifest — sniffed, since a
 *  tar may hold them in any order): a layer is scanned, a small JSON document kept, anything
 *  else skipped unread. A layer in a file (`file`) is walked by seeking; its digest comes later
 *  (`settle` fills rawDigest and diffId) so the next layer is walked while this one is hashed. */
export async function readBlob(body: ByteSource, size: number, opts: ScanOptions & { maxDataBytes?: number; file?: BlobInFile }): Promise<BlobResult> {
  // a copy: the source may reuse its buffer
  const head = Buffer.from(await body.read(Math.min(1024, size)));
  const kind = sniff(head);
  if (kind === 'json' || kind === 'unknown') {
    const keep = opts.maxDataBytes ?? 8 << 20;
    if (kind === 'json' && size <= keep) {
      const rest = size > head.length ? Buffer.from(await body.read(size - head.length)) : Buffer.alloc(0);
      const data = rest.length ? Buffer.concat([head, rest]) : head;
      opts.onBytes?.(data.length);
      return { kind: 'data', digest: `sha256:${createHash('sha256').update(data).digest('hex')}`, data, size };
    }
    opts.onBytes?.(size);
    return { kind: 'skipped', size };
  }
  return scanLayer(kind, head, body, size, opts);
}

async function scanLayer(kind: 'gzip' | 'zstd' | 'tar', head: Buffer, body: ByteSource, size: number, opts: ScanOptions & { file?: BlobInFile }): Promise<BlobResult> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const verify = opts.verify !== false;
  if (size > limits.maxLayerBytes) throw new ImageReadError(`${opts.label}: the layer is larger than ${fmtBytes(limits.maxLayerBytes)}; stopped reading it`, 'raise the limit or check the input');
  if (kind === 'zstd') {
    const w = zstdWindow(head);
    if (w > limits.maxZstdWindow) {
      throw new ImageReadError(`${opts.label}: the zstd layer asks for a ${fmtBytes(w)} window (the most accepted is ${fmtBytes(limits.maxZstdWindow)}); not decompressed`, 'a decompression bomb or a corrupt layer; nothing was written');
    }
  }
  const file = opts.file;
  // the layer from its first byte: in a file, a fresh positioned view; in a stream, the head
  // read for the sniff, then the rest
  const whole: ByteSource = file ? new FileSource(file.fd, file.start, file.start + size, undefined, file.fileSize) : new PrefixedSource(head, body);
  // a layer in a file is hashed from the file (on a worker when large), side by side with the walk
  const fileDigest = file && verify && file.start + size <= file.fileSize ? file.hash(file.fd, file.start, size) : null;
  fileDigest?.catch(noop); // awaited below; a walk error must not leave it unhandled
  const rawHash = verify && !file ? createHash('sha256') : null;

  const collector = new LayerCollector(opts.budget);
  let entryCount = 0;
  // most entries are not read: no promise for them
  const onEntry = (h: TarHeader, entry: EntryBody): Promise<void> | undefined => {
    if (++entryCount > limits.maxEntries) {
      throw new ImageReadError(`${opts.label}: the layer holds more than ${limits.maxEntries} entries; stopped reading it`, 'an entry bomb or a corrupt layer; nothing was written');
    }
    const want = collector.header(h);
    if (!want) return undefined;
    // the kept bytes only (the source's buffer: content() keeps strings and facts, not it)
    return entry.read(Math.min(want.keep, Math.max(0, h.size))).then((data) => { collector.content(want.path, data); });
  };

  let meter: Meter | null = null;
  let reported = 0;
  const progress = (pos: number) => { opts.onBytes?.(pos - reported); reported = pos; };
  try {
    if (kind === 'tar') {
      const src = rawHash ? new TapSource(whole, (b) => rawHash.update(b)) : whole;
      const base = whole.position;
      await walkTar(src, onEntry, { onProgress: (p) => { progress(p - base); } });
      progress(src.position - base);
    } else {
      meter = new Meter(true, verify, limits, () => reported, opts.label);
      await walkCompressed(kind, whole, size, meter, rawHash, onEntry, (n) => { opts.onBytes?.(n); reported += n; });
    }
  } catch (err) {
    if (err instanceof ImageReadError) throw err;
    const msg = thrownText(err);
    throw new ImageReadError(`${opts.label}: not a readable layer (${describeTarError(msg)})`, 'the file is truncated, corrupt or not an image layer; nothing was written');
  }
  const rawDigest = rawHash ? `sha256:${rawHash.digest('hex')}` : '';
  const scan: LayerScan = {
    entries: collector.entries,
    texts: collector.texts,
    packages: collector.packages,
    packageFiles: collector.packageFiles,
    secrets: collector.secrets,
    problems: collector.problems,
    rawDigest,
    diffId: meter === null || !verify ? rawDigest : `sha256:${meter.hash.digest('hex')}`,
    size,
    uncompressedSize: meter === null ? size : meter.bytes,
    compression: kind === 'tar' ? 'none' : kind,
  };
  const settle = fileDigest?.then(
    (d) => {
      scan.rawDigest = d;
      // an uncompressed layer's diff id is its raw digest
      if (kind === 'tar') scan.diffId = d;
    },
    (err: unknown) => { throw new ImageReadError(`${opts.label}: cannot read the layer (${thrownText(err)})`, 'the file changed or is truncated'); },
  ) ?? null;
  return { kind: 'layer', scan, settle };
}

/** A gzip or zstd layer: its stored bytes hashed and counted as they are read, decompressed,
 *  metered (the diff id, the bomb checks) and walked. */
async function walkCompressed(kind: 'gzip' | 'zstd', whole: ByteSource, size: number, meter: Meter, rawHash: Hash | null, onEntry: (h: TarHeader, e: EntryBody) => Promise<void> | undefined, onRaw: (n: number) => void): Promise<void> {
  async function* raw(): AsyncGenerator<Buffer> {
    for (let left = size; left > 0;) {
      // a copy: the source may reuse its buffer, and the decompressor holds on to chunks; an
      // archive that ends first is the compressed stream ending early
      let b: Buffer;
      try {
        b = Buffer.from(await whole.read(Math.min(left, 256 << 10)));
      } catch {
        b = Buffer.alloc(0);
      }
      if (b.length === 0) throw new Error('unexpected end of file');
      rawHash?.update(b);
      left -= b.length;
      onRaw(b.length);
      yield b;
    }
  }
  const decompress = kind === 'gzip' ? createGunzip() : new ZstdStream();
  const state: { failed: Error | null } = { failed: null };
  const done = new Promise<void>((resolve) => {
    pipelineCb(Readable.from(raw(), { objectMode: false }), decompress, meter, (err) => { if (err) state.failed = err; resolve(); });
  });
  try {
    await walkTar(new StreamSource(meter as AsyncIterable<Buffer>), onEntry);
  } catch (err) {
    // a failed stage (a bomb, corrupt data) reaches the walk through the stream it reads
    meter.destroy();
    await done;
    throw err;
  }
  await done;
  if (state.failed) throw state.failed;
}

function noop(): void { /* handled where awaited */ }

export function describeTarError(msg: string): string {
  if (/Unexpected end of data/i.test(msg)) return 'the tar ends in the middle of an entry: truncated';
  if (/Invalid tar header|Invalid header/i.test(msg)) return 'an invalid tar header';
  if (/Header exceeds max size/i.test(msg)) return 'a PAX or long-name header larger than the 1 MiB allowed';
  if (/unexpected end of file/i.test(msg)) return 'the compressed stream ends early: truncated';
  if (/incorrect header check|invalid/i.test(msg)) return `corrupt compressed data: ${msg}`;
  return msg;
}

/** The message of a thrown value (an Error's, or any object's `message`), else its string form. */
export function thrownText(err: unknown): string {
  const message: unknown = typeof err === 'object' && err !== null && 'message' in err ? err.message : undefined;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a message that is no string is shown as JavaScript shows it
  return message === undefined || message === null ? String(err) : String(message);
}
