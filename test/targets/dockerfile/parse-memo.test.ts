import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newParseMemo, parseOnce, release } from '../../../src/targets/dockerfile/parse-memo.js';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { parseModel } from '../../../src/targets/dockerfile/target.js';
import { isLoadError } from '../../../src/engine/target.js';
import { defaultConfig } from '../../../src/engine/config-types.js';

const TEXT = 'FROM local/alpine AS build\nARG V=1\nRUN apk add --no-cache curl=${V}\nFROM build\nCOPY app /app\n';

test('the same file, text, args and stage: the parse made first is handed on, equal to a fresh one', () => {
  const memo = newParseMemo();
  const first = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' });
  const again = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' });
  assert.equal(again, first);
  assert.deepEqual(again, parseDockerfile(TEXT, { path: 'Dockerfile' }));
});

test('asked under another relative path: the same parse with that path', () => {
  const memo = newParseMemo();
  parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' });
  const m = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'p/Dockerfile' });
  assert.deepEqual(m, parseDockerfile(TEXT, { path: 'p/Dockerfile' }));
  assert.equal(parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'p/Dockerfile' }), m);
});

test('another text, other build args or another stage: parsed for what was asked', () => {
  const memo = newParseMemo();
  const first = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' });
  const edited = TEXT.replace('curl', 'wget');
  assert.deepEqual(parseOnce(memo, '/p/Dockerfile', edited, { path: 'Dockerfile' }), parseDockerfile(edited, { path: 'Dockerfile' }));
  const withArgs = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile', buildArgs: { V: '2' } });
  assert.notEqual(withArgs, first);
  assert.deepEqual(withArgs, parseDockerfile(TEXT, { path: 'Dockerfile', buildArgs: { V: '2' } }));
  const staged = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile', target: 'build' });
  assert.equal(staged.target, 'build');
  assert.deepEqual(staged, parseDockerfile(TEXT, { path: 'Dockerfile', target: 'build' }));
});

test('only the files the run audits are kept', () => {
  const memo = newParseMemo(['/p/Dockerfile']);
  const other = parseOnce(memo, '/q/Dockerfile', TEXT, { path: 'Dockerfile' });
  assert.notEqual(parseOnce(memo, '/q/Dockerfile', TEXT, { path: 'Dockerfile' }), other);
  const kept = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' });
  assert.equal(parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' }), kept);
});

test('the load step takes the run\'s parse of the file (relative to the cwd), with the config\'s build args', () => {
  const memo = newParseMemo();
  const fromMap = parseOnce(memo, '/work/app/Dockerfile', TEXT, { path: 'Dockerfile' });
  const config = defaultConfig();
  const loaded = parseModel(TEXT, 'app/Dockerfile', { cwd: '/work', config, parsed: memo });
  assert.ok(!isLoadError(loaded));
  assert.equal(loaded.instructions, fromMap.instructions, 'the same parse, not a new one');
  assert.equal(loaded.path, 'app/Dockerfile');
  const withArgs = parseModel(TEXT, 'app/Dockerfile', { cwd: '/work', config: { ...config, buildArgs: { V: '3' } }, parsed: memo });
  assert.ok(!isLoadError(withArgs));
  assert.notEqual(withArgs.instructions, fromMap.instructions);
});

test('release drops a file\'s parses: the next ask parses again', () => {
  const memo = newParseMemo();
  const first = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' });
  const staged = parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile', target: 'build' });
  release(memo, '/p/Dockerfile');
  assert.notEqual(parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile' }), first);
  assert.notEqual(parseOnce(memo, '/p/Dockerfile', TEXT, { path: 'Dockerfile', target: 'build' }), staged);
});
