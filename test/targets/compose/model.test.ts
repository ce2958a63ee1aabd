import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { interpolate, parseDotEnv } from '../../../src/targets/compose/interpolate.js';
import { parsePortString } from '../../../src/targets/compose/services.js';
import { assembleCompose } from '../../../src/targets/compose/load.js';
import { toPlain } from '../../../src/targets/compose/model.js';
import { GENERATED_FILE, generateValidatorSource } from '../../../scripts/compose-schema-codegen.js';

const env = { SET: 'v', EMPTY: '' };
describe('interpolation', () => {
  const cases: [string, string, number][] = [
    ['${SET}', 'v', 0], ['$SET-x', 'v-x', 0], ['${UNSET}', '', 1], ['${UNSET:-d}', 'd', 0], ['${EMPTY:-d}', 'd', 0],
    ['${EMPTY-d}', '', 0], ['${UNSET-d}', 'd', 0], ['${SET:+r}', 'r', 0], ['${UNSET:+r}', '', 0], ['$$SET', '$SET', 0],
    ['${UNSET:-${SET}}', 'v', 0], ['${EMPTY:?e}', '', 1], ['${EMPTY?e}', '', 0], ['a$', 'a$', 0], ['$(seq 3) $1', '$(seq 3) $1', 0], ['${', '${', 1],
  ];
  for (const [input, value, issues] of cases) {
    it(input, () => {
      const r = interpolate(input, env);
      assert.equal(r.value, value);
      assert.equal(r.issues.length, issues);
    });
  }
  it('.env parsing', () => {
    assert.deepEqual(parseDotEnv('# c\nA=1\nexport B="two words"\nC=3 # note\nD=\'x#y\'\n').map((e) => [e.name, e.value]),
      [['A', '1'], ['B', 'two words'], ['C', '3'], ['D', 'x#y']]);
  });
});

describe('ports short syntax', () => {
  const cases: [string, ReturnType<typeof parsePortString>][] = [
    ['80', { hostIp: null, published: null, target: '80', protocol: 'tcp' }],
    ['8080:80/udp', { hostIp: null, published: '8080', target: '80', protocol: 'udp' }],
    ['127.0.0.1:8080:80', { hostIp: '127.0.0.1', published: '8080', target: '80', protocol: 'tcp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', published: null, target: '80', protocol: 'tcp' }],
    ['[::1]:8080:80', { hostIp: '::1', published: '8080', target: '80', protocol: 'tcp' }],
    ['9090-9091:8080-8081', { hostIp: null, published: '9090-9091', target: '8080-8081', protocol: 'tcp' }],
  ];
  for (const [s, want] of cases) it(s, () => { assert.deepEqual(parsePortString(s), want); });
});

describe('merging files as docker compose does', () => {
  const merged = (a: string, b: string) => {
    const m = assembleCompose([{ path: 'a.yaml', text: a }, { path: 'b.yaml', text: b }], { env: {} });
    return toPlain(m.services[0].node) as Record<string, unknown>;
  };
  it('mappings merge, scalars are replaced, command is replaced not appended', () => {
    assert.deepEqual(merged('services:\n  s:\n    image: a\n    command: [x]\n', 'services:\n  s:\n    image: b\n    command: [y]\n'), { image: 'b', command: ['y'] });
  });
  it('ports are unique, volumes by target, cap lists as sets', () => {
    const m = merged(
      'services:\n  s:\n    ports: ["80:80", "443:443"]\n    volumes: ["a:/data", "/x:/x"]\n    cap_add: [A]\n',
      'services:\n  s:\n    ports: ["80:80", "8080:8080"]\n    volumes: ["b:/data"]\n    cap_add: [A, B]\n');
    assert.deepEqual(m.ports, ['80:80', '443:443', '8080:8080']);
    assert.deepEqual(m.volumes, ['b:/data', '/x:/x']);
    assert.deepEqual(m.cap_add, ['A', 'B']);
  });
  it('environment merges by name across list and mapping forms', () => {
    const m = merged('services:\n  s:\n    environment: [A=1, B=2]\n', 'services:\n  s:\n    environment:\n      B: 3\n');
    assert.deepEqual(m.environment, { A: '1', B: 3 });
  });
  it('!reset removes, !override replaces', () => {
    const m = merged('services:\n  s:\n    ports: ["80:80"]\n    dns: [1.1.1.1]\n    user: root\n', 'services:\n  s:\n    ports: !override ["81:81"]\n    dns: [8.8.8.8]\n    user: !reset null\n');
    assert.deepEqual(m, { ports: ['81:81'], dns: ['1.1.1.1', '8.8.8.8'] });
  });
  it('!reset inside a value taken whole (a service the override adds) is dropped, the other keys kept in order', () => {
    const m = assembleCompose([
      { path: 'a.yaml', text: 'services:\n  s:\n    image: a:1\n' },
      { path: 'b.yaml', text: 'services:\n  t:\n    image: b:1\n    user: !reset null\n    healthcheck:\n      test: [CMD, x]\n      interval: !reset 5s\n      timeout: 3s\n    read_only: true\n' },
    ], { env: {} });
    const t = m.services.find((x) => x.name === 't');
    assert.ok(t);
    assert.deepEqual(Object.entries(toPlain(t.node) as Record<string, unknown>), [['image', 'b:1'], ['healthcheck', { test: ['CMD', 'x'], timeout: '3s' }], ['read_only', true]]);
    assert.deepEqual(Object.keys((toPlain(t.node) as { healthcheck: object }).healthcheck), ['test', 'timeout']);
  });
  it('a list item tagged !reset takes the item of its key out (volumes by target)', () => {
    const m = merged('services:\n  s:\n    volumes:\n      - {type: volume, source: a, target: /data}\n      - /x:/x\n',
      'services:\n  s:\n    volumes:\n      - !reset {type: volume, target: /data}\n');
    assert.deepEqual(m.volumes, ['/x:/x']);
  });
  it('merge keys: explicit keys win, the first merged source wins', () => {
    const m = assembleCompose([{ path: 'a.yaml', text: 'x-a: &a {user: "1", read_only: true}\nx-b: &b {user: "2", cpus: 1}\nservices:\n  s:\n    <<: [*a, *b]\n    read_only: false\n' }], { env: {} });
    assert.deepEqual(toPlain(m.services[0].node), { read_only: false, user: '1', cpus: 1 });
  });
});

it('the generated schema validator matches schema/compose-spec.json (regenerate with npm run schema:compose)', () => {
  assert.equal(readFileSync(GENERATED_FILE, 'utf8'), generateValidatorSource());
});
