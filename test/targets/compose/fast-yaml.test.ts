// The fast compose-YAML reader gives exactly what the `yaml` library path gives — same tree, same
// values, same ranges (line, column, offset), same tags, same diagnostics, same comments — on
// tables of tricky YAML (the real-world corpus and its mutants: test-corpus/compose-fast-yaml.test.ts);
// and it hands anything outside its subset to the library.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseComposeText } from '../../../src/targets/compose/parse.js';
import { fastParse, resolvePlain } from '../../../src/targets/compose/fast-yaml.js';
import { assertSame } from './fast-yaml-same.js';

describe('fast compose-YAML reader', () => {
  // Each snippet is compared (tree, ranges, diagnostics) between the two paths; `fast` says whether
  // the fast reader is expected to take it (false: it must hand it to the library).
  const cases: { name: string; text: string; fast: boolean }[] = [
    { name: 'scalars of every core type', fast: true, text: 'a: 1\nb: -2\nc: +3\nd: 1.50\ne: .5\nf: 1e3\ng: 0x1F\nh: 0o17\ni: -0o7\nj: .inf\nk: -.Inf\nl: .nan\nm: true\nn: False\no: TRUE\np: yes\nq: null\nr: ~\ns: Null\nt: 3.8\nu: 1.10\nv: 010\nw: 1_000\nx: 12:30\n' },
    { name: 'keys that are not strings', fast: true, text: '1: a\ntrue: b\nnull: c\n2.50: d\n0x10: f\n' },
    { name: 'quoted scalars and escapes', fast: true, text: 'a: "x y"\nb: \'it\'\'s\'\nc: "tab\\there \\"q\\" back\\\\slash \\/ nl\\n"\nd: ""\ne: \'\'\n"f": 1\n\'g h\': 2\n' },
    { name: 'hex and unicode escapes go to the library', fast: false, text: 'a: "\\x41\\u00e9"\n' },
    { name: 'comments everywhere', fast: true, text: '# head\nservices: # trailing\n  # before\n  web:   # after key\n    image: nginx # c\n    # between\n    ports:\n      - "80:80" # p\n      # inside list\n\n      - 443\n    # after list, service indent\n  # after service, services indent\n# column 0\n  db:\n    image: postgres\n# end\n\n' },
    { name: 'deeper trailing comments stay with the collection', fast: true, text: 'a:\n  b:\n    c: 1\n    # t1\n  # t2\n# t3\nz:\n  - 1\n      # deep\n  # same\nq: 1\n' },
    { name: 'trailing comments after a block scalar', fast: true, text: 'a:\n  b: |\n    x\n\n      # deeper is content\n  # c\n  d: 1\ne:\n  f: >-\n    y\n\n# c2\ng: 1\n' },
    { name: 'empty values', fast: true, text: 'a:\nb:   \nc:\n  d:\n  e:\nf: 1\n' },
    { name: 'empty values with comments after them', fast: true, text: 'a:\n  b:\n\n  # c\nd:\n  e: # x\n  f:\n    # deep\n\n  g:\n  # same\n  h: 1\n  i:   # x\n\n    # y\nj: 1\n' },
    { name: 'empty value last in the file, comments after', fast: true, text: 'a:\n  b:\n  e:\n\n# x\n' },
    { name: 'sequences: indented, not indented, of mappings', fast: true, text: 'a:\n  - x\n  - "y"  \n  -  z\nb:\n- 1\n- 2\nc:\n  - k: 1\n    l: 2\n  - m: 3\n  -\n    n: 4\n' },
    { name: 'nested sequences go to the library', fast: false, text: 'a:\n  - - 1\n    - 2\n' },
    { name: 'flow collections', fast: true, text: 'a: [1, "two", \'three\', four five]\nb: {k: v, "q": 1, n: [x, y]}\nc: []\nd: {}\ne: [a, b, ]\nf:\n  ["on", "next line"]\ng: [\n    x,  # comment\n    y\n  ]\n' },
    { name: 'block scalars: literal and folded, all chompings', fast: true, text: 'a: |\n  l1\n  l2\n\n\nb: |-\n  s\n\nc: |+\n  k\n\n\nd: >\n  f1\n  f2\n\n  f3\ne: >-\n  g\nf: >+\n  h\n\ng: |\n  # not a comment\n    more indented\n  x\n' },
    { name: 'block scalar with an indentation indicator goes to the library', fast: false, text: 'a: |2\n   x\n' },
    { name: 'folded block scalar with more-indented lines goes to the library', fast: false, text: 'a: >\n  x\n    y\n  z\n' },
    { name: 'anchors, aliases and merge keys', fast: true, text: 'x-common: &common\n  restart: always\n  environment: &env\n    A: 1\nx-two: &two {cpus: 1}\nservices:\n  a:\n    <<: *common\n    image: a\n  b:\n    <<: [*common, *two]\n    environment: *env\n  c:\n    image: &img c:1\n    labels: [*img]\n' },
    { name: 'unknown alias', fast: true, text: 'a: *nope\n' },
    { name: 'alias to a later anchor', fast: true, text: 'a: *later\nb: &later 1\n' },
    { name: 'anchor on an empty value', fast: true, text: 'a: &e\nb: *e\n' },
    { name: 'compose merge tags', fast: true, text: 'services:\n  a:\n    ports: !reset []\n    env: !override\n      A: 1\n    x: !reset\n' },
    { name: 'other tags go to the library', fast: false, text: 'a: !!str 1\n' },
    { name: 'interpolation', fast: true, text: 'a: ${SET}\nb: "${PORT}:80"\nc: ${UNSET}\nd: ${UNSET:?must be set}\ne: $$literal\nf: ${BAD\n' },
    { name: 'document start marker', fast: true, text: '---\nservices:\n  a:\n    image: x\n' },
    { name: 'document start marker after a comment', fast: true, text: '# c\n--- # x\n\nservices: {}\n' },
    { name: 'two documents', fast: false, text: 'a: 1\n---\nb: 2\n' },
    { name: 'document end marker', fast: false, text: 'a: 1\n...\n' },
    { name: 'directive', fast: false, text: '%YAML 1.2\n---\na: 1\n' },
    { name: 'duplicate keys', fast: false, text: 'a: 1\na: 2\n' },
    { name: 'duplicate keys in a flow mapping', fast: false, text: 'a: {b: 1, b: 2}\n' },
    { name: 'spaces before the colon', fast: true, text: 'a:\n  x :   1\n  "q" : 2\n' },
    { name: 'tabs', fast: false, text: 'a:\n\tb: 1\n' },
    { name: 'CRLF line ends', fast: false, text: 'a: 1\r\nb: 2\r\n' },
    { name: 'multi-line plain scalar', fast: false, text: 'a: one\n  two\nb: 1\n' },
    { name: 'multi-line quoted scalar', fast: false, text: 'a: "one\n  two"\n' },
    { name: 'complex key', fast: false, text: '? a\n: 1\n' },
    { name: 'bad indentation', fast: false, text: 'a:\n    b: 1\n  c: 2\n' },
    { name: 'nested mapping on one line', fast: false, text: 'a: b: c\n' },
    { name: 'unclosed flow', fast: false, text: 'a: [1, 2\n' },
    { name: 'unclosed quote', fast: false, text: 'a: "x\n' },
    { name: 'top-level sequence', fast: false, text: '- a\n- b\n' },
    { name: 'top-level scalar', fast: false, text: 'just text\n' },
    { name: 'comments only', fast: true, text: '# nothing\n\n# here\n' },
    { name: 'empty file', fast: true, text: '' },
    { name: 'no final newline', fast: true, text: 'a:\n  b: [1]\n  c: x' },
    { name: 'block scalar at the end without a final newline', fast: false, text: 'a: |\n  x' },
    { name: 'URLs and colons inside plain scalars', fast: true, text: 'a: http://x:80/y#z\nb: c:d\nc: "e: f"\nd: x #comment\ne: x#not-a-comment\n' },
    { name: 'plain scalars with indicators inside', fast: true, text: 'a: x[1]{2},3\nb: -x\nc: :x\nd: a - b\ne: "@x"\n' },
    { name: 'alias bomb', fast: true, text: 'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n' },
    { name: 'empty sequence item followed by a comment goes to the library', fast: false, text: 'a:\n  -\n  # x\n  - b\n' },
    { name: 'anchor before a compact mapping goes to the library', fast: false, text: 'a:\n  - &x k: v\n' },
    { name: 'alias as a mapping key goes to the library', fast: false, text: 'a: &k x\n*k : 1\n' },
    { name: 'empty sequence items', fast: true, text: 'a:\n  -\n  - b\n  -\nc: 1\n' },
    { name: 'flow lines not deeper than the mapping go to the library', fast: false, text: 'a: {x: 1,\ny: 2}\n' },
    { name: 'flow lines at the mapping column go to the library', fast: false, text: 'a:\n  b: [1,\n  2]\n' },
    { name: 'flow lines at the sequence column go to the library', fast: false, text: 'a:\n  - [1,\n  2]\n' },
    { name: 'closing bracket at the column of the block collection', fast: true, text: 'a: [\n  1\n]\nb:\n  - [\n    1\n  ]\n  - c: {\n      d: 1\n    }\n' },
    { name: 'inner closing bracket at the column goes to the library', fast: false, text: 'a: [[\n  1\n]]\n' },
    { name: 'comment lines inside a flow collection at any column', fast: true, text: 'a:\n  b: [\n# c\n    1\n  ]\n' },
    { name: 'implicit key of more than 1024 characters', fast: false, text: `${'k'.repeat(1100)}: 1\n` },
    { name: 'a __proto__ key', fast: true, text: 'services:\n  a:\n    __proto__: 1\n    labels: {__proto__: x}\n' },
    { name: 'keys that are integers come first in a plain object', fast: true, text: 'b: 1\n2: x\na: 1\n1: y\n' },
    { name: 'byte order mark', fast: true, text: '\ufeffa: 1\n' },
  ];
  for (const c of cases) {
    it(`${c.name}: same result as the yaml library${c.fast ? '' : ' (left to it)'}`, () => {
      const text = c.text.charCodeAt(0) === 0xfeff ? c.text.slice(1) : c.text;
      assert.equal(fastParse(text) !== undefined, c.fast, c.fast ? 'expected the fast reader to take it' : 'expected the fast reader to hand it to the library');
      assertSame(c.text, c.name);
    });
  }

  it('refuses a tree of more than 200 000 nodes even without aliases, as before the fast reader', () => {
    const r = parseComposeText(`services:\n  a:\n    x:\n${'      - y\n'.repeat(200_001)}`, { path: 'compose.yaml', env: {} });
    assert.equal(r.root, null);
    assert.match(r.diagnostics[0].message, /more than 200000 nodes/);
  });

  it('hands a document nested too deep for the stack to the library instead of failing', () => {
    let text = '';
    for (let i = 0; i < 20_000; i++) text += `${' '.repeat(i)}k:\n`;
    assert.equal(fastParse(text), undefined);
  });

  it('resolves plain scalars like the core schema', () => {
    assert.equal(resolvePlain('8080'), 8080);
    assert.equal(resolvePlain('3.10'), 3.1);
    assert.equal(resolvePlain('yes'), 'yes');
    assert.equal(resolvePlain('-0o7'), '-0o7');
    assert.equal(resolvePlain(''), null);
  });
});
