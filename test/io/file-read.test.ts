import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { auditText, readFileBytes, SharedReads, treeText } from '../../src/file-read.js';
import { readTextFileSync } from '../../src/targets/dockerfile/audit.js';
import { scanTree } from '../../src/targets/project/tree.js';
import { useTempDir } from '../helpers/temp-dir.js';

let tmp = '';
const write = useTempDir('tightship-file-read-', (dir) => { tmp = dir; });
const MB = 1024 * 1024;

describe('reading a file for an audit', () => {
  it('says why a path cannot be audited, one line each', async () => {
    const dir = path.join(tmp, 'a-folder');
    await fs.mkdir(dir, { recursive: true });
    const big = await write('big/Dockerfile', Buffer.alloc(2 * MB + 1, 'a'));
    const empty = await write('empty/Dockerfile', '');
    const blank = await write('blank/Dockerfile', ' \n\t\n');
    const binary = await write('binary/Dockerfile', Buffer.from([0x46, 0x52, 0, 0x4d]));
    const latin1 = await write('latin1/Dockerfile', Buffer.from('FROM alpine\n# caf\xe9\n', 'latin1'));
    const loop = path.join(tmp, 'loop');
    await fs.symlink(loop, loop);
    const dangling = path.join(tmp, 'dangling');
    await fs.symlink(path.join(tmp, 'nowhere'), dangling);
    assert.deepEqual(readTextFileSync(dir), { error: 'is a directory' });
    assert.deepEqual(readTextFileSync('/dev/null'), { error: 'not a regular file' });
    assert.deepEqual(readTextFileSync(big), { error: 'file too large (2.0 MB; the limit is 2 MB): not a Dockerfile?' });
    assert.deepEqual(readTextFileSync(empty), { error: 'empty file' });
    assert.deepEqual(readTextFileSync(blank), { error: 'empty file (only whitespace)' });
    assert.deepEqual(readTextFileSync(binary), { error: 'binary file (NUL byte at offset 2): not a Dockerfile' });
    assert.deepEqual(readTextFileSync(latin1), { error: 'not valid UTF-8 text (first bad byte on line 2); save the file as UTF-8' });
    assert.deepEqual(readTextFileSync(loop), { error: 'symbolic link loop' });
    assert.deepEqual(readTextFileSync(dangling), { error: 'no such file (or a broken symbolic link)' });
  });

  it('the text without a leading byte-order mark; the tree reads an empty file and keeps one of two marks, as TextDecoder does', async () => {
    const bom = await write('bom/Dockerfile', '\ufeffFROM alpine\n');
    const two = await write('two/Dockerfile', '\ufeff\ufeffFROM alpine\n');
    const empty = await write('empty2/Dockerfile', '');
    assert.deepEqual(readTextFileSync(bom), { text: 'FROM alpine\n' });
    assert.deepEqual(readTextFileSync(two), { text: 'FROM alpine\n' });
    assert.equal(treeText(readFileBytes(two, MB)), '\ufeffFROM alpine\n');
    assert.equal(treeText(readFileBytes(empty, MB)), '');
    assert.deepEqual(auditText(readFileBytes(empty, MB)), { error: 'empty file' });
    assert.equal(scanTree(path.join(tmp, 'two')).read('Dockerfile'), '\ufeffFROM alpine\n');
    assert.equal(scanTree(path.join(tmp, 'bom')).read('Dockerfile', 4), null); // over the limit
  });
});

describe('SharedReads: one read of a Dockerfile for the build map and the audit', () => {
  it('each reader gets its own view of the same bytes, whichever asks first', async () => {
    const files = await Promise.all([
      write('s/ok/Dockerfile', 'FROM alpine\n'), write('s/two-bom/Dockerfile', '\ufeff\ufeffFROM alpine\n'),
      write('s/empty/Dockerfile', ''), write('s/latin1/Dockerfile', Buffer.from('FROM alpine # \xe9\n', 'latin1')),
    ]);
    files.push(path.join(tmp, 's/missing/Dockerfile'));
    for (const mapFirst of [true, false]) {
      const reads = new SharedReads(2 * MB);
      for (const f of files) {
        const expectMap = treeText(readFileBytes(f, 2 * MB));
        const expectAudit = readTextFileSync(f);
        if (mapFirst) {
          assert.equal(reads.forMap(f), expectMap, f);
          assert.deepEqual(reads.forAudit(f), expectAudit, f);
        } else {
          assert.deepEqual(reads.forAudit(f), expectAudit, f);
          assert.equal(reads.forMap(f), expectMap, f);
        }
      }
    }
  });

  it('the second reader gets what the file held when the first read it (one read), and a third read reads again', async () => {
    const f = await write('once/Dockerfile', 'FROM alpine:3.19\n');
    const reads = new SharedReads(2 * MB);
    assert.equal(reads.forMap(f), 'FROM alpine:3.19\n');
    await fs.writeFile(f, 'FROM alpine:3.20\n');
    assert.deepEqual(reads.forAudit(f), { text: 'FROM alpine:3.19\n' });
    assert.deepEqual(reads.forAudit(f), { text: 'FROM alpine:3.20\n' });
  });

  it('keeps nothing once the other reader cannot ask, nor beyond its budget', async () => {
    const a = await write('kept/a/Dockerfile', 'FROM alpine:3.19\n');
    const b = await write('kept/b/Dockerfile', 'FROM alpine:3.19\n');
    // the map is done: what the audit read is not kept for it
    const reads = new SharedReads(2 * MB);
    reads.mapDone();
    assert.deepEqual(reads.forAudit(a), { text: 'FROM alpine:3.19\n' });
    await fs.writeFile(a, 'FROM alpine:3.20\n');
    assert.equal(reads.forMap(a), 'FROM alpine:3.20\n');
    // the audit passed the file by (ignored): the map's read is not kept for it
    const passed = new SharedReads(2 * MB);
    passed.passed(b);
    assert.equal(passed.forMap(b), 'FROM alpine:3.19\n');
    await fs.writeFile(b, 'FROM alpine:3.20\n');
    assert.deepEqual(passed.forAudit(b), { text: 'FROM alpine:3.20\n' });
    // a budget of 20 characters holds the first text of 17 and not the second
    const small = new SharedReads(2 * MB, 20);
    await fs.writeFile(a, 'FROM alpine:3.19\n');
    await fs.writeFile(b, 'FROM alpine:3.19\n');
    small.forMap(a);
    small.forMap(b);
    await fs.writeFile(a, 'FROM alpine:3.21\n');
    await fs.writeFile(b, 'FROM alpine:3.21\n');
    assert.deepEqual(small.forAudit(a), { text: 'FROM alpine:3.19\n' });
    assert.deepEqual(small.forAudit(b), { text: 'FROM alpine:3.21\n' });
  });
});
