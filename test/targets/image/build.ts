// Writes tars, docker-save archives and OCI layouts in memory for the reader tests — with a
// hand-made tar header writer, so hostile archives (.. names, GNU long names, huge PAX headers,
// truncation) can be made exactly.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TarEntry {
  name: string;
  /** '0' file, '1' hard link, '2' symlink, '3' char device, '5' directory, 'L' GNU long name, 'x' PAX. */
  type?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  data?: Buffer | string;
  linkname?: string;
  /** Declared size when it must differ from the data (hostile headers). */
  size?: number;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name.slice(0, 100), 0, 'utf8');
  h.write(octal(e.mode ?? (e.type === '5' ? 0o755 : 0o644), 8), 100);
  h.write(octal(e.uid ?? 0, 8), 108);
  h.write(octal(e.gid ?? 0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(0, 12), 136);
  h.write('        ', 148);
  h.write(e.type ?? '0', 156);
  if (e.linkname) h.write(e.linkname.slice(0, 100), 157);
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148);
  return h;
}

function pad(n: number): Buffer {
  return Buffer.alloc((512 - (n % 512)) % 512);
}

/** A tar of the entries; `end: false` leaves out the two zero blocks. */
export function makeTar(entries: TarEntry[], end = true): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.data === undefined ? Buffer.alloc(0) : Buffer.from(e.data);
    parts.push(tarHeader(e, e.size ?? data.length), data, pad(data.length));
  }
  if (end) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** A PAX extended header entry followed by its file (for long names). */
export function paxEntry(records: Record<string, string>): TarEntry {
  let body = '';
  for (const [k, v] of Object.entries(records)) {
    const rest = ` ${k}=${v}\n`;
    let len = rest.length + 1;
    while (String(len).length + rest.length !== len) len = String(len).length + rest.length;
    body += `${len}${rest}`;
  }
  return { name: 'PaxHeader', type: 'x', data: body };
}

export function sha256(b: Buffer | string): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}

/** A zstd frame of raw (stored) blocks: valid zstd without a compressor. */
export function zstdRaw(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58])]; // magic, no FCS, window 2^(10+11)
  const max = 128 * 1024;
  for (let off = 0; off < data.length || off === 0; off += max) {
    const chunk = data.subarray(off, off + max);
    const last = off + max >= data.length ? 1 : 0;
    const h = (chunk.length << 3) | (0 << 1) | last;
    parts.push(Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), chunk);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}

export interface ImageSpec {
  layers: Buffer[];
  config?: Record<string, unknown>;
  history?: { created_by: string; empty_layer?: boolean }[];
  repoTags?: string[];
}

export function configDoc(spec: ImageSpec, diffIds: string[]): Buffer {
  return Buffer.from(JSON.stringify({
    architecture: 'amd64', os: 'linux',
    config: spec.config ?? {},
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: spec.history ?? spec.layers.map((_, i) => ({ created_by: `/bin/sh -c #(nop) layer ${i}` })),
  }));
}

/** The legacy layout `docker save` writes: <id>/layer.tar, <config>.json, manifest.json last. */
export function dockerSave(images: ImageSpec[], opts: { tamperLayer?: number } = {}): Buffer {
  const entries: TarEntry[] = [];
  const manifest: unknown[] = [];
  const written = new Set<string>();
  for (const spec of images) {
    const diffIds = spec.layers.map((l) => sha256(l));
    const cfg = configDoc(spec, diffIds);
    const cfgName = `${sha256(cfg).slice(7)}.json`;
    const names: string[] = [];
    spec.layers.forEach((l, i) => {
      const id = sha256(diffIds[i]).slice(7);
      names.push(`${id}/layer.tar`);
      if (written.has(id)) return;
      written.add(id);
      let bytes = l;
      if (opts.tamperLayer === i) { bytes = Buffer.from(l); bytes[bytes.length - 1025] = 0x58; }
      entries.push({ name: `${id}/`, type: '5' }, { name: `${id}/VERSION`, data: '1.0' }, { name: `${id}/layer.tar`, data: bytes });
    });
    entries.push({ name: cfgName, data: cfg });
    manifest.push({ Config: cfgName, RepoTags: spec.repoTags ?? null, Layers: names });
  }
  entries.push({ name: 'manifest.json', data: JSON.stringify(manifest) });
  return makeTar(entries);
}

export interface OciBlob { digest: string; data: Buffer; mediaType: string }

/** An OCI layout's files (path → bytes): index.json (optionally a nested index per platform),
 *  manifests, configs and layers (gzip, zstd or plain). */
export function ociLayout(images: { spec: ImageSpec; platform?: string; compression?: 'gzip' | 'zstd' | 'none'; name?: string }[], opts: { nested?: boolean; tamperLayer?: boolean } = {}): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const put = (data: Buffer, mediaType: string) => {
    const digest = sha256(data);
    files.set(`blobs/sha256/${digest.slice(7)}`, data);
    return { mediaType, digest, size: data.length };
  };
  const descs = images.map(({ spec, platform, compression = 'gzip', name }) => {
    const diffIds = spec.layers.map((l) => sha256(l));
    const layerDescs = spec.layers.map((l) => {
      const blob = compression === 'gzip' ? gzipSync(l) : compression === 'zstd' ? zstdRaw(l) : l;
      const mt = compression === 'gzip' ? 'application/vnd.oci.image.layer.v1.tar+gzip' : compression === 'zstd' ? 'application/vnd.oci.image.layer.v1.tar+zstd' : 'application/vnd.oci.image.layer.v1.tar';
      return put(blob, mt);
    });
    if (opts.tamperLayer) {
      const d = layerDescs[0];
      const p = `blobs/sha256/${d.digest.slice(7)}`;
      const orig = files.get(p);
      if (!orig) throw new Error(`no blob ${p}`);
      files.delete(p);
      d.digest = sha256(Buffer.concat([orig, Buffer.from('x')]));
      files.set(`blobs/sha256/${d.digest.slice(7)}`, orig);
    }
    const [os, architecture, variant] = (platform ?? 'linux/amd64').split('/');
    const cfg = put(configDoc(spec, diffIds), 'application/vnd.oci.image.config.v1+json');
    const manifest = put(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: cfg, layers: layerDescs })), 'application/vnd.oci.image.manifest.v1+json');
    return { ...manifest, platform: { os, architecture, ...(variant ? { variant } : {}) }, ...(name ? { annotations: { 'org.opencontainers.image.ref.name': name } } : {}) };
  });
  let top = descs;
  if (opts.nested) {
    const inner = put(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: descs })), 'application/vnd.oci.image.index.v1+json');
    top = [{ ...inner, annotations: { 'org.opencontainers.image.ref.name': 'app:1.0' } } as never];
  }
  files.set('oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}'));
  files.set('index.json', Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: top })));
  return files;
}

export function writeLayout(dir: string, files: Map<string, Buffer>): void {
  for (const [p, data] of files) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  }
}

export function layoutTar(files: Map<string, Buffer>): Buffer {
  return makeTar([...files].map(([name, data]) => ({ name, data })));
}
