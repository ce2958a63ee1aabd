// A report written in pieces: to a file through a temporary file renamed at the end (a failed
// run leaves the old file and no half file), to standard output one write after another as the
// pipe takes them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writePiecesAtomic, writePiecesToStdout } from '../../src/commands/output.js';
import type { IO } from '../../src/io.js';
import { UserError } from '../../src/engine/types.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('writePiecesAtomic', () => {
  it('writes the pieces joined, keeping the mode of the file it replaces', async () => {
    await withTempDir('tightship-output-', async (dir) => {
      const file = path.join(dir, 'report.json');
      writeFileSync(file, 'old');
      chmodSync(file, 0o600);
      const big = 'x'.repeat(100_000);
      await writePiecesAtomic(file, ['[', big, ',', big, ']']);
      assert.equal(readFileSync(file, 'utf8'), `[${big},${big}]`);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(dir), ['report.json']);
    });
  });

  it('a run that fails midway leaves the old file and no temporary file', async () => {
    await withTempDir('tightship-output-', async (dir) => {
      const file = path.join(dir, 'report.json');
      writeFileSync(file, 'old report');
      function* failing(): Generator<string> {
        yield 'x'.repeat(200_000); // past one write
        throw new Error('a formatter failed');
      }
      await assert.rejects(writePiecesAtomic(file, failing()), /a formatter failed/);
      assert.equal(readFileSync(file, 'utf8'), 'old report');
      assert.deepEqual(readdirSync(dir), ['report.json']);
    });
  });

  it('refuses a directory and a missing folder with a one-line error', async () => {
    await withTempDir('tightship-output-', async (dir) => {
      await assert.rejects(writePiecesAtomic(dir, ['x']), (e: unknown) => e instanceof UserError && /is a directory/.test(e.message));
      await assert.rejects(writePiecesAtomic(path.join(dir, 'no', 'r.json'), ['x']), (e: unknown) => e instanceof UserError && /does not exist/.test(e.message));
    });
  });
});

describe('writePiecesToStdout', () => {
  it('waits for the pipe after each write, and writes every byte in order', async () => {
    const events: string[] = [];
    let text = '';
    const io = {
      stdout: (t: string) => { events.push('write'); text += t; },
      drain: async () => { events.push('drain'); await new Promise((resolve) => setImmediate(resolve)); },
    } as unknown as IO;
    const pieces = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(30_000));
    await writePiecesToStdout(pieces, io);
    assert.equal(text, pieces.join(''));
    assert.ok(events.filter((e) => e === 'write').length > 1, 'more than one write');
    for (let i = 0; i < events.length; i += 2) assert.deepEqual(events.slice(i, i + 2), ['write', 'drain']);
  });

  it('small pieces go out in one write', async () => {
    const writes: string[] = [];
    await writePiecesToStdout(['a', 'b', 'c'], { stdout: (t: string) => writes.push(t) } as unknown as IO);
    assert.deepEqual(writes, ['abc']);
  });
});
