// .dockerignore semantics, table-driven, against Docker's documented behaviour (docs.docker.com
// "Build context > .dockerignore files") and moby/patternmatcher, plus each place where
// @balena/dockerignore (a port of Docker's matcher) deviates: our own matcher (glob.ts) does not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import dockerignore from '@balena/dockerignore';
import { dockerignoreMatcher, parseDockerignore, cleanPath } from '../../../src/targets/context/ignore.js';

type Row = [ignoreFile: string, path: string, excluded: boolean, why: string];

const TABLE: Row[] = [
  // anchored at the context root
  ['*.pem', 'key.pem', true, 'root-level match'],
  ['*.pem', 'certs/key.pem', false, 'patterns are anchored at the root: *.pem is not **/*.pem'],
  ['**/*.pem', 'certs/deep/key.pem', true, '** matches any number of directories'],
  ['**/*.pem', 'key.pem', true, '** matches zero directories too'],
  ['*/temp*', 'somedir/temporary.txt', true, 'docs example: */temp*'],
  ['*/temp*', 'temp.txt', false, '*/temp* needs one directory level'],
  ['*/*/temp*', 'a/b/temp.txt', true, 'docs example: */*/temp*'],
  ['temp?', 'tempa', true, 'docs example: temp? matches one character'],
  ['temp?', 'temp', false, '? needs exactly one character'],
  ['temp?', 'temp/x', false, 'temp? does not match temp (and so not its children)'],
  ['a?c', 'a/c', false, '? never matches /'],
  ['*', 'dir/file', true, '* at the root matches the directory, and so everything in it'],
  ['file[0-9].txt', 'file7.txt', true, 'character range'],
  ['file[^0-9].txt', 'file7.txt', false, 'negated character class'],
  ['file[^0-9].txt', 'fileX.txt', true, 'negated character class matches others'],
  ['file\\*.txt', 'file*.txt', true, 'backslash escapes a wildcard'],
  ['file\\*.txt', 'fileA.txt', false, 'an escaped * is literal'],
  ['node_modules', 'node_modules/a/b.js', true, 'a directory pattern excludes everything below'],
  ['node_modules', 'src/node_modules/a.js', false, 'but only at the root'],
  ['**/node_modules', 'src/node_modules/a.js', true, '**/ finds it anywhere'],
  ['docs/**', 'docs/a/b.md', true, 'trailing ** matches everything inside'],
  ['docs/**', 'docsx/a.md', false, 'trailing ** keeps the slash'],
  // ! re-includes, last match wins
  ['*.md\n!README.md', 'README.md', false, 'docs example: ! re-includes'],
  ['*.md\n!README.md', 'CHANGES.md', true, 'others stay excluded'],
  ['*.md\n!README*.md\nREADME-secret.md', 'README-secret.md', true, 'docs example: the last matching line wins'],
  ['*.md\n!README*.md\nREADME-secret.md', 'README-public.md', false, 'docs example: re-included'],
  ['!keep.txt\n*', 'keep.txt', true, 'a ! before the exclusion does not help'],
  ['build\n!build/keep.txt', 'build/keep.txt', false, 're-include inside an excluded directory'],
  ['build\n!build/keep.txt', 'build/other.txt', true, 'the rest of the directory stays out'],
  // comments, whitespace, cleaning
  ['# *.txt', 'a.txt', false, 'a line starting with # is a comment'],
  ['  # a.txt', '# a.txt', true, 'a # after leading spaces is not a comment: the pattern is "# a.txt"'],
  ['*.txt   ', 'a.txt', true, 'trailing spaces are trimmed'],
  ['   *.txt', 'a.txt', true, 'leading spaces are trimmed'],
  ['/secret.txt', 'secret.txt', true, 'leading / is removed'],
  ['./secret.txt', 'secret.txt', true, 'leading ./ is cleaned'],
  ['dir/', 'dir/a', true, 'trailing / is cleaned'],
  ['a/../b', 'b', true, 'a/../b is cleaned to b'],
  ['a//b', 'a/b', true, 'double slashes are cleaned'],
  ['! secret.txt\n', 'secret.txt', false, 'spaces after ! are trimmed (nothing excluded it anyway)'],
  ['*\n! secret.txt', 'secret.txt', false, '"! secret.txt" re-includes secret.txt'],
  ['\r\n*.log\r\n', 'a.log', true, 'CRLF line endings'],
  // where the library alone deviates (the wrapper corrects these)
  ['*.PEM', 'key.pem', false, 'case-sensitive (the library ignores case by default)'],
  ['\uFEFF*.pem', 'key.pem', true, 'a UTF-8 BOM before the first pattern is dropped'],
  ['lib(c++).a', 'lib(c++).a', true, '+ ( ) are literal characters'],
  ['a|b', 'a', false, '| is literal, not an alternation'],
  ['a|b', 'a|b', true, '| matches itself'],
  ['{a,b}.txt', 'a.txt', false, 'no brace expansion'],
  ['a[/]b', 'a/b/c', true, 'a pattern matching a parent at any depth excludes what is below'],
  ['x/**y', 'x/1/y/z', true, 'mid-segment ** matching a deeper parent'],
  ['!#keep\n*', '#keep', true, 'a later * excludes #keep again'],
  ['*\n!#keep', '#keep', false, '!#keep re-includes a file named #keep'],
  ['constructor', 'constructor', true, 'a file named like an Object.prototype key'],
];

