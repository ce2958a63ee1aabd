import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { auditCompose, composeProjectFiles, composeResults, isComposeFile } from '../../../src/targets/compose/audit.js';
import { assembleCompose } from '../../../src/targets/compose/load.js';
import { allRules } from '../../../src/rules/index.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import type { TargetResult } from '../../../src/engine/types.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/compose/', import.meta.url));
const opts = (cwd: string) => ({ cwd, config: defaultConfig(), rules: allRules, today: '2026-01-01' });
const svc = (results: TargetResult[], name: string): TargetResult => {
  const r = results.find((x) => x.target.kind === 'compose' && x.target.service === name);
  assert.ok(r, `no result for the service ${name}`);
  return r;
};
const ids = (r: TargetResult) => r.findings.map((f) => f.ruleId);

describe('compose file discovery', () => {
  it('knows the names docker compose reads', () => {
    for (const n of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'compose.override.yml', 'docker-compose.override.yaml']) assert.ok(isComposeFile(`/x/${n}`), n);
    for (const n of ['compose.json', 'my-compose.yaml', 'values.yaml']) assert.ok(!isComposeFile(n), n);
  });
  it('picks the base file and its override', () => {
    const dir = path.join(fixtures, 'project');
    assert.deepEqual(composeProjectFiles(dir), [path.join(dir, 'compose.yaml'), path.join(dir, 'compose.override.yaml')]);
    assert.deepEqual(composeProjectFiles(path.join(fixtures, 'project', 'app')), []);
  });
});

describe('auditCompose on a project (base + override + .env + Dockerfile)', async () => {
  const dir = path.join(fixtures, 'project');
  const results = await auditCompose(composeProjectFiles(dir), opts(fixtures));

  it('grades the built service hardened: user and healthcheck come from its Dockerfile, the rest from an x- block', () => {
    const app = svc(results, 'app');
    assert.deepEqual(app.target, { kind: 'compose', path: 'project/compose.yaml', service: 'app' });
    assert.deepEqual(ids(app), []);
    assert.equal(app.level, 'hardened');
    assert.equal(app.facts?.imageUser, '10001', 'build.args feed the Dockerfile ARG');
  });
  it('merges the override: !reset removes the ports, cap_add is added', () => {
    const db = svc(results, 'db');
    assert.ok(!ids(db).includes('compose/port-all-interfaces'));
    const cap = db.findings.find((f) => f.ruleId === 'compose/dangerous-cap-add');
    assert.ok(cap);
    assert.equal(cap.location.path, 'project/compose.override.yaml');
    assert.equal(cap.location.startLine, 4);
    assert.equal(cap.location.yamlPath, 'services.db.cap_add[0]');
    assert.equal(db.level, null, 'no user:, and the postgres image is not inspected: its user is unknown');
    assert.match(db.levelReason ?? '', /^image not inspected: its user and healthcheck are unknown/);
  });
  it('a service only in the override is located there', () => {
    const debug = svc(results, 'debug');
    assert.equal(debug.target.path, 'project/compose.override.yaml');
    const p = debug.findings.find((f) => f.ruleId === 'compose/privileged');
    assert.ok(p);
    assert.deepEqual([p.location.startLine, p.location.startColumn], [7, 5]);
    const missing = debug.findings.find((f) => f.ruleId === 'compose/read-only-missing');
    assert.ok(missing);
    assert.deepEqual([missing.location.startLine, missing.location.startColumn, missing.location.yamlPath], [5, 3, 'services.debug.read_only']);
  });
  it('finds the secret in the env_file, on its line there, redacted', () => {
    const s = svc(results, 'db').findings.find((f) => f.ruleId === 'compose/secret-in-environment');
    assert.ok(s);
    assert.equal(s.location.path, 'project/db.env');
    assert.equal(s.location.startLine, 2);
    assert.ok(!JSON.stringify(results, (k: string, v: unknown) => (k === 'secrets' ? undefined : v)).includes('Zq81-very-real-Pass-42'));
  });
  it('returns the Dockerfile result for the caller to dedupe', () => {
    const df = results.filter((r) => r.target.kind === 'dockerfile');
    assert.deepEqual(df.map((r) => r.target.path), ['project/app/Dockerfile']);
  });
  it('reports the ignore that suppresses nothing (the override reset the ports)', () => {
    const file = results.find((r) => r.target.kind === 'compose' && !r.target.service);
    assert.ok(file);
    assert.equal(file.level, null);
    assert.ok(ids(file).includes('tightship/unused-ignore'), JSON.stringify(ids(file)));
  });
  it('interpolates from the .env beside the file', async () => {
    const only = await auditCompose([path.join(dir, 'compose.yaml')], opts(fixtures));
    const db = svc(only, 'db');
    assert.ok(!ids(db).includes('compose/port-all-interfaces'), 'ignored inline with a reason');
    assert.ok(!ids(svc(only, 'app')).includes('compose/interpolation'));
  });
});

describe('inline ignores in YAML comments', () => {
  it('suppress the next key and its block', () => {
    const model = assembleCompose([{ path: 'c.yaml', text: 'services:\n  api:\n    image: nginx:1.27\n    # tightship ignore=compose/privileged -- needs the GPU driver\n    privileged: true\n' }], { env: {} });
    const [api] = composeResults(model, opts('/'));
    assert.ok(!ids(api).includes('compose/privileged'));
  });
});

describe('bad input gives findings or errors, never a crash', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'tightship-compose-'));
  const write = (name: string, text: string) => {
    const p = path.join(tmp, name);
    writeFileSync(p, text);
    return p;
  };
  const fileFindings = async (p: string) => {
    const r = await auditCompose([p], opts(tmp));
    return r.flatMap((x) => x.findings.map((f) => f.ruleId + ' ' + f.message).concat(x.error ? [`error ${x.error}`] : []));
  };
  it('invalid YAML', async () => { assert.match((await fileFindings(write('a.yaml', 'services:\n  api: [\n')))[0], /compose\/invalid-yaml/); });
  it('a 10 MB file', async () => { assert.match((await fileFindings(write('b.yaml', `services:\n  x:\n    image: a\n# ${'x'.repeat(10 * 1024 * 1024)}\n`)))[0], /not audited/); });
  it('YAML that is not compose', async () => { assert.match((await fileFindings(write('c.yaml', 'apiVersion: v1\nkind: Pod\n')))[0], /compose\/not-compose/); });
  it('an alias bomb', async () => {
    const lines = ['a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]'];
    'bcdefghijk'.split('').forEach((c, i) => lines.push(`${c}: &${c} [${Array(10).fill(`*${'abcdefghijk'[i]}`).join(',')}]`));
    assert.match((await fileFindings(write('d.yaml', lines.join('\n') + '\nservices: {}\n')))[0], /alias bomb/);
  });
  it('a build pointing at a missing Dockerfile, a missing env_file', async () => {
    const r = await auditCompose([path.join(fixtures, 'broken', 'compose.yaml')], opts(fixtures));
    const api = svc(r, 'api');
    const missing = api.findings.filter((f) => f.ruleId === 'compose/missing-file').map((f) => f.message);
    assert.equal(missing.length, 2, JSON.stringify(missing));
    assert.match(missing.join('\n'), /broken\/nowhere\/Dockerfile, which does not exist/);
  });
  it('a missing file', async () => {
    const r = await auditCompose([path.join(tmp, 'nope.yaml')], opts(tmp));
    assert.equal(r[0].error, 'no such file');
  });
  it('cleans up', () => { rmSync(tmp, { recursive: true, force: true }); });
});
