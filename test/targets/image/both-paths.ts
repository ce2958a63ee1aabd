// Reads a tar both ways the image reader can: as a stream (an engine export) and as a file
// (a docker-save tar on disk, walked by seeking, layers hashed on worker threads), and asserts
// the two give the same models or the same error. The reader tests read through it, so every
// archive they build is also a check that seeking changes nothing.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImages, readTarStream, type ReadOptions } from '../../../src/targets/image/readers.js';
import type { ImageModel } from '../../../src/targets/image/model.js';

type Outcome = { ok: true; models: ImageModel[] } | { ok: false; err: Error };

async function outcome(p: Promise<ImageModel[]>): Promise<Outcome> {
  try {
    return { ok: true, models: await p };
  } catch (err) {
    return { ok: false, err: err as Error };
  }
}

/** The models of `tar` (labelled test.tar), after checking the file path agrees with the stream path. */
export async function readBothWays(tar: Buffer, opts: ReadOptions = {}): Promise<ImageModel[]> {
  const fromStream = await outcome(readTarStream('test.tar', Readable.from([tar]), tar.length, opts));
  const dir = mkdtempSync(join(tmpdir(), 'tightship-both-'));
  let fromFile: Outcome;
  try {
    writeFileSync(join(dir, 'test.tar'), tar);
    fromFile = await outcome(readImages('test.tar', dir, opts));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (fromStream.ok && fromFile.ok) {
    assert.deepEqual(fromFile.models, fromStream.models, 'the file read (seeking) and the stream read give the same models');
    return fromStream.models;
  }
  if (!fromStream.ok && !fromFile.ok) {
    assert.equal(fromFile.err.constructor, fromStream.err.constructor);
    assert.equal(fromFile.err.message, fromStream.err.message, 'the file read and the stream read fail alike');
    throw fromStream.err;
  }
  assert.fail(`one read failed and the other did not: stream ${fromStream.ok ? 'read' : fromStream.err.message}, file ${fromFile.ok ? 'read' : fromFile.err.message}`);
}
