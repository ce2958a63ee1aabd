// ShellCheck's findings kept between runs. ShellCheck is a pure function of its binary, the
// arguments it is given and the script's text, so a script checked once is not checked again by
// a later run: its findings (as ShellCheck gave them, in the script's own lines and columns) are
// kept under a hash of those three, in the user's cache folder (the one the code cache uses,
// code-cache.ts), and mapped to the Dockerfile by the run that reads them, as a fresh check is.
//
// A few files, not one per script: the keys are spread over SHARDS files, each read at most once
// per run (only when a script's key falls in it) and written at most once per flush, atomically
// (a temporary file renamed over it), with the entries other runs added since it was read.
// Bounded: a shard keeps its most recently used entries (MAX_ENTRIES, MAX_BYTES). Nothing here
// fails a run: a folder that cannot be made, a file that cannot be read, parsed or written is a
// cache that holds nothing. A finding whose message holds a token-shaped string is not written.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDirCandidates, usableCacheDir } from '../../code-cache.js';
import { findTokens } from '../../secrets/tokens.js';

/** One ShellCheck comment on a script, as its json1 format gives it (file left out). */
export interface RawComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

/** Files the keys are spread over. */
const SHARDS = 16;
/** Entries one shard keeps at most (the most recently used). */
const MAX_ENTRIES = 2_000;
/** Bytes one shard's file holds at most (SHARDS × 3 MB in all). */
const MAX_BYTES = 3 * 1024 * 1024;
/** The files' format: a change of it (or of what a key hashes) starts a new set of files. */
const FORMAT = 1;

/** [line, column, endLine, endColumn, code, level, message] */
type StoredComment = [number, number, number, number, number, string, string];
/** [day last used (days since 1970), comments] */
type Entry = [number, StoredComment[]];

const day = (): number => Math.floor(Date.now() / 86_400_000);

function isStoredComment(c: unknown): c is StoredComment {
  return Array.isArray(c) && c.length === 7 && c.slice(0, 5).every((n) => typeof n === 'number') && typeof c[5] === 'string' && typeof c[6] === 'string';
}

function isEntry(e: unknown): e is Entry {
  return Array.isArray(e) && e.length === 2 && typeof e[0] === 'number' && Array.isArray(e[1]) && e[1].every(isStoredComment);
}

/** The findings cache of one folder (or of the first usable one of several candidates). */
export class ShellcheckStore {
  private dir: string | null | undefined;
  private readonly shards = new Map<number, Map<string, unknown>>();
  private readonly dirty = new Set<number>();
  private readonly today = day();

  /** `folders`: where the cache may live, best first (the first this user owns and only this
   *  user can write is used); `limits`: a shard's bounds (default MAX_ENTRIES, MAX_BYTES). */
  constructor(private readonly folders: readonly string[], private readonly limits: { entries: number; bytes: number } = { entries: MAX_ENTRIES, bytes: MAX_BYTES }) {}

  /** The folder in use, or null when none can be used (made lazily: a run that checks no script
   *  makes none). */
  folder(): string | null {
    if (this.dir === undefined) this.dir = usableCacheDir(this.folders);
    return this.dir;
  }

  /** The comments kept for a script key (a hex digest), or undefined. */
  get(key: string): RawComment[] | undefined {
    const shard = this.shard(key);
    const e = shard?.get(key);
    if (!shard || !isEntry(e)) return undefined;
    if (e[0] < this.today) {
      shard.set(key, [this.today, e[1]]);
      this.dirty.add(shardOf(key));
    }
    return e[1].map(([line, column, endLine, endColumn, code, level, message]) => ({ line, column, endLine, endColumn, code, level, message }));
  }

  /** Keeps a script's comments (written by flush()). */
  set(key: string, comments: readonly RawComment[]): void {
    if (comments.some((c) => findTokens(c.message).length > 0)) return;
    const shard = this.shard(key);
    if (!shard) return;
    shard.set(key, [this.today, comments.map((c) => [c.line, c.column, c.endLine, c.endColumn, c.code, c.level, c.message])]);
    this.dirty.add(shardOf(key));
  }

