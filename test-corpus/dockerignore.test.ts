// Every .dockerignore file of the real-world corpus parses, and every pattern compiles.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDockerignore, IgnoreMatcher } from '../src/targets/context/ignore.js';
import { corpusDir, corpusList } from './corpus.js';

// corpusList throws a clear error when the corpus is missing
corpusList('dockerfiles.txt');
const corpus = corpusDir();

function findIgnoreFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findIgnoreFiles(p, out);
    else if (e.name === '.dockerignore') out.push(p);
  }
  return out;
}

describe('real-world .dockerignore files', () => {
  const files = findIgnoreFiles(corpus).sort();
  it('holds the 43 files', () => { assert.equal(files.length, 43); });
  for (const f of files) {
    it(`parses ${path.relative(corpus, f)}`, () => {
      const parsed = parseDockerignore(fs.readFileSync(f, 'utf8'));
      const m = new IgnoreMatcher(parsed);
      assert.deepEqual(m.problems, []);
      assert.equal(m.rules.length, parsed.rules.length, 'every pattern compiles');
      m.excludes('some/deep/path/file.txt');
    });
  }
});
