// A tar reader that reads only what it is asked for. The walk decodes each 512-byte header
// (ustar, GNU and PAX long names, base-256 numbers) and hands the entry to a handler that may
// read some of its body; the rest is skipped. Over a file (FileSource) a skip is a seek, so a
// layer's headers are read without its file bodies; over a stream (StreamSource) the skipped
// bytes are read and dropped. The decisions follow tar-stream's extractor (which the image
// reader used before), so the same archive gives the same entries and the same errors; the
// differential test (test/targets/image/tar-walk.test.ts) holds them to it.
import { readSync } from 'node:fs';

export interface TarHeader {
  name: string;
  /** null: a base-256 field whose first byte is neither 0x80 nor 0xff. */
  mode: number | null;
  uid: number | null;
  gid: number | null;
  size: number;
  /** null for a type flag the reader does not know (read as a file by the layer scan). */
  type: TarEntryType | null;
  linkname: string | null;
  pax: Record<string, string> | null;
}

type TarEntryType =
  | 'file' | 'link' | 'symlink' | 'character-device' | 'block-device' | 'directory' | 'fifo' | 'contiguous-file'
  | 'pax-header' | 'pax-global-header' | 'gnu-long-link-path' | 'gnu-long-path';

/** Bytes in order from somewhere. */
export interface ByteSource {
  /** n bytes from the current position, fewer only at the end. The buffer may be reused by the
   *  next call: copy what you keep. */
  read(n: number): Promise<Buffer>;
  /** Skips n bytes; returns how many there were (fewer only at the end). */
  skip(n: number): Promise<number>;
  /** Bytes consumed so far (FileSource: the offset in the file). */
  readonly position: number;
  /** read() and skip() without a promise, where the source can (a file). */
  readNow?(n: number): Buffer;
  skipNow?(n: number): number;
}

/** A range of an open file, read with positioned reads through one window; a skip is a seek.
 *  `fileEnd`: where the file ends, when the range may claim more (an entry's declared size in a
 *  truncated archive): a read or skip across it is the archive ending early, as a stream that
 *  ends there would say. */
export class FileSource implements ByteSource {
  private readonly window: Buffer;
  private winStart = 0;
  private winLen = 0;
  private pos: number;

  constructor(private readonly fd: number, start: number, private readonly end: number, windowBytes = 256 << 10, private readonly fileEnd = end) {
    this.pos = start;
    this.window = Buffer.allocUnsafe(Math.max(512, Math.min(windowBytes, end - start)));
  }

  get position(): number { return this.pos; }

  read(n: number): Promise<Buffer> {
    return Promise.resolve(this.readNow(n));
  }

  /** read(), without the promise. */
  readNow(n: number): Buffer {
    const want = Math.max(0, Math.min(n, this.end - this.pos));
    if (this.pos + want > this.fileEnd) throw new Error(UNEXPECTED_END);
    if (this.pos >= this.winStart && this.pos + want <= this.winStart + this.winLen) {
      const at = this.pos - this.winStart;
      this.pos += want;
      return this.window.subarray(at, at + want);
    }
    if (want > this.window.length) {
      // larger than the window (a kept package database): a buffer of its own
      const got = readFully(this.fd, Buffer.allocUnsafe(want), this.pos);
      this.pos += got.length;
      return got;
    }
    const got = readFully(this.fd, this.window.subarray(0, Math.min(this.window.length, this.end - this.pos)), this.pos);
    this.winStart = this.pos;
    this.winLen = got.length;
    const n2 = Math.min(want, got.length);
    this.pos += n2;
    return this.window.subarray(0, n2);
  }

  skip(n: number): Promise<number> {
    return Promise.resolve(this.skipNow(n));
  }

  skipNow(n: number): number {
    const k = Math.max(0, Math.min(n, this.end - this.pos));
    if (this.pos + k > this.fileEnd) throw new Error(UNEXPECTED_END);
    this.pos += k;
    return k;
  }
}

/** Fills buf from the file at pos; shorter only when the file ends first. */
function readFully(fd: number, buf: Buffer, pos: number): Buffer {
  let n = 0;
  while (n < buf.length) {
    const got = readSync(fd, buf, n, buf.length - n, pos + n);
    if (got === 0) break;
    n += got;
  }
  return n === buf.length ? buf : buf.subarray(0, n);
}

