import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRemote, parseBuildCommand } from '../../../src/targets/project/docker-build.js';

test('docker build forms: -f, context, --target, --build-arg, --build-context, clusters and = forms', () => {
  const b = parseBuildCommand(['docker', 'build', '-f', 'docker/Dockerfile', '--target=release', '--build-arg', 'A=1', '--build-arg=B', '-qt', 'img:1', '--build-context', 'lib=../lib', '--platform', 'linux/amd64', '.']);
  assert.deepEqual(b, { file: 'docker/Dockerfile', context: '.', target: 'release', args: { A: '1', B: '${B}' }, namedContexts: { lib: '../lib' }, tags: ['img:1'], unknown: [] });
  assert.equal(parseBuildCommand(['docker', 'buildx', 'build', '--push', '-fD2', 'ctx'])?.file, 'D2');
  assert.equal(parseBuildCommand(['docker', 'buildx', 'build', '--push', '-fD2', 'ctx'])?.context, 'ctx');
  assert.equal(parseBuildCommand(['docker', '--context', 'remote', 'image', 'build', 'app'])?.context, 'app');
  assert.equal(parseBuildCommand(['podman', 'build', '--ignorefile', 'x.ignore', '-f', 'Containerfile', '.'])?.ignoreFile, 'x.ignore');
  assert.equal(parseBuildCommand(['buildah', 'bud', '-t', 'x', 'dir'])?.context, 'dir');
  assert.deepEqual(parseBuildCommand(['docker', 'build', '--frobnicate', '.'])?.unknown, ['--frobnicate']);
});

test('not image builds', () => {
  assert.equal(parseBuildCommand(['docker', 'run', 'build']), null);
  assert.equal(parseBuildCommand(['docker', 'compose', 'build']), null);
  assert.equal(parseBuildCommand(['npm', 'run', 'build']), null);
  assert.equal(parseBuildCommand(['docker', 'buildx', 'bake']), null);
});

test('remote contexts', () => {
  for (const r of ['https://github.com/a/b.git#main', 'git://host/x.git', 'git@github.com:a/b.git', 'github.com/a/b#ref']) assert.ok(isRemote(r), r);
  for (const l of ['.', '..', 'docker', './app.git-tools']) assert.ok(!isRemote(l), l);
});
