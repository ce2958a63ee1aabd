// Hostile images: package databases that add up to gigabytes, an index that names itself
// exponentially often, layout blobs that are devices or FIFOs, configs of the wrong shape and a
// package database with 200,000 packages. Each failed before (out of memory, a hang, or an
// internal error); `timeout` only turns a hang into a failure, nothing here measures speed.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImages } from '../../../src/targets/image/readers.js';
import { readBothWays } from './both-paths.js';
import { MAX_PACKAGES_PER_FILE } from '../../../src/targets/image/layer-scan.js';
import { ImageReadError } from '../../../src/targets/image/layer-scan.js';
import { badHistory, layoutWithBadLayer, manyPackages, manyStatusLayers, repeatingIndex } from './hostile-images.js';

const tmp = mkdtempSync(join(tmpdir(), 'tightship-image-hostile-'));
after(() => { rmSync(tmp, { recursive: true, force: true }); });
const HANG = { timeout: 300_000 };
// every archive is read as a stream and as a file, and the two must agree
const read = (tar: Buffer) => readBothWays(tar);

describe('hostile images are read within bounds', () => {
  it('100 gzip layers each holding a 32 MiB dpkg status: facts kept, not 3 GB of text', HANG, async () => {
    const [m] = await read(manyStatusLayers(100, 32 << 20));
    // each database is capped, and the image's budget of packages runs out: both are said
    assert.ok(m.packages.length <= MAX_PACKAGES_PER_FILE, String(m.packages.length));
    const said = m.problems.filter((p) => p.kind === 'content-too-large' && p.path === '/var/lib/dpkg/status').map((p) => p.detail);
    assert.ok(said.some((d) => /^more than 50000 packages; the first 50000 kept$/.test(d)), said.join('\n'));
    assert.ok(said.some((d) => /budget of packages is spent/.test(d)), said.join('\n'));
    assert.equal(m.texts['/var/lib/dpkg/status'], undefined, 'the text itself is not kept');
  });
  it('an OCI index naming the next level 40 times, 8 levels deep, is read once per document', HANG, async () => {
    const d = join(tmp, 'index-bomb');
    repeatingIndex(d, 8, 40);
    const models = await readImages(d, '/', {});
    assert.equal(models.length, 1);
  });
  for (const what of ['/dev/zero', '/dev/urandom', 'fifo'] as const) {
    it(`a layout blob that is ${what === 'fifo' ? 'a FIFO' : `a link to ${what}`} is refused, not read without end`, HANG, async () => {
      const d = join(tmp, `bad-${what.replace(/\W/g, '')}`);
      layoutWithBadLayer(d, what);
      await assert.rejects(readImages(d, '/', {}), (err: unknown) => err instanceof ImageReadError && /(a device|a named pipe \(FIFO\)), not a regular file; not read/.test(err.message));
    });
  }
  for (const [name, history] of [['holds null', [null, { created_by: 'RUN x' }, 7]], ['is not a list', { created_by: 'x' }], ['is a string', 'x']] as const) {
    it(`a config whose history ${name} is read`, async () => {
      const [m] = await read(badHistory(history));
      assert.ok(m, 'an image model');
      assert.ok(Array.isArray(m.history));
    });
  }
  it('a dpkg status with 200,000 packages is read (no argument-list overflow) and capped', HANG, async () => {
    const [m] = await read(manyPackages(200_000));
    assert.equal(m.packages.length, MAX_PACKAGES_PER_FILE);
    assert.ok(m.problems.some((p) => p.kind === 'content-too-large' && /more than 50000 packages/.test(p.detail)));
  });
});
