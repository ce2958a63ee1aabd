// tightship's own Dockerfile (the repository root): graded hardened by tightship itself with no
// finding at all, and shaped as documented (multi-stage, no RUN in the runtime stage, a fixed
// numeric non-root user, exec-form ENTRYPOINT, an allowlist .dockerignore).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli-io.js';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

it('the root Dockerfile lints hardened with no findings in its context', async () => {
  const r = await runCli(['lint', 'Dockerfile', '--format', 'json', '--fail-on', 'info'], ROOT);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const report = JSON.parse(r.stdout) as { results: { target: { kind: string; path: string; context?: string }; level: string; findings: unknown[]; acceptedRisks?: { ruleId: string; reason: string }[] }[] };
  const own = report.results.filter((t) => t.target.path === 'Dockerfile');
  assert.equal(own.length, 1);
  const [result] = own;
  assert.ok(result);
  assert.equal(result.level, 'hardened');
  assert.deepEqual(result.findings, []);
  assert.equal(result.target.context, '.');
  // the one accepted risk is the documented one, with its reason
  assert.deepEqual((result.acceptedRisks ?? []).map((a) => a.ruleId), ['context/private-key-copied']);
});

it('the root Dockerfile: two stages, no RUN at run time, numeric USER, exec-form ENTRYPOINT and CMD', () => {
  const text = readFileSync(`${ROOT}Dockerfile`, 'utf8');
  const model = parseDockerfile(text, { path: 'Dockerfile' });
  assert.equal(model.stages.length, 2);
  const runtime = model.stages.at(-1);
  assert.ok(runtime);
  const keywords = runtime.instructions.map((i) => i.keyword);
  assert.ok(!keywords.includes('RUN'), 'the runtime stage must build without a shell');
  assert.ok(!keywords.includes('SHELL'));
  const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1);
  assert.ok(user);
  assert.match(user.args.trim(), /^[1-9]\d{3,}:[1-9]\d{3,}$/);
  for (const k of ['ENTRYPOINT', 'CMD']) {
    const inst = runtime.instructions.find((i) => i.keyword === k);
    assert.ok(Array.isArray(inst?.json), `${k} in exec form`);
  }
  assert.match(text, /^ARG BUILD_IMAGE=\S+@sha256:[0-9a-f]{64}$/m);
  assert.match(text, /^ARG RUNTIME_IMAGE=\S+@sha256:[0-9a-f]{64}$/m);
});

it('.dockerignore lets in only the manifest, the lockfile, the sources and what builds them', () => {
  const lines = readFileSync(`${ROOT}.dockerignore`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '*');
  assert.deepEqual(lines.filter((l) => l.startsWith('!')), ['!package.json', '!package-lock.json', '!tsconfig.json', '!scripts/bundle.mjs', '!src/']);
});
