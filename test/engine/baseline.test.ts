import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, TargetResult } from '../../src/engine/types.js';
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline } from '../../src/engine/baseline.js';

/** A finding on the first line of `text` that contains `needle`. */
function at(text: string, needle: string, ruleId: string): Finding {
  const line = text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  assert.ok(line > 0, needle);
  return { ruleId, severity: 'error', message: `${ruleId} here`, location: { path: 'Dockerfile', startLine: line, startColumn: 1, endLine: line, endColumn: 4 } };
}
function result(findings: Finding[]): TargetResult[] {
  return [{ target: { kind: 'dockerfile', path: 'Dockerfile' }, level: 'root', missingForNextLevel: [], findings }];
}

const V1 = 'FROM debian\nRUN apt-get install curl\nRUN apt-get install curl\nUSER root\n';

describe('baseline', () => {
  it('hides recorded findings after lines shift, shows a new one, reports a fixed one as stale', () => {
    const before = result([at(V1, 'USER root', 'dockerfile/last-user-root'), at(V1, 'apt-get', 'dockerfile/apt-get-missing-yes'),
      { ...at(V1, 'apt-get', 'dockerfile/apt-get-missing-yes'), location: { ...at(V1, 'apt-get', 'x').location, startLine: 3, endLine: 3 } }]);
    const baseline = parseBaseline(serializeBaseline(createBaseline(before, { Dockerfile: V1 })));
    assert.ok(!('error' in baseline));
    assert.equal(baseline.entries.length, 3, 'identical lines get their own occurrence index');
    // three lines added above, one apt-get line fixed, a new finding
    const V2 = `# syntax=docker/dockerfile:1\n\nARG X=1\nFROM debian\nRUN apt-get install -y curl\nRUN apt-get install curl\nUSER root\nADD https://x/y /y\n`;
    const after = result([at(V2, 'USER root', 'dockerfile/last-user-root'), at(V2, 'install curl', 'dockerfile/apt-get-missing-yes'), at(V2, 'ADD', 'dockerfile/add-url')]);
    const out = applyBaseline(after, { Dockerfile: V2 }, baseline);
    assert.deepEqual(out.results[0].findings.map((f) => f.ruleId), ['dockerfile/add-url']);
    assert.equal(out.hidden, 2);
    assert.equal(out.stale.length, 1);
    assert.equal(out.stale[0].ruleId, 'dockerfile/apt-get-missing-yes');
  });

  it('never stores source text or secrets, only hashes; entries of files not audited are kept', () => {
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const text = `FROM x\nENV T=${secret}\n`;
    const b = createBaseline(result([at(text, 'ENV', 'dockerfile/env-secret')]), { Dockerfile: text },
      { version: 1, entries: [{ ruleId: 'r/x', path: 'other/Dockerfile', fingerprint: `${'a'.repeat(32)}:1` }] });
    const s = serializeBaseline(b);
    assert.ok(!s.includes(secret) && !s.includes('ENV'));
    assert.ok(s.includes('other/Dockerfile'));
  });

  it('a broken file says what is wrong', () => {
    assert.deepEqual(parseBaseline('{'), { error: 'not JSON' });
    assert.match((parseBaseline('{"version":1,"entries":[{"ruleId":1}]}') as { error: string }).error, /entry 0/);
  });
});
