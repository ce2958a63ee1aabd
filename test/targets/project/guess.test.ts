import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copySourcesOf, guessContext, type GuessTree } from '../../../src/targets/project/guess.js';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';

function tree(files: string[], links: Record<string, string> = {}): GuessTree {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return { files, dirs, links: new Map(Object.entries(links)) };
}

test('own folder when the sources are there', () => {
  const g = guessContext({ dockerfile: 'svc/Dockerfile', copySources: ['app.py', 'requirements.txt'] }, tree(['svc/Dockerfile', 'svc/app.py', 'svc/requirements.txt', 'app.py']));
  assert.equal(g.context, 'svc');
  assert.match(g.reason, /its own folder: 2 of 2/);
});

test('an ancestor when the sources are found there and not beside the Dockerfile', () => {
  const t = tree(['docker/Dockerfile', 'package.json', 'src/index.js', 'docker/entrypoint.sh']);
  const g = guessContext({ dockerfile: 'docker/Dockerfile', copySources: ['package.json', 'src/', 'docker/entrypoint.sh'] }, t);
  assert.equal(g.context, '.');
  assert.match(g.reason, /3 of 3 COPY\/ADD sources are found under the project root and 0 under docker\//);
});

test('a source naming the Dockerfile\'s folder first points at its parent, even when the file is generated', () => {
  const g = guessContext({ dockerfile: 'a/docker/Dockerfile', copySources: ['docker/generated.conf'] }, tree(['a/docker/Dockerfile']));
  assert.equal(g.context, 'a');
});

test('wildcards resolve; COPY . . and an empty list keep the own folder', () => {
  const t = tree(['deploy/Dockerfile', 'go.mod', 'go.sum']);
  assert.equal(guessContext({ dockerfile: 'deploy/Dockerfile', copySources: ['go.*'] }, t).context, '.');
  assert.equal(guessContext({ dockerfile: 'deploy/Dockerfile', copySources: ['.'] }, t).context, 'deploy');
  assert.equal(guessContext({ dockerfile: 'deploy/Dockerfile', copySources: [] }, t).context, 'deploy');
});

test('a symlink at another folder makes that folder the context', () => {
  const g = guessContext({ dockerfile: 'docker/Dockerfile', copySources: [] }, tree(['Dockerfile', 'docker/Dockerfile'], { Dockerfile: 'docker/Dockerfile' }));
  assert.equal(g.context, '.');
});

test('copySourcesOf: local sources only (no --from, URLs, heredocs), ARGs expanded', () => {
  const m = parseDockerfile('FROM a AS b\nARG DIR=src\nCOPY --from=b /x /y\nCOPY ${DIR} package*.json ./\nADD https://x.test/f /f\nCOPY <<EOF /e\nhi\nEOF\nCOPY ["a b", "/c"]\n', { path: 'Dockerfile' });
  assert.deepEqual(copySourcesOf(m), ['src', 'package*.json', 'a b']);
});

test('wildcards over several parts: a folder that holds files matches, an empty folder and a file in the middle do not', () => {
  const files = tree(['svc/Dockerfile', 'cmd/api/main.go', 'cmd/worker/main.go', 'conf.d/a.conf', 'notes']);
  const t: GuessTree = { ...files, dirs: new Set([...files.dirs, 'empty', 'svc/empty']) };
  const own = (copySources: string[]) => guessContext({ dockerfile: 'svc/Dockerfile', copySources }, t).context;
  assert.equal(own(['cmd/*/main.go']), '.');
  assert.equal(own(['cmd/w?rker']), '.');
  assert.equal(own(['c*']), '.');
  assert.equal(own(['cmd/*/main.rs']), 'svc');
  assert.equal(own(['emp*']), 'svc', 'an empty folder holds nothing a wildcard finds');
  assert.equal(own(['notes/*']), 'svc', 'a file is no folder');
  assert.equal(own(['conf.[d]/*.conf']), '.');
});
