import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMap, buildsOf, configBuilds } from '../../../src/targets/project/build-map.js';
import { ignoreFileFor } from '../../../src/targets/project/guess.js';
import { scanTree } from '../../../src/targets/project/tree.js';
import type { Build } from '../../../src/targets/project/types.js';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { buildContextModel } from '../../../src/targets/context/build.js';
import { diskFs } from '../../../src/targets/context/fs.js';

const projects = fileURLToPath(new URL('../../../../test/fixtures/projects/', import.meta.url));

async function mapOf(name: string) {
  return buildMap(path.join(projects, name));
}

/** COPY sources of a build, resolved against its context as BuildKit would: source text → found? */
function copyResults(root: string, b: Build): Map<string, boolean> {
  const text = readFileSync(path.join(root, b.dockerfile), 'utf8');
  const model = parseDockerfile(text, { path: b.dockerfile, buildArgs: b.args });
  const ignore = b.ignoreFile ? { path: b.ignoreFile, kind: b.ignoreFile.endsWith('.dockerignore') && b.ignoreFile !== '.dockerignore' && !b.ignoreFile.endsWith('/.dockerignore') ? 'dockerfile' as const : 'context' as const, text: readFileSync(path.join(root, b.ignoreFile), 'utf8') } : null;
  const ctx = buildContextModel({ dockerfile: model, dockerfilePath: b.dockerfile, contextPath: b.context, fs: diskFs(path.join(root, b.context)), ignore });
  const out = new Map<string, boolean>();
  for (const c of ctx.copies) for (const s of c.sources) out.set(s.text, s.files.length > 0);
  return out;
}

function assertSources(root: string, b: Build, present: string[], missing: string[]): void {
  const r = copyResults(root, b);
  for (const p of present) assert.equal(r.get(p), true, `${p} should be found in context ${b.context} of ${b.dockerfile}`);
  for (const m of missing) assert.equal(r.get(m), false, `${m} should be missing in context ${b.context}`);
}

test('compose with context: .. builds docker/Dockerfile from the root, override args merged', async () => {
  const root = path.join(projects, 'compose-context-up');
  const map = await mapOf('compose-context-up');
  const [web, ...rest] = buildsOf(map, 'docker/Dockerfile');
  assert.equal(rest.length, 0);
  assert.deepEqual(
    { context: web.context, target: web.target, args: web.args, named: web.namedContexts, source: web.source, file: web.file, line: web.line, ignore: web.ignoreFile, name: web.name },
    { context: '.', target: 'release', args: { NODE_ENV: 'production', DEBUG: '1' }, named: { assets: 'src' }, source: 'compose', file: 'docker/compose.yaml', line: 5, ignore: '.dockerignore', name: 'web' },
  );
  assertSources(root, web, ['package.json', 'src', 'docker/entrypoint.sh'], ['missing.txt']);
  // the remote and the outside contexts are notes on their builds; the map keeps the rest
  const msgs = map.notes.map((n) => `${n.file}:${n.line}: ${n.message}`);
  assert.ok(msgs.some((m) => m.startsWith('docker/compose.yaml:13:') && m.includes('https://github.com/acme/tools.git#main is remote')), msgs.join('\n'));
  assert.ok(msgs.some((m) => m.startsWith('docker/compose.yaml:16:') && m.includes('outside the project')), msgs.join('\n'));
});

test('the same Dockerfile judged from its own folder misses what the real build finds', () => {
  const root = path.join(projects, 'compose-context-up');
  const wrong: Build = { dockerfile: 'docker/Dockerfile', context: 'docker', args: {}, namedContexts: {}, source: 'guess', file: '', line: 1 };
  const r = copyResults(root, wrong);
  assert.equal(r.get('package.json'), false);
  assert.equal(r.get('src'), false);
});

test('bake: variables, inherits, named contexts and target resolved; abstract targets are no builds', async () => {
  const root = path.join(projects, 'bake-inherits');
  const map = await mapOf('bake-inherits');
  const builds = buildsOf(map, 'build/Dockerfile');
  assert.deepEqual(builds.map((b) => b.name), ['api', 'worker']);
  const [api, worker] = builds;
  assert.equal(api.context, '.');
  assert.equal(api.target, 'release');
  assert.deepEqual(api.args, { VERSION: 'latest' });
  assert.deepEqual(api.namedContexts, { shared: 'libs/shared', base: 'docker-image://alpine:3.20' });
  assert.equal(api.line, 17);
  assert.deepEqual(worker.args, { VERSION: 'latest', MODE: 'worker' });
  assert.equal(worker.target, 'release', 'inherited through api');
  assertSources(root, api, ['app/'], ['missing.txt']);
  // the broken bake file is a located note, and its folder's Dockerfile still gets a (guessed) build
  const bad = map.notes.find((n) => n.file === 'broken/docker-bake.hcl');
  assert.ok(bad && bad.line === 2 && /does not parse/.test(bad.message), JSON.stringify(map.notes));
  assert.equal(buildsOf(map, 'broken/Dockerfile')[0]?.source, 'guess');
});

