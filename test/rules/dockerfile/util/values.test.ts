// key=value lists of ENV, ARG and LABEL as the Dockerfile frontend reads them (values.ts
// parseKeyValues), read with code-unit tests instead of a regular expression per character: the
// whitespace that separates pairs is JavaScript's \s, quotes and escapes as before.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseKeyValues } from '../../../../src/rules/dockerfile/util/values.js';

const pairs = (args: string, legacy = false) => parseKeyValues(args, legacy).map((p) => [p.key, p.value, p.keyIndex, p.valueIndex, p.rawValue]);

describe('parseKeyValues', () => {
  it('reads pairs, quoted values and keys without a value', () => {
    assert.deepEqual(pairs('A=1 B="two words" C=\'x y\' D'), [
      ['A', '1', 0, 2, '1'],
      ['B', 'two words', 4, 6, '"two words"'],
      ['C', 'x y', 18, 20, "'x y'"],
      ['D', null, 26, -1, ''],
    ]);
  });

  it('keeps escapes: a backslash escapes the next character, inside double quotes only some', () => {
    assert.deepEqual(pairs('A=a\\ b B="q\\"x\\n"'), [['A', 'a b', 0, 2, 'a\\ b'], ['B', 'q"x\\n', 7, 9, '"q\\"x\\n"']]);
    // a quote left open runs to the end of the text
    assert.deepEqual(pairs('A="open B=2'), [['A', 'open B=2', 0, 2, '"open B=2']]);
  });

  it('separates pairs by any whitespace JavaScript knows, not only blanks', () => {
    for (const ws of ['\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff']) {
      assert.deepEqual(pairs(`${ws}A=1${ws}B=2${ws}`).map((p) => p.slice(0, 2)), [['A', '1'], ['B', '2']], JSON.stringify(ws));
    }
    // NEL (U+0085) and ZWSP (U+200B) are not whitespace to \s: they are part of the word
    assert.deepEqual(pairs('A=1\u0085B=2').map((p) => p.slice(0, 2)), [['A', '1\u0085B=2']]);
    assert.deepEqual(pairs('A=1\u200bB=2').map((p) => p.slice(0, 2)), [['A', '1\u200bB=2']]);
  });

  it('reads the legacy form (ENV KEY value words) only when the first word has no =', () => {
    assert.deepEqual(pairs('  PATH /usr/bin:$PATH and more  ', true), [['PATH', '/usr/bin:$PATH and more', 2, 7, '/usr/bin:$PATH and more']]);
    assert.deepEqual(pairs('A=1 B', true), [['A', '1', 0, 2, '1'], ['B', null, 4, -1, '']]);
  });

  it('unquotes keys as well, and an empty text has no pairs', () => {
    // a quoted key does not hold a blank: `"my key"=v` is the key `my` and the pair `key=v`
    assert.deepEqual(pairs('"my key"=v'), [['my', null, 0, -1, ''], ['key', 'v', 4, 9, 'v']]);
    assert.deepEqual(pairs(''), []);
    assert.deepEqual(pairs('   '), []);
  });
});
