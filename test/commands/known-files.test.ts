// The config lookup asks the trees discovery walked before the disk (commands/discover.ts
// knownFiles): what they answer must be what a stat of the disk says, and they must not answer
// where the walk did not see a folder whole. Real trees in a temp dir.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { knownFiles, type Project } from '../../src/commands/discover.js';
import { scanTree } from '../../src/targets/project/tree.js';
import { CONFIG_FILE_NAMES, HADOLINT_CONFIG_FILE_NAMES, createConfigLoader } from '../../src/engine/config.js';
import { withTempDir } from '../helpers/temp-dir.js';

const NAMES = [...CONFIG_FILE_NAMES, ...HADOLINT_CONFIG_FILE_NAMES];

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const isFileOnDisk = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

describe('knownFiles', () => {
  it('answers as the disk does for every folder walked, and leaves links, skipped and unknown folders to the disk', () => {
    withTempDir('tightship-known-', (root) => {
    write(root, {
      '.tightship.yaml': 'failOn: error\n',
      'a/Dockerfile': 'FROM alpine\n',
      'a/b/.hadolint.yml': 'ignored: [DL3008]\n',
      'c/.tightship.yml/keep': '', // a folder of a config file's name
      'node_modules/x/.tightship.yaml': 'failOn: none\n',
      'real/.hadolint.yaml': 'ignored: []\n',
    });
    fs.symlinkSync(path.join(root, 'real/.hadolint.yaml'), path.join(root, 'a/.hadolint.yaml'));
    fs.symlinkSync(path.join(root, 'missing.yaml'), path.join(root, 'c/.hadolint.yaml'));
    const projects: Project[] = [{ root, tree: scanTree(root) }];
    const known = knownFiles(projects, 'linux');
    const folders = ['.', 'a', 'a/b', 'c', 'c/.tightship.yml', 'real'];
    for (const f of folders) {
      for (const name of NAMES) {
        const dir = path.join(root, f);
        const said = known(dir, name);
        const link = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
        if (link) assert.equal(said, undefined, `${f}/${name} is a link: the disk is asked`);
        else assert.equal(said, isFileOnDisk(path.join(dir, name)), `${f}/${name}`);
      }
    }
    assert.equal(known(path.join(root, 'node_modules/x'), '.tightship.yaml'), undefined); // not walked
    assert.equal(known(path.dirname(root), '.tightship.yaml'), undefined); // above the tree
    assert.equal(knownFiles(projects, 'darwin')(root, '.tightship.yaml'), undefined); // names may match in other spellings there
    });
  });

  it('does not answer for a tree cut at its file limit', () => {
    withTempDir('tightship-known-', (root) => {
    write(root, { 'a/one': '', 'a/two': '', 'b/.tightship.yaml': 'failOn: error\n' });
    const tree = scanTree(root, 2);
    assert.equal(tree.truncated, true);
    assert.equal(tree.files.includes('b/.tightship.yaml'), false);
    assert.equal(knownFiles([{ root, tree }], 'linux')(path.join(root, 'b'), '.tightship.yaml'), undefined);
    });
  });

  it('the config loader finds the same config files with the trees as without', () => withTempDir('tightship-known-', async (root) => {
    write(root, {
      'svc/.tightship.yaml': 'failOn: warning\n',
      'svc/deep/er/Dockerfile': 'FROM alpine\n',
      'other/.hadolint.yaml': 'failure-threshold: info\n',
      'other/x/Dockerfile': 'FROM alpine\n',
      'plain/Dockerfile': 'FROM alpine\n',
    });
    const projects: Project[] = [{ root, tree: scanTree(root) }];
    const make = () => createConfigLoader({ env: {}, overrides: {}, catalogue: [] });
    const withTrees = make();
    let asked = 0;
    const known = knownFiles(projects, 'linux');
    withTrees.knowFiles((dir, name) => { asked++; return known(dir, name); });
    const plain = make();
    for (const f of ['svc/deep/er', 'svc', 'other/x', 'plain', '.']) {
      const dir = path.join(root, f);
      const [a, b] = [await withTrees.forDir(dir), await plain.forDir(dir)];
      assert.equal(a.failOn, b.failOn, f);
    }
    assert.equal((await withTrees.forDir(path.join(root, 'svc/deep/er'))).failOn, 'warning');
    assert.equal((await withTrees.forDir(path.join(root, 'other/x'))).failOn, 'info');
    assert.ok(asked > 0, 'the loader asked the trees');
  }));
});