test('workflow: build-push-action (file relative to the workspace) and docker buildx build in a run step', async () => {
  const root = path.join(projects, 'workflow-action');
  const map = await mapOf('workflow-action');
  const builds = buildsOf(map, 'deploy/Dockerfile');
  assert.deepEqual(builds.map((b) => [b.source, b.target, b.line]), [['workflow', 'release', 8], ['workflow', 'debug', 19]]);
  assert.deepEqual(builds[0].args, { VERSION: '${{ github.sha }}', CHANNEL: 'stable' });
  assert.deepEqual(builds[1].namedContexts, { shared: 'shared' });
  assertSources(root, builds[0], ['app.sh'], ['missing.txt']);
  const bad = map.notes.find((n) => n.file === '.github/workflows/broken.yml');
  assert.ok(bad && /does not parse as YAML/.test(bad.message));
});

test('package.json script: docker build -f docker/Dockerfile --target release .', async () => {
  const root = path.join(projects, 'package-script');
  const map = await mapOf('package-script');
  const [b] = buildsOf(map, 'docker/Dockerfile');
  assert.deepEqual([b.source, b.file, b.line, b.context, b.target, b.name], ['script', 'package.json', 5, '.', 'release', 'svc:dev']);
  assertSources(root, b, ['package.json', 'lib'], ['missing.txt']);
});

test('Makefile: simple make variables resolved in the build command', async () => {
  const root = path.join(projects, 'makefile');
  const map = await mapOf('makefile');
  const [b] = buildsOf(map, 'build/Dockerfile');
  assert.deepEqual([b.source, b.file, b.line, b.context, b.args, b.name], ['script', 'Makefile', 8, '.', { VERSION: '1.2.3' }, 'acme/tool:1.2.3']);
  assertSources(root, b, ['go.mod', 'cmd'], ['missing.txt']);
});

test('a symlinked root Dockerfile: one Dockerfile, built from the root', async () => {
  const root = path.join(projects, 'symlink-root');
  const map = await mapOf('symlink-root');
  assert.deepEqual(map.discovery.dockerfiles, ['docker/Dockerfile']);
  assert.deepEqual(map.discovery.notAudited, [{ path: 'Dockerfile', reason: 'symbolic link to docker/Dockerfile, audited there' }]);
  const [b] = buildsOf(map, 'docker/Dockerfile');
  assert.equal(b.source, 'guess');
  assert.equal(b.context, '.');
  assert.ok(b.reason);
  assert.match(b.reason, /Dockerfile links to it/);
  assertSources(root, b, ['requirements.txt', 'app'], ['missing.txt']);
});

test('Containerfiles are found; a podman build after cd "$(dirname "$0")/.." runs from the root', async () => {
  const root = path.join(projects, 'containerfile');
  const map = await mapOf('containerfile');
  assert.deepEqual(map.discovery.dockerfiles, ['Containerfile', 'images/worker.Containerfile']);
  const [worker] = buildsOf(map, 'images/worker.Containerfile');
  assert.deepEqual([worker.source, worker.file, worker.line, worker.context], ['script', 'scripts/build-images.sh', 4, '.']);
  assertSources(root, worker, ['bin/worker'], []);
  const [main] = buildsOf(map, 'Containerfile');
  assert.equal(main.source, 'guess');
  assertSources(root, main, ['bin/'], ['missing.txt']);
});

test('a template beside a Dockerfile is skipped with its reason', async () => {
  const map = await mapOf('template');
  assert.deepEqual(map.discovery.dockerfiles, ['Dockerfile']);
  assert.deepEqual(map.discovery.templates.map((t) => t.path), ['Dockerfile.j2']);
  assert.match(map.discovery.templates[0].reason, /\.j2 template/);
  assert.deepEqual(map.builds.map((b) => b.dockerfile), ['Dockerfile']);
});

test('a test stage after the release stage: the map records each target built', async () => {
  const root = path.join(projects, 'test-stage-last');
  const map = await mapOf('test-stage-last');
  const builds = buildsOf(map, 'Dockerfile');
  assert.deepEqual(builds.map((b) => [b.name, b.target]), [['app', 'release'], ['tests', 'test']]);
  assertSources(root, builds[0], ['package.json'], ['missing.txt']);
  // deploy/stack.yml is a compose file by content, not by name
  assert.deepEqual(map.discovery.composeGroups, [['compose.yaml'], ['deploy/stack.yml']]);
});

