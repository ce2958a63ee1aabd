// A folder whose name is not UTF-8 cannot be opened through the string paths the readers use:
// lint says so in `skipped` instead of leaving out what the folder holds without a word.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli-io.js';
import { scanTree } from '../../../src/targets/project/tree.js';

it('a Dockerfile under a folder named in Latin-1 is reported as skipped, with why', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tightship-names-'));
  try {
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'Dockerfile'), 'FROM alpine:3.20\nUSER 10001\n');
    const odd = Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9])]);
    mkdirSync(odd);
    writeFileSync(Buffer.concat([odd, Buffer.from('/Dockerfile')]), 'FROM alpine:3.20\n');
    const tree = scanTree(root);
    assert.deepEqual(tree.files.filter((f) => f.endsWith('Dockerfile')), ['Dockerfile']);
    assert.deepEqual(tree.unreadable?.map((u) => u.path), ['caf\uFFFD']);
    const r = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none'], root);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { results: { target: { path: string } }[]; skipped?: { path: string; reason: string }[] };
    assert.deepEqual(out.results.map((x) => x.target.path), ['Dockerfile']);
    const skipped = out.skipped?.find((s) => s.path === 'caf\uFFFD');
    assert.ok(skipped, JSON.stringify(out.skipped));
    assert.match(skipped.reason, /a folder whose name is not UTF-8: not searched/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
