// The Dockerfiles compose services build: ShellCheck over all of a run's projects at once
// (prefetchComposeBuilds), and one audit per Dockerfile path when services build it with other
// args or stages (the others take their image facts from the parse).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { auditCompose, prefetchComposeBuilds, type ComposeAuditOptions } from '../../../src/targets/compose/audit.js';
import { allRules } from '../../../src/rules/index.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import type { TargetResult } from '../../../src/engine/types.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { SHELLCHECK_MISSING as skip } from '../../helpers/shellcheck.js';

let dir = '';
const write = useTempDir('tightship-compose-builds-', (d) => { dir = d; });
const runOpts = (cache: Map<string, unknown>): ComposeAuditOptions => ({ cwd: dir, config: defaultConfig(), rules: allRules, today: '2026-01-01', auditContext: false, shellcheck: true, shellcheckCache: cache });
function svc(results: TargetResult[], name: string): TargetResult {
  const r = results.find((x) => x.target.kind === 'compose' && x.target.service === name);
  assert.ok(r, `a result for service ${name}`);
  return r;
}

const dockerfileA = 'FROM debian:12\nRUN echo $1 > /tmp/a\nUSER 10001\nHEALTHCHECK CMD true\n';
const dockerfileB = 'FROM alpine:3.20\nRUN cd /srv && echo $2\n';
const build = (context: string) => `services:\n  app:\n    build: ${context}\n`;

describe('prefetchComposeBuilds', { skip }, () => {
  it('fills the run\'s ShellCheck cache for every project\'s Dockerfiles, and the audits (of projects that build and one that does not) find what they find without it', async () => {
    const a = [await write('a/compose.yaml', build('.'))];
    await write('a/Dockerfile', dockerfileA);
    const b = [await write('b/compose.yaml', build('./img'))];
    await write('b/img/Dockerfile', dockerfileB);
    const e = [await write('e/compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n')];

    const alone = new Map<string, unknown>();
    const expected = [...await auditCompose(a, runOpts(alone)), ...await auditCompose(e, runOpts(alone)), ...await auditCompose(b, runOpts(alone))];

    const cache = new Map<string, unknown>();
    const opts = runOpts(cache);
    await prefetchComposeBuilds([[a, opts], [e, opts], [b, opts]]);
    assert.deepEqual([...cache.keys()].sort(), [dockerfileA, dockerfileB].sort(), 'both Dockerfiles checked before any audit');
    const got = [...await auditCompose(a, opts), ...await auditCompose(e, opts), ...await auditCompose(b, opts)];
    assert.deepEqual(got, expected);
    const sc = got.filter((r) => r.target.kind === 'dockerfile').flatMap((r) => r.findings.filter((f) => f.ruleId === 'dockerfile/shellcheck'));
    assert.ok(sc.length >= 2, `ShellCheck findings in both Dockerfiles: ${sc.map((f) => f.location.path).join(', ')}`);
  });

  it('a project read by the prefetch is audited as read then: an edit after it is not seen, a second audit reads again', async () => {
    const files = [await write('c/compose.yaml', build('.'))];
    await write('c/Dockerfile', dockerfileA);
    const opts = runOpts(new Map());
    await prefetchComposeBuilds([[files, opts]]);
    await write('c/compose.yaml', 'services:\n  app:\n    build: .\n    privileged: true\n');
    const first = await auditCompose(files, opts);
    assert.ok(!svc(first, 'app').findings.some((f) => f.ruleId === 'compose/privileged'));
    const second = await auditCompose(files, opts);
    assert.ok(svc(second, 'app').findings.some((f) => f.ruleId === 'compose/privileged'));
  });
});

describe('one Dockerfile built by several services', () => {
  it('is audited once; each service takes the user and healthcheck of the stage it builds', async () => {
    await write('d/Dockerfile', 'FROM debian:12 AS base\nUSER 10001\nHEALTHCHECK CMD true\n\nFROM base AS prod\n\nFROM base AS debug\nUSER root\n');
    const files = [await write('d/compose.yaml', [
      'services:',
      '  prod:\n    build:\n      context: .\n      target: prod',
      '  debug:\n    build:\n      context: .\n      target: debug',
      '  other:\n    build:\n      context: .\n      target: prod\n      args:\n        X: "1"',
      '',
    ].join('\n'))];
    const results = await auditCompose(files, { ...runOpts(new Map()), shellcheck: false });
    assert.deepEqual(results.filter((r) => r.target.kind === 'dockerfile').map((r) => r.target.path), [path.join('d', 'Dockerfile')]);
    assert.equal(svc(results, 'debug').facts?.imageUser, 'root');
    assert.equal(svc(results, 'prod').facts?.imageUser, '10001');
    assert.equal(svc(results, 'other').facts?.imageUser, '10001');
    assert.equal(svc(results, 'debug').facts?.imageHealthcheck, true);
  });
});
