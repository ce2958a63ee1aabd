// The real-world corpus through the CLI in one process: every Dockerfile is audited, nothing
// crashes, and two runs give byte-identical JSON.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../test/helpers/cli-io.js';
import { corpusDir, corpusList } from './corpus.js';

const CORPUS = corpusDir();

it('lint over every corpus Dockerfile: no crash, every file audited, deterministic JSON', { timeout: 300_000 }, async () => {
  const files = corpusList('dockerfiles.txt');
  assert.ok(files.length > 1000, `expected the full corpus, got ${files.length} files`);
  const argv = ['lint', ...files, '--format', 'json', '--no-context', '--fail-on', 'none'];
  const first = await runCli(argv, CORPUS);
  assert.equal(first.stderr, '', 'nothing on stderr');
  assert.equal(first.code, 0, 'exit 0 with --fail-on none (no file could not be audited)');
  const report = JSON.parse(first.stdout) as { results: { target: { path: string }; error?: string; findings: { ruleId: string; message: string }[] }[] };
  // every file is audited; a file its project builds at several stages once per stage
  // (example-voting-app's vote/Dockerfile: compose builds it as is and with target: dev)
  assert.deepEqual([...new Set(report.results.map((r) => r.target.path))].sort(), [...files].sort());
  const perStage = report.results.map((r) => `${r.target.path}\u0000${(r.target as { stage?: string }).stage ?? ''}`);
  assert.equal(new Set(perStage).size, perStage.length, 'one result per file and stage');
  const errors = report.results.filter((r) => r.error !== undefined).map((r) => `${r.target.path}: ${r.error}`);
  assert.deepEqual(errors, []);
  const internal = report.results.flatMap((r) => r.findings.filter((f) => /internal error/i.test(f.message)).map((f) => `${r.target.path}: ${f.ruleId} ${f.message}`));
  assert.deepEqual(internal, []);
  const second = await runCli(argv, CORPUS);
  assert.ok(first.stdout === second.stdout, 'two runs give byte-identical JSON');
});
