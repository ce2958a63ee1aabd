// relPosix: the path findings name a compose file, Dockerfile or env_file by, relative to the cwd;
// its shortcut for a file under the cwd must give what path.relative gives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { relPosix } from '../../../src/targets/compose/load.js';

describe('relPosix', { skip: path.sep !== '/' }, () => {
  const cases: [string, string][] = [
    ['/a/b', '/a/b/compose.yaml'],
    ['/a/b', '/a/b/c/d/Dockerfile'],
    ['/a/b', '/a/bc/compose.yaml'],
    ['/a/b', '/a/b'],
    ['/a/b', '/a/compose.yaml'],
    ['/a/b', '/x/y/.env'],
    ['/a/b/', '/a/b/compose.yaml'],
    ['/a/./b', '/a/b/compose.yaml'],
    ['/a/b', '/a/b/./c/compose.yaml'],
    ['/a/b', '/a/b/c/../compose.yaml'],
    ['/a/b', '/a/b//compose.yaml'],
    ['/a/b', '/a/b/c/'],
    ['/a/b', '/a/b/.hidden/..x/.env'],
    ['/', '/compose.yaml'],
    ['a/b', 'a/b/compose.yaml'],
  ];
  for (const [cwd, abs] of cases) {
    it(`${abs} from ${cwd}`, () => {
      assert.equal(relPosix(cwd, abs), path.relative(cwd, abs) || path.basename(abs));
    });
  }
});