/** Chunks of a stream (an engine export, a decompressed layer). */
export class StreamSource implements ByteSource {
  private readonly it: AsyncIterator<Buffer>;
  private cur: Buffer = Buffer.alloc(0);
  private off = 0;
  private ended = false;
  private pos = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  get position(): number { return this.pos; }

  private async fill(): Promise<boolean> {
    while (this.off >= this.cur.length) {
      if (this.ended) return false;
      const r = await this.it.next();
      if (r.done) { this.ended = true; return false; }
      this.cur = r.value;
      this.off = 0;
    }
    return true;
  }

  async read(n: number): Promise<Buffer> {
    if (n <= 0) return Buffer.alloc(0);
    if (!(await this.fill())) return Buffer.alloc(0);
    if (this.cur.length - this.off >= n) {
      const b = this.cur.subarray(this.off, this.off + n);
      this.off += n;
      this.pos += n;
      return b;
    }
    const out = Buffer.allocUnsafe(n);
    let got = 0;
    while (got < n && (await this.fill())) {
      const k = Math.min(n - got, this.cur.length - this.off);
      this.cur.copy(out, got, this.off, this.off + k);
      this.off += k;
      got += k;
    }
    this.pos += got;
    return got === n ? out : out.subarray(0, got);
  }

  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0 && (await this.fill())) {
      const k = Math.min(left, this.cur.length - this.off);
      this.off += k;
      left -= k;
    }
    this.pos += n - left;
    return n - left;
  }
}

/** The body of one entry: at most its size is read; what the handler leaves is skipped. */
export class EntryBody implements ByteSource {
  private left: number;

  /** `start`: where the body starts in the source (a FileSource: its offset in the file). */
  constructor(private readonly src: ByteSource, readonly size: number, readonly start: number) {
    this.left = size;
  }

  get remaining(): number { return this.left; }
  get position(): number { return this.size - this.left; }

  /** Up to n bytes of the body (fewer only past its end); an archive that ends first is an error. */
  async read(n: number): Promise<Buffer> {
    const want = Math.min(n, this.left);
    const b = await this.src.read(want);
    if (b.length < want) throw new Error(UNEXPECTED_END);
    this.left -= b.length;
    return b;
  }

  async skip(n: number): Promise<number> {
    const want = Math.min(n, this.left);
    const k = await this.src.skip(want);
    if (k < want) throw new Error(UNEXPECTED_END);
    this.left -= k;
    return k;
  }

  /** Skips what is left of the body; without a promise when the source can. */
  skipRest(): Promise<number> | number {
    if (!this.src.skipNow) return this.skip(this.left);
    const want = this.left;
    const k = this.src.skipNow(want);
    if (k < want) throw new Error(UNEXPECTED_END);
    this.left = 0;
    return k;
  }
}

/** `prefix` (bytes already read, e.g. for a sniff), then the rest of `src`. */
export class PrefixedSource implements ByteSource {
  private off = 0;
  private readonly base: number;

  constructor(private readonly prefix: Buffer, private readonly src: ByteSource) {
    this.base = src.position;
  }

  /** Bytes consumed through this source. */
  get position(): number { return this.off + this.src.position - this.base; }

  async read(n: number): Promise<Buffer> {
    if (this.off >= this.prefix.length) return this.src.read(n);
    const have = this.prefix.length - this.off;
    if (n <= have) {
      const b = this.prefix.subarray(this.off, this.off + n);
      this.off += n;
      return b;
    }
    const more = await this.src.read(n - have);
    const b = Buffer.concat([this.prefix.subarray(this.off), more]);
    this.off = this.prefix.length;
    return b;
  }

  async skip(n: number): Promise<number> {
    const fromPrefix = Math.min(n, this.prefix.length - this.off);
    this.off += fromPrefix;
    return fromPrefix + (n > fromPrefix ? await this.src.skip(n - fromPrefix) : 0);
  }
}

/** A source whose every byte, read or skipped, is shown to `tap` in order (a streamed layer's
 *  digest): a skip reads through. */
export class TapSource implements ByteSource {
  constructor(private readonly src: ByteSource, private readonly tap: (b: Buffer) => void) {}

  get position(): number { return this.src.position; }

  async read(n: number): Promise<Buffer> {
    const b = await this.src.read(n);
    this.tap(b);
    return b;
  }

