import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImages } from '../../../src/targets/image/readers.js';
import { readBothWays } from './both-paths.js';
import { presentFiles } from '../../../src/targets/image/model.js';
import { UserError } from '../../../src/engine/types.js';
import { dockerSave, layoutTar, makeTar, ociLayout, paxEntry, sha256, writeLayout, zstdRaw, type TarEntry } from './build.js';

// every archive is read as a stream and as a file, and the two must agree
const read = (tar: Buffer, opts = {}) => readBothWays(tar, opts);
// Built at run time so the source holds no key.
const KEY = ['-----BEGIN OPENSSH', 'PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', '\n-----END OPENSSH PRIVATE KEY-----\n'].join(' ');

const base: TarEntry[] = [
  { name: 'etc/', type: '5' },
  { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/app:/usr/sbin/nologin\n' },
  { name: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n' },
  { name: 'usr/bin/su', mode: 0o4755, data: 'ELF' },
  { name: 'var/cache/apt/', type: '5' },
  { name: 'var/cache/apt/pkgcache.bin', data: Buffer.alloc(3000, 1) },
  { name: 'var/cache/apt/srcpkgcache.bin', data: Buffer.alloc(3000, 2) },
  { name: 'root/.ssh/id_rsa', mode: 0o600, data: KEY },
  { name: 'var/lib/dpkg/status', data: 'Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\nArchitecture: amd64\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1\n' },
  { name: 'app/node_modules/left-pad/package.json', data: '{"name":"left-pad","version":"1.3.0","license":"WTFPL"}' },
  { name: 'usr/lib/python3/dist-packages/requests-2.28.1.dist-info/METADATA', data: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.28.1\nLicense: Apache 2.0\n\nbody' },
];
const second: TarEntry[] = [
  { name: 'root/.ssh/.wh.id_rsa' },
  { name: 'var/cache/apt/.wh..wh..opq' },
  { name: 'var/cache/apt/kept.bin', data: 'x' },
  { name: 'app/server.js', data: 'console.log(1)\n' },
];

describe('docker-save reader', () => {
  it('merges layers with whiteouts and opaque directories, and keeps what earlier layers held', async () => {
    const tar = dockerSave([{ layers: [makeTar(base), makeTar(second)], repoTags: ['app:1'], config: { User: 'app' } }]);
    const [m] = await read(tar);
    assert.ok(m);
    assert.equal(m.name, 'app:1');
    const present = presentFiles(m);
    assert.ok(present.has('/app/server.js'));
    assert.ok(!present.has('/root/.ssh/id_rsa'), 'whited out');
    assert.ok(!present.has('/var/cache/apt/pkgcache.bin'), 'hidden by the opaque directory');
    assert.ok(present.has('/var/cache/apt/kept.bin'), 'the opaque layer keeps its own entries');
    const deleted = m.files.filter((f) => f.deletedIn !== undefined).map((f) => `${f.path}@${f.layer}-${f.deletedIn}`).sort();
    assert.deepEqual(deleted, ['/root/.ssh/id_rsa@0-1', '/var/cache/apt/pkgcache.bin@0-1', '/var/cache/apt/srcpkgcache.bin@0-1']);
    const secret = m.secrets.find((s) => s.path === '/root/.ssh/id_rsa');
    assert.ok(secret, 'the deleted key is still reported');
    assert.equal(secret.layer, 0);
    assert.equal(secret.removedIn, 1);
    assert.ok(!secret.redacted.includes('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'));
    assert.equal(present.get('/usr/bin/su')?.mode, 0o4755);
    assert.equal(m.layers.length, 2);
    for (const l of m.layers) assert.equal(l.actualDigest, l.declaredDigest);
    assert.equal(m.config.user, 'app');
    assert.equal(m.osRelease?.id, 'debian');
    assert.deepEqual(m.packages.map((p) => `${p.type}:${p.name}@${p.version}`), ['deb:bash@5.2.15-2+b2', 'npm:left-pad@1.3.0', 'pypi:requests@2.28.1']);
  });

  it('reports a layer whose bytes do not match rootfs.diff_ids', async () => {
    const tar = dockerSave([{ layers: [makeTar(base), makeTar(second)] }], { tamperLayer: 1 });
    const [m] = await read(tar);
    assert.notEqual(m.layers[1].actualDigest, m.layers[1].declaredDigest);
    assert.equal(m.layers[0].actualDigest, m.layers[0].declaredDigest);
  });

  it('asks which image when a tar holds several, and audits each with all', async () => {
    const tar = dockerSave([{ layers: [makeTar(base)], repoTags: ['a:1'] }, { layers: [makeTar(second)], repoTags: ['b:2'] }]);
    await assert.rejects(read(tar), (e: Error) => e instanceof UserError && /holds 2 images \(a:1, b:2\)/.test(e.message));
    assert.deepEqual((await read(tar, { all: true })).map((m) => m.name), ['a:1', 'b:2']);
    assert.deepEqual((await read(tar, { image: 'b:2' })).map((m) => m.name), ['b:2']);
    await assert.rejects(read(tar, { image: 'c' }), /no image named c/);
  });
});

describe('OCI layout reader', () => {
  let dir = '';
  before(() => { dir = mkdtempSync(join(tmpdir(), 'tightship-oci-')); });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('reads a directory with gzip layers through a nested index, choosing the platform', async () => {
    const files = ociLayout([
      { spec: { layers: [makeTar(base)], config: { User: 'root' } }, platform: 'linux/amd64' },
      { spec: { layers: [makeTar(base), makeTar(second)], config: { User: 'app' } }, platform: 'linux/arm64/v8' },
    ], { nested: true });
    const d = join(dir, 'nested');
    writeLayout(d, files);
    const [arm] = await readImages(d, '/', { platform: 'linux/arm64' });
    assert.equal(arm.config.user, 'app');
    assert.equal(arm.layers.length, 2);
    assert.equal(arm.layers[0].compression, 'gzip');
    assert.equal(arm.layers[0].actualDiffId, arm.layers[0].diffId);
    assert.equal(arm.name, 'app:1.0');
    const [amd] = await readImages(d, '/', { platform: 'linux/amd64' });
    assert.equal(amd.config.user, 'root');
    await assert.rejects(readImages(d, '/', { platform: 'linux/s390x' }), /no manifest for platform linux\/s390x \(the image offers linux\/amd64, linux\/arm64\/v8\)/);
    const before = readdirSync(d, { recursive: true }).length;
    assert.equal(readdirSync(d, { recursive: true }).length, before, 'nothing written into the layout');
  });

  it('reads an OCI layout tar with zstd layers', async () => {
    const tar = layoutTar(ociLayout([{ spec: { layers: [makeTar(base), makeTar(second)] }, compression: 'zstd' }]));
    const [m] = await read(tar);
    assert.equal(m.layers[0].compression, 'zstd');
    assert.ok(presentFiles(m).has('/app/server.js'));
    assert.equal(m.layers[1].actualDiffId, m.layers[1].diffId);
  });

  it('reports a blob that does not match its descriptor', async () => {
    const tar = layoutTar(ociLayout([{ spec: { layers: [makeTar(base)] } }], { tamperLayer: true }));
    const [m] = await read(tar);
    assert.notEqual(m.layers[0].actualDigest, m.layers[0].declaredDigest);
  });

  it('refuses a directory that is not a layout', async () => {
    await assert.rejects(readImages(dir, '/', {}), /not an OCI image layout/);
  });
});

describe('hostile input', () => {
  const one = (entries: TarEntry[], end = true) => dockerSave([{ layers: [makeTar(entries, end)] }]);

  it('records .. and absolute names, symlinks out of the root and hard links to nothing; never writes', async () => {
    const [m] = await read(one([
      { name: '../../etc/cron.d/evil', data: '* * * * * root sh' },
      { name: '/abs/file', data: 'x' },
      { name: 'etc/', type: '5' },
      { name: 'etc/escape', type: '2', linkname: '../../../../host/etc/shadow' },
      { name: 'etc/ok', type: '2', linkname: '/etc/passwd' },
      { name: 'bin/ghost', type: '1', linkname: 'bin/missing' },
      { name: 'dev/mem', type: '3' },
    ]));
    const kinds = m.problems.map((p) => `${p.kind} ${p.path}`).sort();
    assert.deepEqual(kinds, [
      'device-file /dev/mem',
      'hardlink-missing /bin/ghost',
      'symlink-outside /etc/escape',
      'unsafe-path ../../etc/cron.d/evil',
      'unsafe-path /abs/file',
    ]);
    assert.ok(!presentFiles(m).has('/etc/cron.d/evil'), 'a .. entry is not put in the tree');
    assert.ok(presentFiles(m).has('/abs/file'), 'an absolute name lands under the root, as the engine does');
  });

  it('reads PAX and GNU long names', async () => {
    const long = `opt/${'d'.repeat(120)}/${'f'.repeat(150)}.txt`;
    const gnuName = `srv/${'g'.repeat(200)}/x.env`;
    const [m] = await read(one([
      paxEntry({ path: long }), { name: 'short-ignored', data: 'hello' },
      { name: '././@LongLink', type: 'L', data: `${gnuName}\0` }, { name: 'truncated-name', data: 'DB_PASSWORD=Zq8vPw3rTx7Lm2Nk\n' },
    ]));
    const present = presentFiles(m);
    assert.ok(present.has(`/${long}`));
    assert.ok(present.has(`/${gnuName}`));
    assert.ok(m.secrets.some((s) => s.path === `/${gnuName}`), 'the content under a GNU long name is scanned');
  });

  it('refuses a PAX header larger than 1 MiB with a clear error', async () => {
    const huge: TarEntry = { name: 'PaxHeader', type: 'x', size: 64 * 1024 * 1024, data: '' };
    await assert.rejects(read(one([huge])), (e: Error) => e instanceof UserError && /PAX or long-name header larger/.test(e.message));
  });

  it('refuses a truncated layer and a truncated archive', async () => {
    const layer = makeTar([{ name: 'a', data: Buffer.alloc(5000, 1) }], false).subarray(0, 2000);
    const tar = makeTar([{ name: 'x/layer.tar', data: layer }, { name: 'manifest.json', data: '[]' }]);
    await assert.rejects(read(tar), (e: Error) => e instanceof UserError && /truncated/.test(e.message));
    const whole = dockerSave([{ layers: [makeTar(base)] }]);
    await assert.rejects(read(whole.subarray(0, 3000)), (e: Error) => e instanceof UserError && /truncated|cannot read/.test(e.message));
  });

  it('names the truncated layer alike from a file and a stream, cut at one of its own headers', async () => {
    const layer = makeTar(base);
    const whole = dockerSave([{ layers: [layer] }]);
    // the cut falls on a header boundary inside the layer: from a file, the layer's range still
    // claims the rest, which is not there
    const cut = whole.subarray(0, whole.indexOf(layer) + 1536);
    await assert.rejects(read(cut), (e: Error) => e instanceof UserError && /layer\.tar: not a readable layer \(the tar ends in the middle of an entry: truncated\)/.test(e.message));
  });

  it('reads an archive without its two end blocks, to its last entry', async () => {
    const whole = dockerSave([{ layers: [makeTar(base)], repoTags: ['app:1'] }]);
    const [m] = await read(whole.subarray(0, whole.length - 1024));
    assert.equal(m.name, 'app:1', 'manifest.json, the last entry, is read');
    assert.ok(presentFiles(m).has('/etc/passwd'));
  });

  it('stops a gzip bomb at the cap with a clear error', async () => {
    const bomb = gzipSync(makeTar([{ name: 'zeros', data: Buffer.alloc(64 * 1024 * 1024) }]), { level: 9 });
    const files = ociLayout([{ spec: { layers: [Buffer.alloc(1024)] }, compression: 'none' }]);
    // replace the only layer blob with the bomb, keeping the declared digest honest
    const manifestEntry = [...files].find(([, v]) => v.toString().includes('"mediaType":"application/vnd.oci.image.manifest'));
    assert.ok(manifestEntry);
    const manifest = JSON.parse(manifestEntry[1].toString()) as { layers: { digest: string }[] };
    const layerPath = `blobs/sha256/${manifest.layers[0].digest.slice(7)}`;
    files.set(layerPath, bomb);
    await assert.rejects(read(layoutTar(files), { limits: { bombFloorBytes: 8 * 1024 * 1024, maxRatio: 100 } }),
      (e: Error) => e instanceof UserError && /decompression bomb/.test(e.message));
    await assert.rejects(read(layoutTar(files), { limits: { maxLayerBytes: 16 * 1024 * 1024 } }),
      (e: Error) => e instanceof UserError && /decompresses to more than 16.0 MiB/.test(e.message));
  });

  it('stops a layer with more entries than the cap', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, data: '' }));
    await assert.rejects(read(one(many), { limits: { maxEntries: 20 } }), (e: Error) => e instanceof UserError && /more than 20 entries/.test(e.message));
    assert.equal((await read(one(many)))[0].files.length, 50);
  });

  it('refuses a zstd frame that asks for a huge window', async () => {
    const frame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xf8, 0, 0, 0, 0]); // window 2^41
    const tar = makeTar([{ name: 'blobs/sha256/' + 'a'.repeat(64), data: Buffer.concat([frame, Buffer.alloc(2000)]) }, { name: 'manifest.json', data: '[]' }]);
    await assert.rejects(read(tar), (e: Error) => e instanceof UserError && /zstd layer asks for a .* window/.test(e.message));
    assert.ok(zstdRaw(Buffer.from('x')).length > 0);
  });

  it('says "not a tar archive" for other files, and names an empty one', async () => {
    await assert.rejects(read(Buffer.from('this is not a tar at all, just some text that is long enough '.repeat(20))), (e: Error) => e instanceof UserError && /not a tar archive/.test(e.message));
    await assert.rejects(read(Buffer.alloc(1024)), /empty tar archive/);
    await assert.rejects(read(makeTar([{ name: 'hello.txt', data: 'hi' }])), /neither manifest.json .* nor index.json/);
  });

  it('reports a layer named by the manifest but missing from the tar', async () => {
    const tar = makeTar([
      { name: 'c.json', data: JSON.stringify({ rootfs: { diff_ids: [sha256('x')] } }) },
      { name: 'manifest.json', data: JSON.stringify([{ Config: 'c.json', RepoTags: ['x:1'], Layers: ['nope/layer.tar'] }]) },
    ]);
    const [m] = await read(tar);
    assert.match(m.partial ?? '', /missing from the input/);
  });

  it('does not write anything: a tar entry named like a path outside is never created', async () => {
    const marker = join(tmpdir(), `tightship-never-${process.pid}`);
    await read(one([{ name: `../../../../../../..${marker}`, data: 'pwned' }]));
    assert.equal(existsSync(marker), false);
  });
});