  /** Writes the shards changed since the last flush, each with the entries other runs wrote to
   *  it meanwhile, the most recently used first kept. */
  flush(): void {
    const dir = this.folder();
    if (dir === null) return;
    for (const n of this.dirty) {
      const mine = this.shards.get(n);
      if (!mine) continue;
      const merged = readShard(dir, n);
      for (const [k, e] of mine) {
        const there = merged.get(k);
        if (!isEntry(there) || !isEntry(e) || there[0] <= e[0]) merged.set(k, e);
      }
      writeShard(dir, n, merged, this.limits);
    }
    this.dirty.clear();
  }

  private shard(key: string): Map<string, unknown> | null {
    const n = shardOf(key);
    let shard = this.shards.get(n);
    if (!shard) {
      const dir = this.folder();
      if (dir === null) return null;
      shard = readShard(dir, n);
      this.shards.set(n, shard);
    }
    return shard;
  }
}

function shardOf(key: string): number {
  return parseInt(key.slice(0, 2), 16) % SHARDS;
}

function shardFile(dir: string, n: number): string {
  return path.join(dir, `shellcheck-v${FORMAT}-${n.toString(16)}.json`);
}

/** A shard's entries; empty when its file is missing, unreadable or not ours. */
function readShard(dir: string, n: number): Map<string, unknown> {
  try {
    const data = JSON.parse(fs.readFileSync(shardFile(dir, n), 'utf8')) as unknown;
    if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === FORMAT) {
      const entries = (data as { entries?: unknown }).entries;
      if (typeof entries === 'object' && entries !== null && !Array.isArray(entries)) return new Map(Object.entries(entries));
    }
  } catch {
    // no cache yet, or one that cannot be read: it holds nothing
  }
  return new Map();
}

/** Writes a shard atomically, within its bounds (the entries used least recently go first). */
function writeShard(dir: string, n: number, entries: Map<string, unknown>, limits: { entries: number; bytes: number }): void {
  let kept = [...entries].filter((kv): kv is [string, Entry] => isEntry(kv[1]));
  // most recently used first (a stable sort: among the same day, the order they were kept in)
  kept.sort((a, b) => b[1][0] - a[1][0]);
  if (kept.length > limits.entries) kept = kept.slice(0, limits.entries);
  let text = serialise(kept);
  while (text.length > limits.bytes && kept.length > 0) {
    kept = kept.slice(0, Math.floor(kept.length * 0.75));
    text = serialise(kept);
  }
  const file = shardFile(dir, n);
  const tmp = `${file}.${process.pid}.${createHash('sha1').update(`${Date.now()}${Math.random()}`).digest('hex').slice(0, 8)}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // a cache that cannot be written is no error: the next run checks these scripts again
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to remove
    }
  }
}

function serialise(entries: readonly [string, Entry][]): string {
  return JSON.stringify({ format: FORMAT, entries: Object.fromEntries(entries) });
}

// ---------------------------------------------------------------------------------------------
// The store a run uses: set by the command for the run (lint), none otherwise (a library call,
// a test), so that nothing is read or written that the run did not ask for.

let current: ShellcheckStore | null = null;

/** The store of the run in this thread, or null. */
export function shellcheckStore(): ShellcheckStore | null {
  return current;
}

/** Sets (or, with null, clears) the store of the run in this thread. */
export function useShellcheckStore(store: ShellcheckStore | null): void {
  current = store;
}

/** Writes what the run's store holds that is new (a no-op without one). */
export function flushShellcheckStore(): void {
  current?.flush();
}

type Env = Record<string, string | undefined>;

/** true when the environment turns the findings cache off (TIGHTSHIP_NO_CACHE=1). */
export function cacheDisabled(env: Env): boolean {
  const v = env.TIGHTSHIP_NO_CACHE?.trim();
  return v !== undefined && v !== '' && v !== '0';
}

/** The store for a run: in `location` when given (relative to cwd), else under the user's cache
 *  folder; null when turned off. */
export function storeFor(off: boolean, location: string | undefined, cwd: string, env: Env): ShellcheckStore | null {
  if (off || cacheDisabled(env)) return null;
  if (location !== undefined) return new ShellcheckStore([path.resolve(cwd, location)]);
  return new ShellcheckStore(cacheDirCandidates(env).map((d) => path.join(d, 'shellcheck')));
}