  async skip(n: number): Promise<number> {
    let done = 0;
    while (done < n) {
      const b = await this.read(Math.min(n - done, 256 << 10));
      if (b.length === 0) break;
      done += b.length;
    }
    return done;
  }
}

/** The header's checksum, ustar or GNU magic, or its numbers are wrong (tar-stream's words). */
const INVALID_CHECKSUM = 'Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?';
const UNKNOWN_FORMAT = 'Invalid tar header: unknown format.';
const INVALID_HEADER = 'Invalid header';
const UNEXPECTED_END = 'Unexpected end of data';
const HEADER_TOO_LARGE = 'Header exceeds max size';
/** The largest PAX or GNU long-name record read. */
const MAX_HEADER_SIZE = 4 * 1024 * 1024;

function typeOf(flag: number): TarEntryType | null {
  switch (flag) {
    case 0: return 'file';
    case 1: return 'link';
    case 2: return 'symlink';
    case 3: return 'character-device';
    case 4: return 'block-device';
    case 5: return 'directory';
    case 6: return 'fifo';
    case 7: return 'contiguous-file';
    case 72: return 'pax-header';
    case 55: return 'pax-global-header';
    case 27: return 'gnu-long-link-path';
    case 28: case 30: return 'gnu-long-path';
    default: return null;
  }
}

/** A NUL-terminated string of a field. */
function str(b: Buffer, at: number, len: number): string {
  let end = at;
  const stop = at + len;
  while (end < stop && b[end] !== 0) end++;
  return b.toString('utf8', at, end);
}

/** A base-256 number (first byte 0x80 positive, 0xff negative), null otherwise. */
function base256(b: Buffer, at: number, len: number): number | null {
  const first = b[at];
  const positive = first === 0x80;
  if (!positive && first !== 0xff) return null;
  let sum = 0;
  let scale = 1;
  for (let i = at + len - 1; i > at; i--) {
    sum += (positive ? b[i] : 0xff - b[i]) * scale;
    scale *= 256;
  }
  return positive ? sum : -sum;
}

/** An octal field: leading spaces and NULs skipped, up to the first space; or base-256. */
function octal(b: Buffer, at: number, len: number): number | null {
  if (b[at] & 0x80) return base256(b, at, len);
  let i = at;
  const stop = at + len;
  while (i < stop && b[i] === 32) i++;
  let end = i;
  while (end < stop && b[end] !== 32) end++;
  while (i < end && b[i] === 0) i++;
  if (end === i) return 0;
  // the usual field, octal digits up to a NUL or the end: what parseInt gives, without a string
  let v = 0;
  let j = i;
  for (; j < end; j++) {
    const d = b[j] - 48;
    if (d < 0 || d > 7) break;
    v = v * 8 + d;
  }
  if (j > i && (j === end || b[j] === 0)) return v;
  return parseInt(b.toString('utf8', i, end), 8);
}

function checksum(b: Buffer): number {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += b[i];
  for (let i = 156; i < 512; i++) sum += b[i];
  return sum;
}

function magicIs(b: Buffer, magic: string, version: string | null): boolean {
  for (let i = 0; i < 6; i++) if (b[257 + i] !== magic.charCodeAt(i)) return false;
  if (version !== null) for (let i = 0; i < 2; i++) if (b[263 + i] !== version.charCodeAt(i)) return false;
  return true;
}

/** Decodes one header block; null for a block of zeros (end-of-archive padding, skipped). */
function decodeHeader(b: Buffer): TarHeader | null {
  const sum = checksum(b);
  if (sum === 8 * 32) return null;
  if (sum !== octal(b, 148, 8)) throw new Error(INVALID_CHECKSUM);
  const flag = b[156] === 0 ? 0 : b[156] - 48;
  let name = str(b, 0, 100);
  if (magicIs(b, 'ustar\u0000', null)) {
    if (b[345]) name = `${str(b, 345, 155)}/${name}`;
  } else if (!magicIs(b, 'ustar ', ' \u0000')) {
    throw new Error(UNKNOWN_FORMAT);
  }
  // An old tar marks a directory by a trailing slash on a file entry. tar-stream meant to read it
  // as one but took the type before it did, so such an entry has stayed a file; kept so, for the
  // same findings as before (the layer scan sees an empty file there).
  const size = octal(b, 124, 12);
  return {
    name,
    mode: octal(b, 100, 8),
    uid: octal(b, 108, 8),
    gid: octal(b, 116, 8),
    // a size that is not a number is refused below
    size: size ?? Number.NaN,
    type: typeOf(flag),
    linkname: b[157] === 0 ? null : str(b, 157, 100),
    pax: null,
  };
}