test('config builds: parsed, paths relative to the config file, bad entries noted', () => {
  const tree = scanTree(path.join(projects, 'compose-context-up'));
  const m = configBuilds([
    { dockerfile: 'docker/Dockerfile', context: '.', target: 'release', args: { A: 1 }, contexts: { assets: 'src' } },
    { context: '.' },
    { dockerfile: 'nope/Dockerfile' },
  ], '.tightship.yaml', tree);
  assert.deepEqual(m.builds, [{ dockerfile: 'docker/Dockerfile', context: '.', args: { A: '1' }, namedContexts: { assets: 'src' }, source: 'config', file: '.tightship.yaml', line: 1, target: 'release' }]);
  assert.deepEqual(m.notes.map((n) => n.message), ['builds[1]: needs at least dockerfile: PATH', 'builds[2]: Dockerfile nope/Dockerfile does not exist in the project']);
  assert.deepEqual(configBuilds('x', '.tightship.yaml', tree).notes.length, 1);
});

test('config builds outrank compose; identical builds are one, with the other places listed', async () => {
  const root = path.join(projects, 'compose-context-up');
  const map = await buildMap(root, undefined, {
    config: { file: '.tightship.yaml', builds: [{ dockerfile: 'docker/Dockerfile', context: '.', target: 'release', args: { NODE_ENV: 'production', DEBUG: '1' }, contexts: { assets: 'src' } }] },
  });
  const builds = buildsOf(map, 'docker/Dockerfile');
  assert.equal(builds.length, 1);
  assert.equal(builds[0].source, 'config');
  assert.deepEqual(builds[0].alsoIn, [{ source: 'compose', file: 'docker/compose.yaml', line: 5 }]);
});

test('the Dockerfile\'s own ignore file wins over the context\'s', () => {
  const files = new Set(['.dockerignore', 'docker/Dockerfile', 'docker/Dockerfile.dockerignore']);
  assert.equal(ignoreFileFor('docker/Dockerfile', '.', files), 'docker/Dockerfile.dockerignore');
  files.delete('docker/Dockerfile.dockerignore');
  assert.equal(ignoreFileFor('docker/Dockerfile', '.', files), '.dockerignore');
  assert.equal(ignoreFileFor('docker/Dockerfile', 'docker', files), undefined);
});

test('compose merge keys, bake JSON, a script run from its own folder, and a $1 path noted', async () => {
  const map = await mapOf('anchors-and-scripts');
  const api = buildsOf(map, 'services/api/Dockerfile');
  assert.deepEqual(api.map((b) => [b.source, b.name, b.context, b.target, b.alsoIn?.map((a) => a.source)]), [
    ['compose', 'api', 'services/api', 'runtime', [ 'compose' ]],
    ['bake', 'api', 'services/api', 'runtime', undefined],
  ]);
  assert.deepEqual(api[1].args, { PY: '3.12' });
  const [pty] = buildsOf(map, 'tools/pty/Dockerfile.golang');
  assert.deepEqual([pty.source, pty.context, pty.args], ['script', 'tools/pty', { GOOS: 'linux' }]);
  assert.deepEqual(map.notes.map((n) => `${n.file}:${n.line}: ${n.message}`), [
    'tools/pty/cross.sh:4: docker build (shell): Dockerfile src/$1/Dockerfile uses a variable this map cannot resolve',
  ]);
});

test('a map that leaves its guesses to the audits: each Dockerfile no build names is guessed from its parse as the map would have guessed it', async () => {
  const { takeGuess } = await import('../../../src/targets/project/guess.js');
  let guessed = 0;
  for (const name of readdirSync(projects)) {
    const root = path.join(projects, name);
    const tree = scanTree(root);
    const whole = await buildMap(root, tree);
    const deferred = await buildMap(root, tree, { deferGuesses: true });
    const guesses = whole.builds.filter((b) => b.source === 'guess');
    assert.deepEqual(deferred.builds, whole.builds.filter((b) => b.source !== 'guess'), name);
    assert.deepEqual([...deferred.unguessed ?? []].sort(), guesses.map((b) => b.dockerfile).sort(), name);
    for (const g of guesses) {
      const b = takeGuess(deferred, tree, g.dockerfile, () => parseDockerfile(readFileSync(path.join(root, g.dockerfile), 'utf8'), { path: g.dockerfile }));
      assert.deepEqual(b, g, `${name}: ${g.dockerfile}`);
      assert.equal(takeGuess(deferred, tree, g.dockerfile, () => null), null, 'guessed once');
      guessed++;
    }
    assert.equal(deferred.unguessed?.size ?? 0, 0);
  }
  assert.ok(guessed >= 4, `the fixtures hold guesses (${guessed})`);
});
