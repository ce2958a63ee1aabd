import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discover, isComposeName, isDockerfileName, templateExtension } from '../../../src/targets/project/discover.js';
import type { ProjectTree } from '../../../src/targets/project/tree.js';

/** An in-memory tree (the disk walk is exercised by the fixture projects). */
function tree(files: Record<string, string>, links: Record<string, string | null> = {}): ProjectTree {
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    root: '/nowhere', files: Object.keys(files).sort(), dirs, links: new Map(Object.entries(links)),
    read: (rel) => files[rel] ?? null,
  };
}

test('Dockerfile and Containerfile names', () => {
  for (const n of ['Dockerfile', 'dockerfile', 'api.Dockerfile', 'Dockerfile.prod', 'Containerfile', 'worker.Containerfile', 'Containerfile.dev']) assert.ok(isDockerfileName(n), n);
  for (const n of ['Dockerfile.dockerignore', '.dockerignore', 'Containerfile.containerignore', 'Dockerfiles', 'README.md']) assert.ok(!isDockerfileName(n), n);
  assert.equal(templateExtension('Dockerfile.j2'), '.j2');
  assert.equal(templateExtension('Dockerfile.prod'), null);
});

test('compose names', () => {
  for (const n of ['compose.yaml', 'compose.prod.yaml', 'docker-compose.yml', 'docker-compose.override.yml', 'app.compose.yml', 'stack-compose.yaml', 'compose-dev.yml']) assert.ok(isComposeName(n), n);
  for (const n of ['stack.yml', 'values.yaml', 'composer.yaml']) assert.ok(!isComposeName(n), n);
});

test('templates are skipped with the reason; a symlink to a listed Dockerfile is audited once', () => {
  const d = discover(tree({
    'Dockerfile': 'FROM a', 'docker/Dockerfile': 'FROM a', 'Dockerfile.j2': 'FROM {{x}}', 'Containerfile.in': 'FROM @X@',
    'images/api.Containerfile': 'FROM a', 'Dockerfile.dockerignore': 'x',
  }, { Dockerfile: 'docker/Dockerfile' }));
  assert.deepEqual(d.dockerfiles, ['docker/Dockerfile', 'images/api.Containerfile']);
  assert.deepEqual(d.templates.map((t) => t.path), ['Containerfile.in', 'Dockerfile.j2']);
  assert.deepEqual(d.notAudited, [{ path: 'Dockerfile', reason: 'symbolic link to docker/Dockerfile, audited there' }]);
});

test('compose files by name and by content, grouped as docker compose merges them', () => {
  const svc = (extra = '') => `services:\n  web:\n    image: acme/web\n${extra}`;
  const d = discover(tree({
    'compose.yaml': svc(),
    'compose.override.yaml': 'services:\n  web:\n    ports: ["80:80"]\n',
    'compose.prod.yaml': 'services:\n  web:\n    restart: always\n',
    'compose.tools.yaml': 'services:\n  tool:\n    image: acme/tool\n',
    'deploy/stack.yml': svc(),
    '.ci/compose.ci.yaml': svc(),
    'config/values.yml': 'services:\n  - a\n',
    'docs/notes.yaml': 'title: x\n',
    'empty/docker-compose.yml': 'version: "3"\n',
    'env/compose.a.yaml': svc(), 'env/compose.b.yaml': 'services:\n  web:\n    user: "1000"\n',
    'env/.env': 'COMPOSE_FILE=compose.a.yaml:compose.b.yaml\n',
    'inc/compose.yaml': 'include:\n  - ../lib/compose.yaml\nservices:\n  a:\n    extends:\n      file: ../common/services.yml\n      service: base\n',
    'lib/compose.yaml': svc(),
    'common/services.yml': 'services:\n  base:\n    build: .\n',
  }));
  assert.deepEqual(d.composeGroups, [
    ['compose.yaml', 'compose.override.yaml', 'compose.prod.yaml'],
    ['compose.tools.yaml'],
    ['.ci/compose.ci.yaml'],
    ['deploy/stack.yml'],
    ['env/compose.a.yaml', 'env/compose.b.yaml'],
    ['inc/compose.yaml'],
    ['lib/compose.yaml'],
  ]);
  assert.deepEqual(d.notAudited.map((n) => n.path).sort(), ['common/services.yml', 'empty/docker-compose.yml']);
  assert.deepEqual(d.composeLinks, [
    { from: 'env/.env', to: 'env/compose.b.yaml', how: 'COMPOSE_FILE' },
    { from: 'inc/compose.yaml', to: 'common/services.yml', how: 'extends' },
    { from: 'inc/compose.yaml', to: 'lib/compose.yaml', how: 'include' },
  ]);
});
