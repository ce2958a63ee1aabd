// The layer digests computed from a file: on this thread for small ranges, on worker threads for
// large ones, equal to Node's SHA-256 of the same bytes either way; a range past the end of the
// file is an error, not a digest of what there was.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashPool } from '../../../src/targets/image/hash-pool.js';

const tmp = mkdtempSync(join(tmpdir(), 'tightship-hash-pool-'));
after(() => { rmSync(tmp, { recursive: true, force: true }); });
const data = randomBytes(20 << 20);
const file = join(tmp, 'blob');
writeFileSync(file, data);
const expected = (start: number, size: number) => `sha256:${createHash('sha256').update(data.subarray(start, start + size)).digest('hex')}`;

describe('HashPool', () => {
  for (const threads of [0, 2]) {
    it(`hashes small and large ranges of a file (${threads ? `${threads} worker threads` : 'no worker thread'})`, async () => {
      const pool = new HashPool(threads);
      const fd = openSync(file, 'r');
      try {
        const ranges: [number, number][] = [[0, 0], [1, 1000], [12345, 1 << 20], [3, (17 << 20) + 5], [1 << 20, 19 << 20]];
        const got = await Promise.all(ranges.map(([s, n]) => pool.hash(fd, s, n)));
        assert.deepEqual(got, ranges.map(([s, n]) => expected(s, n)));
        await assert.rejects(pool.hash(fd, 4 << 20, 17 << 20), /the file ended before the range/);
        await assert.rejects(pool.hash(fd, (20 << 20) - 10, 100), /the file ended before the range/);
      } finally {
        await pool.close();
        closeSync(fd);
      }
    });
  }
});
