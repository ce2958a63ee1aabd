// Generators of hostile images for the reader tests and for measuring memory by hand:
//   node dist/test/targets/image/hostile-images.js OUTDIR   writes each as a file or layout.
import { gzipSync } from 'node:zlib';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { dockerSave, makeTar, ociLayout, sha256, writeLayout, type ImageSpec } from './build.js';

/** A dpkg status of exactly `bytes` bytes made of installed-package paragraphs. */
export function dpkgStatus(bytes: number): Buffer {
  const para = Buffer.from('Package: pkg\nStatus: install ok installed\nVersion: 1.0\nArchitecture: amd64\n\n');
  return Buffer.alloc(bytes, para);
}

/** `count` gzip layers each holding a status of `statusBytes` bytes: the status member is
 *  compressed once and each layer starts with its own small member (gzip members concatenate). */
export function manyStatusLayers(count: number, statusBytes: number): Buffer {
  const status = gzipSync(makeTar([{ name: 'var/lib/dpkg/status', data: dpkgStatus(statusBytes) }], true), { level: 9 });
  const layers: Buffer[] = [];
  for (let i = 0; i < count; i++) layers.push(Buffer.concat([gzipSync(makeTar([{ name: `etc/layer-${i}`, data: `${i}\n` }], false)), status]));
  return dockerSave([{ layers, repoTags: ['hostile/status:1'] }]);
}

/** An OCI layout whose index nests `levels` indexes, each naming the next `width` times. */
export function repeatingIndex(dir: string, levels: number, width: number): void {
  const files = ociLayout([{ spec: { layers: [makeTar([{ name: 'etc/x', data: '1' }])] } }]);
  const index = files.get('index.json');
  if (!index) throw new Error('the layout has no index.json');
  const top = JSON.parse(index.toString()) as { manifests: unknown[] };
  let manifests = top.manifests;
  for (let l = 0; l < levels; l++) {
    const data = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
    const digest = sha256(data);
    files.set(`blobs/sha256/${digest.slice(7)}`, data);
    const d = { mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: data.length };
    manifests = Array(width).fill(d);
  }
  files.set('index.json', Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests })));
  writeLayout(dir, files);
}

/** An OCI layout whose single layer blob is replaced by `what`: a link to a device, or a FIFO. */
export function layoutWithBadLayer(dir: string, what: '/dev/zero' | '/dev/urandom' | 'fifo'): void {
  const layer = makeTar([{ name: 'etc/x', data: '1' }]);
  const files = ociLayout([{ spec: { layers: [layer] }, compression: 'none' }]);
  writeLayout(dir, files);
  const p = join(dir, 'blobs', 'sha256', sha256(layer).slice(7));
  rmSync(p);
  if (what === 'fifo') spawnSync('mkfifo', [p]);
  else symlinkSync(what, p);
}

/** A docker-save archive whose config history is `history` (anything JSON can hold). */
export function badHistory(history: unknown): Buffer {
  const spec: ImageSpec = { layers: [makeTar([{ name: 'etc/x', data: '1' }])] };
  (spec as { history?: unknown }).history = history;
  return dockerSave([spec]);
}

/** One layer whose dpkg status lists `count` packages. */
export function manyPackages(count: number): Buffer {
  const para = (i: number) => `Package: p${i}\nStatus: install ok installed\nVersion: 1\n\n`;
  const text = Array.from({ length: count }, (_, i) => para(i)).join('');
  return dockerSave([{ layers: [makeTar([{ name: 'var/lib/dpkg/status', data: text }])] }]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2] ?? 'hostile-images';
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'status-layers.tar'), manyStatusLayers(100, 32 << 20));
  repeatingIndex(join(out, 'index-bomb'), 8, 40);
  layoutWithBadLayer(join(out, 'urandom'), '/dev/urandom');
  layoutWithBadLayer(join(out, 'fifo'), 'fifo');
  writeFileSync(join(out, 'history-null.tar'), badHistory([null, { created_by: 'x' }]));
  writeFileSync(join(out, 'history-object.tar'), badHistory({ a: 1 }));
  writeFileSync(join(out, 'packages.tar'), manyPackages(200_000));
}
