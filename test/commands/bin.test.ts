// One smoke test of the real executable (everything else calls main() in-process).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'dist/src/cli.js');

it('the tightship bin lints a Dockerfile and sets the exit code', () => {
  const r = spawnSync(process.execPath, [BIN, 'lint', 'test/fixtures/lint/root/Dockerfile', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.results[0].level, 'root');
  const usage = spawnSync(process.execPath, [BIN, 'lint', '--format'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^tightship: option '--format' needs a value\nhint: /);
  assert.doesNotMatch(usage.stderr, /\n\s+at /);
});