describe('.dockerignore matching (Docker semantics)', () => {
  for (const [ignore, path, excluded, why] of TABLE) {
    it(`${JSON.stringify(ignore)} ${excluded ? 'excludes' : 'keeps'} ${path}: ${why}`, () => {
      assert.equal(dockerignoreMatcher(ignore).excludes(path), excluded);
    });
  }
});

describe('deviations of @balena/dockerignore used alone (why the wrapper exists)', () => {
  const raw = (ignore: string, path: string): boolean => dockerignore.default().add(ignore).ignores(path);
  it('ignores case by default', () => { assert.equal(raw('*.PEM', 'key.pem'), true); });
  it('passes + to the RegExp engine (throws)', () => { assert.throws(() => raw('c++', 'c++')); });
  it('treats | as alternation', () => { assert.equal(raw('a|b', 'a'), true); });
  it('checks only one parent depth for a pattern', () => { assert.equal(raw('x/**y', 'x/1/y/z'), false); });
  it('never excludes a file named constructor', () => { assert.equal(raw('constructor', 'constructor'), false); });
});

describe('parsing', () => {
  it('reports what Docker refuses, with line numbers', () => {
    const p = parseDockerignore('ok\n!\nlogs/[ab\nx\\\n[]\n');
    assert.deepEqual(p.problems.map((x) => [x.line, x.message.split(':')[0]]), [
      [2, 'illegal exclusion pattern "!"'], [3, 'syntax error in pattern'], [4, 'syntax error in pattern'], [5, 'syntax error in pattern'],
    ]);
    assert.deepEqual(p.rules.map((r) => r.pattern), ['ok']);
  });
  it('cleans like Go filepath.Clean', () => {
    assert.deepEqual(['./a', 'a/', 'a//b', 'a/./b', 'a/../b', '../a', '/', '/../a', ''].map(cleanPath),
      ['a', 'a', 'a/b', 'a/b', 'b', '../a', '/', '/a', '.']);
  });
  it('names the deciding pattern', () => {
    const m = dockerignoreMatcher('*.json\n!package.json\nconfig\n');
    assert.deepEqual(m.check('tsconfig.json').by?.line, 1);
    const pkg = m.check('package.json');
    assert.equal(pkg.excluded, false);
    assert.deepEqual([pkg.by?.line, pkg.by?.text, pkg.by?.pattern, pkg.by?.negated], [2, '!package.json', 'package.json', true]);
    assert.equal(m.check('config/a/b.yaml').by?.text, 'config');
  });
  it('knows which excluded directories a ! pattern can reach into', () => {
    const m = dockerignoreMatcher('node_modules\nbuild\ndist\n!build/keep.txt\n!**/important\n');
    assert.equal(m.couldReinclude('build'), true);
    assert.equal(m.couldReinclude('node_modules'), true, '**/important could be anywhere');
    const n = dockerignoreMatcher('node_modules\nbuild\n!build/keep.txt\n!src/*.js\n');
    assert.equal(n.couldReinclude('node_modules'), false);
    assert.equal(n.couldReinclude('build'), true);
    assert.equal(n.couldReinclude('src'), true);
  });
});
