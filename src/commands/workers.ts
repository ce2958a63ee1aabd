// Worker threads for lint's audit loop (a large batch on a machine with more than one core).
// The pool sends each task to the least busy worker and hands back its result; the caller keeps
// the order (commands/lint.ts merges in input order, so the report is the one a single thread
// writes). A worker runs this same module: its top level below starts the worker side, which
// loads commands/lint-audit.ts and audits what it is sent. The module is its own entry both in
// dist/src; the bundle (scripts/bundle.mjs) builds it as a file of its own, dist/bin/lint-worker.cjs,
// and names that file here through __TIGHTSHIP_WORKER_FILE__ (the CLI bundle's top level starts
// the CLI, so it cannot be a worker's entry).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { UserError } from '../engine/types.js';
import type { LintWorkerSetup } from './lint-audit.js';

/** Main → worker. */
interface TaskMessage { id: number; kind: string; payload: unknown }
/** Worker → main. */
type ReplyMessage =
  | { id: number; value: unknown }
  | { id: number; error: { user: boolean; message: string; hint?: string; stack?: string } };

const MARK = 'tightship-lint-worker';

/** Set by the bundle (scripts/bundle.mjs' define): the worker's own file beside the bundle. */
declare const __TIGHTSHIP_WORKER_FILE__: string | undefined;
const workerEntry = (): URL => (typeof __TIGHTSHIP_WORKER_FILE__ === 'string' ? new URL(__TIGHTSHIP_WORKER_FILE__, import.meta.url) : new URL(import.meta.url));

interface Slot { worker: Worker; busy: number; failed: Error | null }

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, { slot: Slot; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private closed = false;

  constructor(size: number, setup: LintWorkerSetup) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerEntry(), { workerData: { [MARK]: setup } });
      const slot: Slot = { worker, busy: 0, failed: null };
      worker.on('message', (m: ReplyMessage) => { this.reply(m); });
      worker.on('error', (err) => { this.fail(slot, err); });
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(slot, new Error(`a worker thread stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Tasks sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Runs one task on the least busy worker. A task's error is thrown here as the worker
   *  threw it (a UserError stays one: the same one-line error as in one thread). */
  run<T>(kind: string, payload: unknown): Promise<T> {
    const live = this.slots.filter((s) => !s.failed);
    if (live.length === 0) return Promise.reject(this.slots[0]?.failed ?? new Error('no worker thread'));
    const slot = live.reduce((a, b) => (b.busy < a.busy ? b : a));
    return this.send<T>(slot, kind, payload);
  }

  /** Runs the same task on every worker (e.g. facts every worker needs); their answers. */
  async broadcast<T>(kind: string, payload: unknown): Promise<T[]> {
    return Promise.all(this.slots.filter((s) => !s.failed).map((s) => this.send<T>(s, kind, payload)));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private send<T>(slot: Slot, kind: string, payload: unknown): Promise<T> {
    const id = this.nextId++;
    slot.busy++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { slot, resolve: resolve as (v: unknown) => void, reject });
      const message: TaskMessage = { id, kind, payload };
      slot.worker.postMessage(message);
    });
  }

  private reply(m: ReplyMessage): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.slot.busy--;
    if ('value' in m) {
      p.resolve(m.value);
      return;
    }
    p.reject(rebuildError(m.error));
  }

  private fail(slot: Slot, err: Error): void {
    if (slot.failed) return;
    slot.failed = err instanceof Error ? err : new Error(String(err));
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      p.reject(slot.failed);
    }
  }
}

/** The error a worker reported, as the one thread would have thrown it. */
function rebuildError(e: { user: boolean; message: string; hint?: string; stack?: string }): Error {
  const err = e.user ? new UserError(e.message, e.hint) : new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

function describeError(err: unknown): { user: boolean; message: string; hint?: string; stack?: string } {
  if (err instanceof UserError) return { user: true, message: err.message, ...(err.hint !== undefined ? { hint: err.hint } : {}) };
  const e = err instanceof Error ? err : new Error(String(err));
  return { user: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

/** The worker side: one task at a time, in the order sent. */
async function serve(setup: LintWorkerSetup): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { lintWorkerHandlers } = await import('./lint-audit.js');
  const ready = lintWorkerHandlers(setup);
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (m: TaskMessage) => {
    queue = queue.then(async () => {
      try {
        const handlers = await ready;
        const handler = Object.hasOwn(handlers, m.kind) ? handlers[m.kind] : undefined;
        if (!handler) throw new Error(`unknown worker task '${m.kind}'`);
        port.postMessage({ id: m.id, value: await handler(m.payload) } satisfies ReplyMessage);
      } catch (err) {
        port.postMessage({ id: m.id, error: describeError(err) } satisfies ReplyMessage);
      }
    });
  });
}

const data = workerData as Record<string, unknown> | null;
if (!isMainThread && data?.[MARK]) void serve(data[MARK] as LintWorkerSetup);
