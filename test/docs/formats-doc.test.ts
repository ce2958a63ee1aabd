// docs/formats.md says its examples are real output: run each command it shows on the Dockerfile
// it shows and compare, so the page cannot drift from the formatters and rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli-io.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = readFileSync(join(repo, 'docs/formats.md'), 'utf8');

interface Example { argv: string[]; expected: string }

function examples(): { dockerfile: string; runs: Example[] } {
  const blocks = [...doc.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] }));
  const dockerfile = blocks.find((b) => b.lang === 'dockerfile')?.body;
  assert.ok(dockerfile, 'docs/formats.md shows a Dockerfile');
  const runs: Example[] = [];
  blocks.forEach((b, i) => {
    const m = /^\$ tightship (lint Dockerfile[^\n]*)\n([\s\S]*)$/.exec(b.body);
    if (!m) return;
    // the output is the rest of the block, or the next block when the command stands alone
    const expected = m[2].length > 0 ? m[2] : blocks[i + 1].body;
    runs.push({ argv: m[1].trim().split(/\s+/), expected });
  });
  return { dockerfile, runs };
}

test('every example in docs/formats.md is what tightship prints', async () => {
  const { dockerfile, runs } = examples();
  assert.ok(runs.length >= 4, `expected the pretty, json, sarif and github examples, found ${runs.length}`);
  const dir = mkdtempSync(join(tmpdir(), 'tightship-formats-doc-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    for (const run of runs) {
      const r = await runCli(run.argv, dir, {});
      assert.equal(r.stdout.trimEnd(), run.expected.trimEnd(), `tightship ${run.argv.join(' ')} differs from docs/formats.md`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
