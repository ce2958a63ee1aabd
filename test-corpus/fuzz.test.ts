// The generator-driven fuzz step (test/fuzz/fuzz.ts) over the corpus, with a fixed seed and a
// time budget: mutated corpus Dockerfiles and compose files, generated shell and images, each
// with planted secrets. Fails on any crash, hang or leak it reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { corpusDir, corpusList, repoRoot } from './corpus.js';

test('fuzz (seed 17, 60 s): no crash, no hang, no planted secret in any output', () => {
  corpusList('dockerfiles.txt'); // a missing corpus fails here, loudly
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist/test/fuzz/fuzz.js')], {
    encoding: 'utf8',
    env: { ...process.env, TIGHTSHIP_CORPUS: corpusDir(), TIGHTSHIP_FUZZ_SEED: '17', TIGHTSHIP_FUZZ_SECONDS: process.env.TIGHTSHIP_FUZZ_SECONDS ?? '60' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-20).join('\n');
  assert.match(r.stdout + r.stderr, /0 crashes, 0 hangs, 0 leaks/, summary);
  assert.equal(r.status, 0, summary);
});
