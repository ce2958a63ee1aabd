// The seeking tar walker against tar-stream, the extractor the image reader used before: the
// same archives, ordinary and odd (PAX and GNU records, base-256 numbers, ustar prefixes, zero
// blocks, unknown types, truncation, bad checksums), must give the same entries, bodies and
// errors, read from a stream in chunks of any size and from a file through any window.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tar from 'tar-stream';
import { FileSource, StreamSource, walkTar, type ByteSource } from '../../../src/targets/image/tar-walk.js';
import { makeTar, paxEntry, tarHeader, type TarEntry } from './build.js';

const tmp = mkdtempSync(join(tmpdir(), 'tightship-tar-walk-'));
after(() => { rmSync(tmp, { recursive: true, force: true }); });

interface Seen { name: string; type: string | null; mode: number | null; uid: number | null; gid: number | null; size: number | null; linkname: string | null; pax: Record<string, string> | null; body: string }
interface Walked { entries: Seen[]; error: string | null }

function seen(h: { name: string; type?: string | null; mode?: number | null; uid?: number | null; gid?: number | null; size?: number | null; linkname?: string | null; pax?: Record<string, string> | null }, body: Buffer): Seen {
  return { name: h.name, type: h.type ?? null, mode: h.mode ?? null, uid: h.uid ?? null, gid: h.gid ?? null, size: h.size ?? null, linkname: h.linkname ?? null, pax: h.pax ? { ...h.pax } : null, body: body.toString('hex') };
}

function* chunks(b: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function viaTarStream(archive: Buffer): Promise<Walked> {
  const entries: Seen[] = [];
  const ex = tar.extract();
  ex.on('entry', (h, stream, next) => {
    const parts: Buffer[] = [];
    stream.on('error', () => { /* the archive's error reaches us through the extractor */ });
    stream.on('data', (d: unknown) => { parts.push(d as Buffer); });
    stream.on('end', () => { entries.push(seen(h as Parameters<typeof seen>[0], Buffer.concat(parts))); next(); });
  });
  const done = new Promise<string | null>((resolve) => {
    ex.on('finish', () => { resolve(null); });
    ex.on('error', (err: Error) => { resolve(err.message); });
  });
  Readable.from(chunks(archive, 4096)).pipe(ex);
  return { entries, error: await done };
}

async function viaWalk(src: ByteSource): Promise<Walked> {
  const entries: Seen[] = [];
  try {
    await walkTar(src, async (h, body) => { entries.push(seen(h, Buffer.from(await body.read(body.size)))); });
    return { entries, error: null };
  } catch (err) {
    return { entries, error: (err as Error).message };
  }
}

let n = 0;
async function viaFile(archive: Buffer, windowBytes: number): Promise<Walked> {
  const p = join(tmp, `t${n++}.tar`);
  writeFileSync(p, archive);
  const fd = openSync(p, 'r');
  try {
    return await viaWalk(new FileSource(fd, 0, archive.length, windowBytes));
  } finally {
    closeSync(fd);
  }
}

/** A header changed by `fn`, its checksum made right again. */
function patched(e: TarEntry, size: number, fn: (h: Buffer) => void): Buffer {
  const h = tarHeader(e, size);
  fn(h);
  h.write('        ', 148);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}
const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);
const END = Buffer.alloc(1024);
const file = (name: string, data: string | Buffer): Buffer => makeTar([{ name, data }], false);

