import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMap } from '../../../src/targets/project/build-map.js';
import { composeFacts, discover } from '../../../src/targets/project/discover.js';
import { fastParse } from '../../../src/targets/compose/fast-yaml.js';
import type { ProjectTree } from '../../../src/targets/project/tree.js';

/** A tree in memory that counts the reads of each file. */
function memTree(files: Record<string, string>): { tree: ProjectTree; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const tree: ProjectTree = {
    root: '/nowhere', files: Object.keys(files).sort(), dirs, links: new Map(),
    read(rel) {
      reads.set(rel, (reads.get(rel) ?? 0) + 1);
      return files[rel] ?? null;
    },
  };
  return { tree, reads };
}

// anchors, an aliased build, merge keys in a service and in a build, an alias as a whole service
const COMPOSE = `x-build: &build
  context: ./api
  dockerfile: Dockerfile.prod
  args: &args
    PY: "3.12"
x-svc: &svc
  image: example/base
services:
  api:
    build: *build
  worker:
    <<: *svc
    build:
      <<: *build
      target: worker
      args:
        EXTRA: "1"
  copy: *svc
`;

const DOCKERFILE = 'FROM local/python\nCOPY app.py /app/\n';

async function buildsOf(compose: string) {
  const { tree, reads } = memTree({ 'compose.yaml': compose, 'api/Dockerfile.prod': DOCKERFILE, 'api/app.py': '' });
  const map = await buildMap(tree.root, tree);
  const builds = map.builds.map((b) => ({ name: b.name, source: b.source, dockerfile: b.dockerfile, context: b.context, target: b.target, args: b.args, line: b.line }));
  return { builds, reads, discovery: map.discovery };
}

test('compose files: the fast reader and the yaml library give the same builds (aliases, merge keys)', async () => {
  assert.notEqual(fastParse(COMPOSE), undefined, 'the fast reader reads this file');
  // a tab in a comment is outside the fast reader's subset: the yaml library reads the file
  const withTab = COMPOSE.replace('services:\n', 'services: #\tfor the library\n');
  assert.equal(fastParse(withTab), undefined);
  const fast = await buildsOf(COMPOSE);
  const library = await buildsOf(withTab);
  assert.deepEqual(fast.builds, [
    { name: 'api', source: 'compose', dockerfile: 'api/Dockerfile.prod', context: 'api', target: undefined, args: { PY: '3.12' }, line: 2 },
    { name: 'worker', source: 'compose', dockerfile: 'api/Dockerfile.prod', context: 'api', target: 'worker', args: { EXTRA: '1' }, line: 14 },
  ]);
  assert.deepEqual(library.builds, fast.builds);
  assert.deepEqual(library.discovery, fast.discovery);
});

test('discovery and the build map read a compose file once', async () => {
  const { reads } = await buildsOf(COMPOSE);
  assert.equal(reads.get('compose.yaml'), 1);
});

test('a tree keeps its compose files\' parses up to a bound: beyond it the build map reads a file again, with the same builds', async () => {
  // three compose files of ~600 KB (a long comment): the first is kept, the next two are not
  const pad = `# ${'x'.repeat(600 * 1024)}\n`;
  const files: Record<string, string> = {};
  for (const name of ['a', 'b', 'c']) Object.assign(files, { [`${name}/compose.yaml`]: pad + COMPOSE, [`${name}/api/Dockerfile.prod`]: DOCKERFILE, [`${name}/api/app.py`]: '' });
  const { tree, reads } = memTree(files);
  const map = await buildMap(tree.root, tree);
  assert.deepEqual([...reads].filter(([f]) => f.endsWith('compose.yaml')), [['a/compose.yaml', 1], ['b/compose.yaml', 2], ['c/compose.yaml', 2]]);
  for (const name of ['a', 'b', 'c']) {
    assert.deepEqual(map.builds.filter((b) => b.file === `${name}/compose.yaml`).map((b) => [b.name, b.dockerfile, b.target ?? null]), [['api', `${name}/api/Dockerfile.prod`, null], ['worker', `${name}/api/Dockerfile.prod`, 'worker']], name);
  }
});

test('composeFacts: entries as written (an aliased service has neither image nor build), include and extends files', () => {
  const facts = composeFacts('services:\n  a: &a\n    image: x\n    extends:\n      file: base.yaml\n      service: b\n  b: *a\ninclude:\n  - one.yaml\n  - path: [two.yaml, three.yaml]\n');
  assert.ok(facts);
  assert.deepEqual([...facts.services], [['a', { image: true, build: false }], ['b', { image: false, build: false }]]);
  assert.deepEqual(facts.includes, ['one.yaml', 'two.yaml', 'three.yaml']);
  assert.deepEqual(facts.extendsFiles, ['base.yaml']);
  assert.equal(composeFacts('services: [a, b]\n'), null);
  assert.equal(composeFacts('services:\n  a: {\n'), null, 'does not parse');
});

test('a compose file that does not parse: a note at the line of the error, the rest of the map kept', async () => {
  const { tree } = memTree({ 'compose.yaml': 'services:\n  web:\n    build: .\n', 'Dockerfile': DOCKERFILE, 'app.py': '', '.github/workflows/ci.yml': 'jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {context: .\n' });
  const map = await buildMap(tree.root, tree, { discovery: discover(tree) });
  assert.deepEqual(map.builds.map((b) => [b.source, b.name]), [['compose', 'web']]);
  assert.deepEqual(map.notes.map((n) => [n.file, /^does not parse as YAML \(.+\): its builds are left out$/.test(n.message)]), [['.github/workflows/ci.yml', true]]);
});
