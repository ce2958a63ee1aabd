// SHA-256 of ranges of an open file (the layers of a docker-save tar, the blobs of an OCI
// layout), on worker threads when the machine has cores to spare, so the digests of several
// layers are computed side by side while the main thread walks their headers. Each worker reads
// with positioned reads into one reused buffer: memory stays flat whatever the layer's size.
import { readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const CHUNK = 1 << 20;

/** Ranges smaller than this are hashed on the calling thread (a worker's start costs more). */
const INLINE_HASH_BYTES = 16 << 20;

/** sha256:… of `size` bytes of the file at `start`, read on this thread. */
function hashRange(fd: number, start: number, size: number, buf: Buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, size)))): string {
  const h = createHash('sha256');
  let pos = start;
  let left = size;
  while (left > 0) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, left), pos);
    if (n === 0) throw new Error('the file ended before the range');
    h.update(n === buf.length ? buf : buf.subarray(0, n));
    pos += n;
    left -= n;
  }
  return `sha256:${h.digest('hex')}`;
}

// The worker's code, evaluated (not a file: the CLI is one bundle). Numeric file descriptors
// belong to the process, so a worker reads the main thread's open file.
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buf = Buffer.allocUnsafe(${CHUNK});
parentPort.on('message', ({ id, fd, start, size }) => {
  try {
    const h = createHash('sha256');
    let pos = start, left = size;
    while (left > 0) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, left), pos);
      if (n === 0) throw new Error('the file ended before the range');
      h.update(n === buf.length ? buf : buf.subarray(0, n));
      pos += n; left -= n;
    }
    parentPort.postMessage({ id, digest: 'sha256:' + h.digest('hex') });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

interface Job { id: number; fd: number; start: number; size: number; resolve: (d: string) => void; reject: (e: Error) => void }

/** Hashes file ranges: small ones at once on this thread, large ones on up to `threads` workers
 *  (started on first need; none on a one-core machine). close() ends the workers. */
export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 0;
  private buf: Buffer | null = null;

  constructor(private threads = availableParallelism() > 1 ? availableParallelism() : 0) {}

  hash(fd: number, start: number, size: number): Promise<string> {
    if (size < INLINE_HASH_BYTES || this.threads === 0) {
      try {
        this.buf ??= Buffer.allocUnsafe(CHUNK);
        return Promise.resolve(hashRange(fd, start, size, this.buf));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, fd, start, size, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let w = this.idle.pop();
      if (!w) {
        if (this.all.length >= this.threads) return;
        try {
          w = this.spawn();
        } catch {
          // no thread to be had (a limit of the system): the workers there are do the rest, or this thread
          this.threads = this.all.length;
          if (this.threads === 0) this.hashQueueHere();
          return;
        }
      }
      const job = this.queue.shift();
      if (!job) { this.idle.push(w); return; }
      this.running.set(w, job);
      w.postMessage({ id: job.id, fd: job.fd, start: job.start, size: job.size });
    }
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_CODE, { eval: true });
    this.all.push(w);
    w.on('message', (m: { id: number; digest?: string; error?: string }) => {
      const job = this.running.get(w);
      this.running.delete(w);
      this.idle.push(w);
      if (job) {
        if (m.digest) job.resolve(m.digest);
        else job.reject(new Error(m.error ?? 'hashing failed'));
      }
      this.pump();
    });
    w.on('error', (err) => {
      // a worker that died takes its job with it; the queue goes on with a new one
      const job = this.running.get(w);
      this.running.delete(w);
      for (const list of [this.all, this.idle]) if (list.includes(w)) list.splice(list.indexOf(w), 1);
      job?.reject(err);
      this.pump();
    });
    return w;
  }

  private hashQueueHere(): void {
    for (const job of this.queue.splice(0)) {
      try {
        this.buf ??= Buffer.allocUnsafe(CHUNK);
        job.resolve(hashRange(job.fd, job.start, job.size, this.buf));
      } catch (err) {
        job.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }

  async close(): Promise<void> {
    for (const j of this.queue.splice(0)) j.reject(new Error('the read was stopped'));
    await Promise.all(this.all.splice(0).map((w) => w.terminate()));
    this.idle.length = 0;
  }
}
