// The fast compose-YAML reader gives exactly what the `yaml` library path gives on every compose
// file of the real-world corpus and on 800 mutants of them (the tables of tricky YAML are in
// test/targets/compose/fast-yaml.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fastParse } from '../src/targets/compose/fast-yaml.js';
import { assertSame } from '../test/targets/compose/fast-yaml-same.js';
import { corpusDir, corpusList } from './corpus.js';

const corpus = corpusDir();

describe('fast compose-YAML reader on the corpus', () => {
  it('reads all 294 compose files of the real-world corpus exactly as the yaml library does', () => {
    const files = corpusList('compose-files.txt');
    assert.equal(files.length, 294);
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(path.join(corpus, f), 'utf8');
      if (fastParse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== undefined) fast++;
      assertSame(text, f);
    }
    // the point of the reader: (nearly) every real file takes the fast path
    assert.ok(fast >= 290, `only ${fast} of 294 files read by the fast reader`);
  });

  it('agrees with the yaml library on 800 mutated corpus files (fixed seed)', () => {
    const files = corpusList('compose-files.txt');
    const texts = files.map((f) => readFileSync(path.join(corpus, f), 'utf8')).filter((t) => t.length < 6000);
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >>> 8) % n;
    };
    const inserts = [' ', '  ', ':', ': ', '\n', '#', ' #', '"', "'", '-', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '|', '>', '!reset ',
      '<<: *a\n', '\n  ', '\n    x: 1', '\n\n', '\n# c\n', '\n  # c\n', '---\n', '?', '%', '\\', 'é', '0x1', '1.5', '~', 'null'];
    let taken = 0;
    for (let n = 0; n < 800; n++) {
      let t = texts[rnd(texts.length)];
      for (let m = 1 + rnd(3); m > 0; m--) {
        const op = rnd(8);
        const lines = t.split('\n');
        const i = rnd(lines.length);
        const sp = ' '.repeat(rnd(9));
        const p = rnd(t.length + 1);
        if (op === 0) t = t.slice(0, p) + t.slice(p + 1 + rnd(3));
        else if (op <= 2) t = t.slice(0, p) + inserts[rnd(inserts.length)] + t.slice(p);
        else {
          if (op === 3) lines.splice(i, 0, lines[rnd(lines.length)]);
          else if (op === 4) lines[i] = rnd(2) ? ' '.repeat(1 + rnd(2)) + lines[i] : lines[i].replace(/^ {1,2}/, '');
          else if (op === 5) lines.splice(i, 0, sp + (rnd(3) ? '# c' : ''));
          else if (op === 6) {
            const flows = lines.map((l, k) => (/[[{].*,/.test(l) ? k : -1)).filter((k) => k >= 0);
            const c = flows.length ? flows[rnd(flows.length)] : i;
            lines[c] = lines[c].replace(/", ?"/, `",\n${sp}"`).replace(/([^"]), ?/, `$1,\n${sp}`).replace(/([[{])/, rnd(2) ? `$1\n${sp}` : '$1');
          } else lines[i] = lines[i].replace(/(\S)$/, `$1\n${sp}${['x', '- y', ']', '}', 'z: 1', '# q'][rnd(6)]}`);
          t = lines.join('\n');
        }
      }
      if (fastParse(t) === undefined) continue;
      taken++;
      assertSame(t, `mutant ${n}: ${JSON.stringify(t)}`);
    }
    assert.ok(taken > 200, `only ${taken} mutants took the fast path`);
  });
});