/** PAX records: "<len> <key>=<value>\n" each. */
function decodePax(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < buf.length) {
    let i = at;
    while (i < buf.length && buf[i] !== 32) i++;
    const len = parseInt(buf.toString('utf8', at, i), 10);
    if (!len) return out;
    const rec = buf.toString('utf8', i + 1, Math.min(buf.length, at + len - 1));
    const eq = rec.indexOf('=');
    if (eq === -1) return out;
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    at += len;
  }
  return out;
}

/** The padding after a body of `size` bytes, to the next 512-byte block. */
function padding(size: number): number {
  const r = size % 512;
  return r === 0 ? 0 : 512 - r;
}

interface WalkOptions {
  /** Called every `every` entries with the source's position (progress; a turn of the event loop). */
  onProgress?: (position: number) => void;
  every?: number;
}

/** Walks the tar in `src`, calling `onEntry` for each entry (long-name and PAX records are
 *  applied, not handed out); whatever of a body the handler does not read is skipped. Throws
 *  tar-stream's messages for a bad header, a record too large, or an archive that ends early. */
export async function walkTar(src: ByteSource, onEntry: (h: TarHeader, body: EntryBody) => Promise<void> | void, opts: WalkOptions = {}): Promise<void> {
  let pax: Record<string, string> | null = null;
  let paxGlobal: Record<string, string> | null = null;
  let longPath: string | null = null;
  let longLink: string | null = null;
  let pad = 0;
  let count = 0;
  const every = opts.every ?? 2048;
  const sync = src.readNow && src.skipNow ? { read: src.readNow.bind(src), skip: src.skipNow.bind(src) } : null;
  for (;;) {
    if (pad > 0) {
      if ((sync ? sync.skip(pad) : await src.skip(pad)) < pad) throw new Error(UNEXPECTED_END);
      pad = 0;
    }
    const block = sync ? sync.read(512) : await src.read(512);
    if (block.length === 0) return;
    if (block.length < 512) throw new Error(UNEXPECTED_END);
    const h = decodeHeader(block);
    if (h === null) continue;
    switch (h.type) {
      case 'gnu-long-path': case 'gnu-long-link-path': case 'pax-global-header': case 'pax-header': {
        if (h.size > MAX_HEADER_SIZE) throw new Error(HEADER_TOO_LARGE);
        if (!(h.size >= 0)) throw new Error(INVALID_HEADER);
        const data = sync ? sync.read(h.size) : await src.read(h.size);
        if (data.length < h.size) throw new Error(UNEXPECTED_END);
        if (h.type === 'gnu-long-path') longPath = str(data, 0, data.length);
        else if (h.type === 'gnu-long-link-path') longLink = str(data, 0, data.length);
        else if (h.type === 'pax-global-header') paxGlobal = decodePax(data);
        else pax = paxGlobal === null ? decodePax(data) : { ...paxGlobal, ...decodePax(data) };
        pad = padding(h.size);
        continue;
      }
      default:
    }
    if (longPath) { h.name = longPath; longPath = null; }
    if (longLink) { h.linkname = longLink; longLink = null; }
    if (pax) {
      if (pax.path) h.name = pax.path;
      if (pax.linkpath) h.linkname = pax.linkpath;
      if (pax.size) h.size = parseInt(pax.size, 10);
      h.pax = pax;
      pax = null;
    }
    if (!(h.size >= 0)) throw new Error(INVALID_HEADER);
    // a directory's size is not a body (tar-stream reads on at the next block)
    const bodySize = h.type === 'directory' ? 0 : h.size;
    const body = new EntryBody(src, bodySize, src.position);
    // a handler that reads nothing returns nothing: no promise to wait for
    const handled = onEntry(h, body);
    if (handled) await handled;
    if (body.remaining > 0) {
      const skipped = body.skipRest();
      if (typeof skipped !== 'number') await skipped;
    }
    pad = padding(bodySize);
    if (++count % every === 0) {
      opts.onProgress?.(src.position);
      await new Promise<void>((resolve) => { setImmediate(resolve); });
    }
  }
}