const cases: Record<string, Buffer> = {
  'files, folders and links': makeTar([
    { name: 'etc/', type: '5' }, { name: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n', uid: 7, gid: 9, mode: 0o640 },
    { name: 'bin/sh', type: '2', linkname: '/bin/busybox' }, { name: 'bin/ash', type: '1', linkname: 'bin/sh' },
    { name: 'dev/null', type: '3' }, { name: 'big', data: Buffer.alloc(70_000, 7) }, { name: 'empty', data: '' },
  ]),
  'PAX path, linkpath and size': Buffer.concat([
    makeTar([paxEntry({ path: `opt/${'p'.repeat(200)}`, linkpath: `x/${'l'.repeat(150)}` }), { name: 'short', type: '2', linkname: 'y' }], false),
    makeTar([paxEntry({ size: '5' }), { name: 'sized', size: 0, data: 'hello' }], false),
    END,
  ]),
  'a PAX global header merged into the next PAX header only': Buffer.concat([
    makeTar([{ ...paxEntry({ comment: 'global', path: 'g/ignored' }), type: 'g' }, { name: 'plain', data: 'a' }, paxEntry({ path: 'own/path' }), { name: 'x', data: 'b' }], false),
    END,
  ]),
  'GNU long name and long link': Buffer.concat([
    makeTar([{ name: '././@LongLink', type: 'L', data: `srv/${'g'.repeat(300)}/x.env\0` }, { name: 'cut', data: 'S=1\n' }], false),
    makeTar([{ name: '././@LongLink', type: 'K', data: `${'t'.repeat(180)}\0` }, { name: 'lnk', type: '2', linkname: 'cut' }], false),
    END,
  ]),
  'a ustar prefix': Buffer.concat([patched({ name: 'file.txt' }, 3, (h) => { h.write('usr/share/deep/prefix', 345); }), Buffer.from('abc'), pad(3), END]),
  'a base-256 size': Buffer.concat([patched({ name: 'b256' }, 0, (h) => { h.fill(0, 124, 136); h[124] = 0x80; h[134] = 0x02; h[135] = 0x58; }), Buffer.alloc(600, 3), pad(600), END]),
  'a negative base-256 size': Buffer.concat([patched({ name: 'neg' }, 0, (h) => { h.fill(0xff, 124, 136); }), END]),
  'GNU magic': Buffer.concat([patched({ name: 'gnu' }, 2, (h) => { h.write('ustar  \0', 257, 'latin1'); }), Buffer.from('hi'), pad(2), END]),
  'an old directory named with a slash': Buffer.concat([patched({ name: 'olddir/' }, 0, (h) => { h[156] = 0; }), END]),
  'an unknown type flag with a body': Buffer.concat([patched({ name: 'vol', type: 'V' }, 10, () => undefined), Buffer.alloc(10, 1), pad(10), file('after', 'z'), END]),
  'zero blocks between entries': Buffer.concat([file('one', '1'), END, END, file('two', '2'), END]),
  'garbage numbers': Buffer.concat([patched({ name: 'odd' }, 1, (h) => { h.write('zz\0\0\0\0\0\0', 100, 'latin1'); h.write(' 17 9\0\0\0', 108, 'latin1'); }), Buffer.from('o'), pad(1), END]),
  'an unterminated name of 100 bytes': Buffer.concat([file('n'.repeat(100), 'x'), END]),
  'truncated in a body': makeTar([{ name: 'a', data: Buffer.alloc(5000, 1) }], false).subarray(0, 2000),
  'truncated in the padding': makeTar([{ name: 'a', data: 'abc' }], false).subarray(0, 600),
  'truncated in a PAX record': makeTar([paxEntry({ path: 'p'.repeat(900) })], false).subarray(0, 900),
  'a partial block after the end': Buffer.concat([file('a', 'b'), END, Buffer.alloc(100, 9)]),
  'a bad checksum': (() => { const t = makeTar([{ name: 'a', data: 'b' }]); t[0] = 0x41; return t; })(),
  'an unknown format': Buffer.concat([patched({ name: 'nomagic' }, 0, (h) => { h.fill(0, 257, 265); }), END]),
  'a PAX record over 4 MiB': makeTar([{ name: 'PaxHeader', type: 'x', size: 5 * 1024 * 1024, data: '' }], false),
  'a long name record and nothing after it': makeTar([{ name: '././@LongLink', type: 'L', data: 'dangling\0' }], false),
  'not a tar': Buffer.from('this is not a tar at all, just some text that is long enough '.repeat(20)),
  'empty': Buffer.alloc(0),
};

describe('the seeking tar walker reads what tar-stream reads', () => {
  for (const [name, archive] of Object.entries(cases)) {
    it(name, async () => {
      const expected = await viaTarStream(archive);
      for (const size of [1, 7, 512, 4096, archive.length || 1]) {
        assert.deepEqual(await viaWalk(new StreamSource(Readable.from(chunks(archive, size)))), expected, `a stream in chunks of ${size}`);
      }
      for (const w of [512, 1536, 1 << 20]) {
        assert.deepEqual(await viaFile(archive, w), expected, `a file through a window of ${w}`);
      }
    });
  }

  it('reads past a folder whose header claims a size (POSIX: not a body; tar-stream never ended it)', async () => {
    const archive = Buffer.concat([tarHeader({ name: 'd/', type: '5' }, 512), file('d/next', 'n'), END]);
    for (const got of [await viaWalk(new StreamSource(Readable.from(chunks(archive, 100)))), await viaFile(archive, 512)]) {
      assert.equal(got.error, null);
      assert.deepEqual(got.entries.map((e) => [e.name, e.type, e.body]), [['d/', 'directory', ''], ['d/next', 'file', Buffer.from('n').toString('hex')]]);
    }
  });

  it('reads from a file only the headers and the bodies asked for', async () => {
    const archive = makeTar([{ name: 'skip', data: Buffer.alloc(1 << 20, 1) }, { name: 'keep', data: 'kept' }]);
    const p = join(tmp, 'sparse.tar');
    writeFileSync(p, archive);
    const fd = openSync(p, 'r');
    try {
      const src = new FileSource(fd, 0, archive.length, 512);
      let bytesRead = 0;
      // every read of a FileSource, with or without a promise, goes through readNow
      const readNow = src.readNow.bind(src);
      src.readNow = (k: number) => { const b = readNow(k); bytesRead += b.length; return b; };
      const names: string[] = [];
      await walkTar(src, async (h, body) => { names.push(h.name); if (h.name === 'keep') assert.equal((await body.read(body.size)).toString(), 'kept'); });
      assert.deepEqual(names, ['skip', 'keep']);
      // two headers, one 4-byte body and the two end blocks: not the 1 MiB body skipped
      assert.equal(bytesRead, 512 * 2 + 4 + 1024);
    } finally {
      closeSync(fd);
    }
  });
});
