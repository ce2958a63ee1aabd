// Generates a docker-save tarball (legacy layout: manifest.json, config, <id>/layer.tar) of about
// the given size, with many small files and a few large ones, without a Docker engine.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import tar from 'tar-stream';

interface Made { bytes: number; files: number; layers: number }

async function writeEntry(pack: tar.Pack, header: Partial<tar.Header> & { name: string }, body: Buffer | (() => Iterable<Buffer> | AsyncIterable<Buffer>)): Promise<void> {
  if (Buffer.isBuffer(body)) {
    await new Promise<void>((res, rej) => pack.entry(header, body, (err) => { if (err) rej(err); else res(); }));
    return;
  }
  let entry!: tar.Pack extends { entry(h: never, cb: never): infer S } ? S : never;
  const done = new Promise<void>((res, rej) => { entry = pack.entry(header, (err) => { if (err) rej(err); else res(); }); });
  for await (const chunk of body()) {
    if (!entry.write(chunk)) await once(entry, 'drain');
  }
  entry.end(undefined);
  await done;
}

/** Writes one layer tar to `path`, returning its sha256 (the diff id) and size. */
async function writeLayer(path: string, fill: (pack: tar.Pack) => Promise<number>): Promise<{ digest: string; size: number; files: number }> {
  const pack = tar.pack();
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  pack.on('data', (chunk: unknown) => { hash.update(chunk as Buffer); });
  pack.pipe(out);
  const files = await fill(pack);
  pack.finalize();
  await once(out, 'close');
  return { digest: hash.digest('hex'), size: statSync(path).size, files };
}

export async function makeDockerSaveTar(path: string, megabytes: number): Promise<Made> {
  const stamp = `${path}.complete`;
  const layerPaths = [0, 1, 2].map((i) => `${path}.layer${i}`);
  if (existsSync(stamp) && existsSync(path)) {
    return { bytes: statSync(path).size, files: Number((await import('node:fs')).readFileSync(stamp, 'utf8')), layers: 3 };
  }
  const block = randomBytes(1 << 20);
  const big = (size: number) => function* () {
    for (let left = size; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
  };
  const target = megabytes * 1e6;
  const smallCount = Math.floor(target * 0.1 / 4096);
  const bigCount = 4;
  const bigSize = Math.floor(target * 0.9 / (bigCount * 2));

  const layers = [
    await writeLayer(layerPaths[0], async (pack) => {
      await writeEntry(pack, { name: 'etc/', type: 'directory', mode: 0o755 }, Buffer.alloc(0));
      await writeEntry(pack, { name: 'etc/passwd', mode: 0o644 }, Buffer.from('root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/home/app:/usr/sbin/nologin\n'));
      await writeEntry(pack, { name: 'etc/group', mode: 0o644 }, Buffer.from('root:x:0:\napp:x:10001:\n'));
      await writeEntry(pack, { name: 'etc/os-release', mode: 0o644 }, Buffer.from('ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'));
      await writeEntry(pack, { name: 'usr/bin/su', mode: 0o4755 }, Buffer.alloc(2048, 1));
      let n = 5;
      for (let i = 0; i < smallCount; i++) {
        await writeEntry(pack, { name: `usr/share/data/d${Math.floor(i / 1000)}/f${i}.txt`, mode: 0o644 }, block.subarray(i % 1000, (i % 1000) + 4096));
        n++;
      }
      return n;
    }),
    await writeLayer(layerPaths[1], async (pack) => {
      for (let i = 0; i < bigCount; i++) await writeEntry(pack, { name: `opt/app/blob${i}.bin`, mode: 0o644, size: bigSize }, big(bigSize));
      return bigCount;
    }),
    await writeLayer(layerPaths[2], async (pack) => {
      for (let i = 0; i < bigCount; i++) await writeEntry(pack, { name: `opt/data/blob${i}.bin`, mode: 0o644, size: bigSize }, big(bigSize));
      await writeEntry(pack, { name: 'opt/app/.wh.blob0.bin', mode: 0o644 }, Buffer.alloc(0));
      return bigCount + 1;
    }),
  ];

  const config = Buffer.from(JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { User: '10001:10001', Env: ['PATH=/usr/local/bin:/usr/bin:/bin'], Cmd: ['/opt/app/run'], Labels: { 'org.opencontainers.image.title': 'bench' } },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => `sha256:${l.digest}`) },
    history: layers.map((_, i) => ({ created_by: `/bin/sh -c #(nop) generated layer ${i}` })),
  }));
  const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
  const manifest = Buffer.from(JSON.stringify([{ Config: configName, RepoTags: ['bench/image:latest'], Layers: layers.map((l) => `${l.digest}/layer.tar`) }]));

  const pack = tar.pack();
  const out = createWriteStream(path);
  pack.pipe(out);
  await writeEntry(pack, { name: configName }, config);
  for (let i = 0; i < layers.length; i++) {
    const l = layers[i];
    await writeEntry(pack, { name: `${l.digest}/`, type: 'directory' }, Buffer.alloc(0));
    await writeEntry(pack, { name: `${l.digest}/layer.tar`, size: l.size }, () => createReadStream(layerPaths[i]) as AsyncIterable<Buffer>);
  }
  await writeEntry(pack, { name: 'manifest.json' }, manifest);
  pack.finalize();
  await once(out, 'close');
  for (const p of layerPaths) unlinkSync(p);
  const files = layers.reduce((n, l) => n + l.files, 0);
  (await import('node:fs')).writeFileSync(stamp, String(files));
  return { bytes: statSync(path).size, files, layers: layers.length };
}
