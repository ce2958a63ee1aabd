// Inline ignores in files with run lines: the comment above a command covers all its lines.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { runModelOf, runResults } from '../../../src/targets/run/audit.js';
import { runRules } from '../../../src/rules/run/index.js';
import { defaultConfig } from '../../../src/engine/config-types.js';

const audit = (text: string) => runResults(runModelOf('ci.sh', text), { config: defaultConfig(), rules: runRules, today: '2026-01-01' });

it('an ignore above a continued command covers its continuation lines, and is an accepted risk', () => {
  const [r] = audit('# tightship ignore=run/privileged -- the CI runner builds images\ndocker run --rm \\\n  --privileged busybox:1.36 true\n');
  assert.ok(!r.findings.some((f) => f.ruleId === 'run/privileged'));
  assert.deepEqual(r.acceptedRisks?.map((a) => [a.ruleId, a.reason]), [['run/privileged', 'the CI runner builds images']]);
});

it('it does not reach the next command', () => {
  const results = audit('# tightship ignore=run/privileged -- one\ndocker run --rm --privileged busybox:1.36 true\ndocker run --rm --privileged busybox:1.36 true\n');
  assert.deepEqual(results.map((r) => r.findings.some((f) => f.ruleId === 'run/privileged')), [false, true]);
});

it('two commands on one line are two targets, each with its own findings', () => {
  const results = audit('docker run --rm --privileged busybox:1.36 true && docker run --rm -u 1000 busybox:1.36 true\n');
  assert.deepEqual(results.map((r) => [r.target.line, r.findings.some((f) => f.ruleId === 'run/privileged'), r.findings.some((f) => f.ruleId === 'run/user-missing')]), [[1, true, true], [1, false, false]]);
});
