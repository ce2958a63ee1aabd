import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applySafeFixes, fixUntilStable, MAX_FIX_PASSES } from '../../src/engine/fix.js';
import type { Edit, Finding } from '../../src/engine/types.js';

function f(ruleId: string, edits: Edit[], safe = true): Finding {
  return { ruleId, severity: 'warning', message: ruleId, location: { path: 'x', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    fix: { description: `fix ${ruleId}`, safe, edits } };
}

describe('applySafeFixes', () => {
  it('applies non-overlapping edits in any order of findings', () => {
    const text = 'abcdef';
    const out = applySafeFixes(text, [f('b', [{ start: 4, end: 5, text: 'E' }]), f('a', [{ start: 0, end: 1, text: 'A' }])]);
    assert.equal(out.text, 'AbcdEf');
    assert.deepEqual(out.applied.map((a) => a.ruleId), ['a', 'b']);
  });
  it('skips a fix that overlaps one already taken (whole fix, all its edits)', () => {
    const out = applySafeFixes('abcdef', [
      f('a', [{ start: 1, end: 3, text: 'XX' }]),
      f('b', [{ start: 2, end: 4, text: 'YY' }, { start: 5, end: 6, text: 'Z' }]),
    ]);
    assert.equal(out.text, 'aXXdef');
    assert.deepEqual(out.applied.map((a) => a.ruleId), ['a']);
  });
  it('two insertions at the same offset conflict; the second waits for the next pass', () => {
    const out = applySafeFixes('ab', [f('a', [{ start: 1, end: 1, text: '1' }]), f('b', [{ start: 1, end: 1, text: '2' }])]);
    assert.equal(out.text, 'a1b');
  });
  it('never applies suggestions (unsafe fixes) or edits out of range', () => {
    const out = applySafeFixes('abc', [f('a', [{ start: 0, end: 1, text: 'X' }], false), f('b', [{ start: 2, end: 9, text: 'Y' }])]);
    assert.equal(out.text, 'abc');
    assert.deepEqual(out.applied, []);
  });
});

describe('fixUntilStable', () => {
  it('re-lints after each pass until nothing is left', async () => {
    // a fake linter: one finding per lowercase 'x', fixing the first one each pass
    const lint = (t: string) => {
      const i = t.indexOf('x');
      return Promise.resolve(i < 0 ? [] : [f('upper', [{ start: i, end: i + 1, text: 'X' }])]);
    };
    const out = await fixUntilStable('axbxcx', lint);
    assert.equal(out.text, 'aXbXcX');
    assert.equal(out.passes, 3);
    assert.equal(out.applied.length, 3);
  });
  it('stops after MAX_FIX_PASSES when fixes keep coming', async () => {
    const lint = (t: string) => Promise.resolve([f('grow', [{ start: t.length, end: t.length, text: '+' }])]);
    const out = await fixUntilStable('', lint);
    assert.equal(out.passes, MAX_FIX_PASSES);
    assert.equal(out.text, '+'.repeat(MAX_FIX_PASSES));
  });
});
