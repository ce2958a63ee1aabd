// A stage the project builds with no image as its output (bake `output = ["type=cacheonly"]`, a
// local export) runs no container: `lint .` does not judge the user it ends with; the stage
// built as an image is still judged. On the real fixture test/fixtures/projects/bake-output.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli-io.js';
import { imagelessOutput } from '../../src/targets/project/types.js';
import { readBake } from '../../src/targets/project/bake.js';
import * as fs from 'node:fs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PROJECT = path.join(ROOT, 'test/fixtures/projects/bake-output');

interface Result { target: { kind: string; stage?: string }; level: string | null; notes?: string[]; findings: { ruleId: string; severity: string }[] }

describe('builds that make no image', () => {
  it('imagelessOutput reads bake/buildx output entries', () => {
    assert.equal(imagelessOutput(['type=cacheonly']), 'output type=cacheonly');
    assert.equal(imagelessOutput(['type=local,dest=bin']), 'output type=local');
    assert.equal(imagelessOutput(['./bin']), 'output type=local');
    assert.equal(imagelessOutput(['-']), 'output type=tar');
    assert.equal(imagelessOutput(['type=image,push=true']), null);
    assert.equal(imagelessOutput(['type=docker']), null);
    assert.equal(imagelessOutput(['type=cacheonly', 'type=registry']), null);
    assert.equal(imagelessOutput(['${OUT}']), null);
    assert.equal(imagelessOutput([]), null);
    assert.equal(imagelessOutput(undefined), null);
  });
  it('the bake reader keeps a target\'s output', async () => {
    const text = fs.readFileSync(path.join(PROJECT, 'docker-bake.hcl'), 'utf8');
    const res = await readBake([{ path: 'docker-bake.hcl', text }]);
    const out = Object.fromEntries(res.targets.map((t) => [t.name, t.output ?? null]));
    assert.deepEqual(out, { app: null, artefacts: ['type=local,dest=./out'], lint: ['type=cacheonly'] });
  });
  it('last-user-root is judged only on the stage built as an image', async () => {
    const r = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none'], PROJECT);
    assert.equal(r.stderr, '');
    const results = (JSON.parse(r.stdout) as { results: Result[] }).results.filter((x) => x.target.kind === 'dockerfile');
    const byStage = new Map(results.map((x) => [x.target.stage, x]));
    assert.deepEqual([...byStage.keys()].sort(), ['app', 'artefacts', 'lint']);
    const get = (s: string): Result => {
      const x = byStage.get(s);
      assert.ok(x, s);
      return x;
    };
    const rootFindings = (s: string) => get(s).findings.filter((f) => f.ruleId === 'dockerfile/last-user-root').map((f) => f.severity);
    assert.deepEqual(rootFindings('app'), ['error']);
    assert.equal(get('app').level, 'root');
    for (const s of ['lint', 'artefacts']) {
      assert.deepEqual(rootFindings(s), [], s);
      assert.notEqual(get(s).level, 'root', s);
      assert.ok(get(s).notes?.some((n) => n.startsWith(`no image: bake target ${s} (docker-bake.hcl:`) && n.includes('is not judged')), JSON.stringify(get(s).notes));
    }
  });
});
