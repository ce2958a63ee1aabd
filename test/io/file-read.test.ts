import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { auditText, readFileBytes, treeText } from '../../src/file-read.js';
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

describe('the audit\'s text and the tree\'s', () => {
  // lint guesses a Dockerfile's context from the text its audit read (commands/lint.ts
  // guessAtAudit) where the build map once read the tree's view: the two agree whenever the audit
  // can read the file at all
  it('a file the audit reads has the same text in the tree\'s view', async () => {
    const files = await Promise.all([
      write('s/ok/Dockerfile', 'FROM alpine\n'), write('s/two-bom/Dockerfile', '\ufeff\ufeffFROM alpine\n'),
      write('s/bom/Dockerfile', '\ufeffFROM alpine\r\nRUN true\r\n'), write('s/utf8/Dockerfile', 'FROM alpine # \u00e9\u4e2d\n'),
      write('s/empty/Dockerfile', ''), write('s/latin1/Dockerfile', Buffer.from('FROM alpine # \xe9\n', 'latin1')),
    ]);
    files.push(path.join(tmp, 's/missing/Dockerfile'));
    let read = 0;
    for (const f of files) {
      const audit = readTextFileSync(f);
      if ('error' in audit) continue;
      read++;
      const tree = treeText(readFileBytes(f, 2 * MB));
      // the one difference: of two leading byte-order marks the tree's view keeps the second,
      // the audit's drops both (its guess then reads the text the audit grades)
      if (f.includes('two-bom')) assert.equal(tree, `\ufeff${audit.text}`, f);
      else assert.equal(tree, audit.text, f);
    }
    assert.equal(read, 4, 'the empty, Latin-1 and missing files are not read by the audit');
  });
});
