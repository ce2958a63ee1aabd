import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as os from 'node:os';
import { auditDockerfileText } from '../../src/targets/dockerfile/audit.js';
import { allRules } from '../../src/rules/index.js';
import { defaultConfig, type ResolvedConfig } from '../../src/engine/config-types.js';
import { hashComments, ignoreCatalogue, parseIgnoreComment, yamlScopes, commentSuppressions, applyCommentIgnores } from '../../src/engine/suppressions.js';
import type { Finding } from '../../src/engine/types.js';

const CWD = os.tmpdir();

async function lint(text: string, config: Partial<ResolvedConfig> = {}, today = '2026-06-01'): Promise<Finding[]> {
  const { result } = await auditDockerfileText(text, path.join(CWD, 'Dockerfile'),
    { cwd: CWD, config: { ...defaultConfig(), ...config }, rules: allRules, today, auditContext: false });
  return result.findings;
}

const at = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id).map((f) => f.location.startLine);

describe('parseIgnoreComment', () => {
  const known = ignoreCatalogue([
    { id: 'dockerfile/last-user-root', equivalents: { hadolint: ['DL3002'] } },
    { id: 'dockerfile/apt-get-missing-yes', equivalents: { hadolint: ['DL3014'] } },
  ]);
  it('tightship forms: scope, ids, reason, expiry', () => {
    assert.deepEqual(parseIgnoreComment('# tightship ignore=dockerfile/last-user-root -- init needs root', known),
      { tool: 'tightship', scope: 'next', ruleIds: ['dockerfile/last-user-root'], unknownIds: [], reason: 'init needs root' });
    assert.deepEqual(parseIgnoreComment('tightship ignore-stage=dockerfile/last-user-root, dockerfile/nope expires=2027-01-31 -- build stage', known),
      { tool: 'tightship', scope: 'stage', ruleIds: ['dockerfile/last-user-root'], unknownIds: ['dockerfile/nope'], reason: 'build stage', expires: '2027-01-31' });
    assert.deepEqual(parseIgnoreComment('tightship ignore-file=*', known),
      { tool: 'tightship', scope: 'file', ruleIds: ['*'], unknownIds: [], reason: null });
    assert.deepEqual(parseIgnoreComment('tightship ignore=dockerfile/last-user-root expires=soon -- x', known)?.unknownIds, ['expires=soon']);
  });
  it('hadolint pragmas map through equivalents; ids without an equivalent are dropped', () => {
    assert.deepEqual(parseIgnoreComment('hadolint ignore=DL3002,DL3014,DL9999', known),
      { tool: 'hadolint', scope: 'next', ruleIds: ['dockerfile/apt-get-missing-yes', 'dockerfile/last-user-root'], unknownIds: [], reason: null });
    assert.equal(parseIgnoreComment('hadolint global ignore=DL3002', known)?.scope, 'file');
  });
  it('other comments are not ignores', () => {
    for (const c of ['just a comment', 'tightship is great', 'hadolint shell=bash', 'ignore=dockerfile/last-user-root']) {
      assert.equal(parseIgnoreComment(c, known), null, c);
    }
  });
});

describe('inline ignores in Dockerfiles', () => {
  const ROOT = 'FROM alpine:3.20\nRUN true\nUSER root\n';

  it('without an ignore, USER root is flagged', async () => {
    assert.deepEqual(at(await lint(ROOT), 'dockerfile/last-user-root'), [3]);
  });

  it('ignore= covers the next instruction only, with a reason: no info finding', async () => {
    const fs = await lint('FROM alpine:3.20\nRUN true\n# tightship ignore=dockerfile/last-user-root -- the init system needs root\nUSER root\n');
    assert.deepEqual(at(fs, 'dockerfile/last-user-root'), []);
    assert.deepEqual(fs.filter((f) => f.ruleId.startsWith('tightship/')), []);
  });

  it('ignore= covers every line of a multi-line instruction', async () => {
    const fs = await lint('FROM debian:12-slim\n# tightship ignore=dockerfile/apt-get-missing-yes -- interactive on purpose\nRUN apt-get update \\\n && apt-get install \\\n      curl \\\n && rm -rf /var/lib/apt/lists/*\nUSER 1\n');
    assert.deepEqual(at(fs, 'dockerfile/apt-get-missing-yes'), []);
    assert.deepEqual(at(fs, 'tightship/unused-ignore'), []);
  });

  it('an ignore does not reach past the next instruction', async () => {
    const fs = await lint('FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root -- reason\nRUN true\nUSER root\n');
    assert.deepEqual(at(fs, 'dockerfile/last-user-root'), [4]);
    assert.deepEqual(at(fs, 'tightship/unused-ignore'), [2]);
  });

  it('ignore-stage covers the rest of the stage, not the next one', async () => {
    const text = '# tightship ignore-stage=dockerfile/base-image-latest -- builder only\nFROM golang:latest AS build\nRUN true\n\nFROM alpine:latest\nUSER 1\n';
    assert.deepEqual(at(await lint(text), 'dockerfile/base-image-latest'), [5]);
  });

  it('ignore-file covers the whole file', async () => {
    const text = '# tightship ignore-file=dockerfile/base-image-latest -- pinned by the CI\nFROM golang:latest AS build\nFROM alpine:latest\nUSER 1\n';
    assert.deepEqual(at(await lint(text), 'dockerfile/base-image-latest'), []);
  });

  it('hadolint pragmas are honoured through equivalents (next instruction and global)', async () => {
    assert.deepEqual(at(await lint('FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n'), 'dockerfile/last-user-root'), []);
    assert.deepEqual(at(await lint('# hadolint global ignore=DL3002\nFROM alpine:3.20\nRUN true\nUSER root\n'), 'dockerfile/last-user-root'), []);
    const fs = await lint('FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n');
    assert.deepEqual(fs.filter((f) => f.ruleId.startsWith('tightship/')), [], 'pragmas need no reason');
  });

  it('an ignore without a reason works but is reported as info', async () => {
    const fs = await lint('FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root\nUSER root\n');
    assert.deepEqual(at(fs, 'dockerfile/last-user-root'), []);
    const info = fs.filter((f) => f.ruleId === 'tightship/ignore-without-reason');
    assert.equal(info.length, 1);
    assert.equal(info[0].severity, 'info');
    assert.equal(info[0].location.startLine, 2);
  });

  it('unused ignores and unknown ids are reported as info, with a did-you-mean', async () => {
    const fs = await lint('FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-rot -- typo\nUSER root\n');
    assert.deepEqual(at(fs, 'dockerfile/last-user-root'), [3]);
    const unused = fs.filter((f) => f.ruleId === 'tightship/unused-ignore');
    assert.equal(unused.length, 1);
    assert.match(unused[0].message, /unknown rule 'dockerfile\/last-user-rot' \(did you mean 'dockerfile\/last-user-root'\?\)/);
  });

  it('an expired ignore no longer applies and says so', async () => {
    const text = 'FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root expires=2026-05-31 -- until the migration\nUSER root\n';
    const expired = await lint(text, {}, '2026-06-01');
    assert.deepEqual(at(expired, 'dockerfile/last-user-root'), [3]);
    assert.deepEqual(at(expired, 'tightship/expired-ignore'), [2]);
    const valid = await lint(text, {}, '2026-05-31');
    assert.deepEqual(at(valid, 'dockerfile/last-user-root'), []);
    assert.deepEqual(at(valid, 'tightship/expired-ignore'), []);
  });

  it('inlineIgnores: false (--no-inline-ignores) disables them all', async () => {
    const fs = await lint('FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root -- r\n# hadolint ignore=DL3002\nUSER root\n', { inlineIgnores: false });
    assert.deepEqual(at(fs, 'dockerfile/last-user-root'), [4]);
    assert.deepEqual(fs.filter((f) => f.ruleId.startsWith('tightship/')), []);
  });

  it('the engine rules can be configured like any rule', async () => {
    const fs = await lint('FROM alpine:3.20\n# tightship ignore=dockerfile/last-user-root\nUSER root\n',
      { rules: { 'tightship/ignore-without-reason': { severity: 'off' } } });
    assert.deepEqual(fs.filter((f) => f.ruleId.startsWith('tightship/')), []);
  });
});

describe('comment ignores for YAML (the compose auditor uses these)', () => {
  const yaml = [
    'services:',                                       // 1
    '  # tightship ignore=compose/privileged -- needs the device',  // 2
    '  api:',                                          // 3
    '    image: app:1.0',                              // 4
    '    privileged: true',                            // 5
    '  web:',                                          // 6
    '    # tightship ignore=compose/no-user',          // 7
    '    user: root',                                  // 8
    '    privileged: true',                            // 9
    '',
  ].join('\n');
  it('hashComments finds full-line comments with their positions', () => {
    const cs = hashComments(yaml);
    assert.deepEqual(cs.map((c) => [c.range.start.line, c.range.start.column, c.text]), [
      [2, 3, 'tightship ignore=compose/privileged -- needs the device'],
      [7, 5, 'tightship ignore=compose/no-user'],
    ]);
  });
  it('yamlScopes: the next key and its whole block', () => {
    const scopes = yamlScopes(yaml);
    const d = { tool: 'tightship' as const, scope: 'next' as const, ruleIds: [], unknownIds: [], reason: null };
    assert.deepEqual(scopes(d, 2), { fromLine: 3, toLine: 5 });
    assert.deepEqual(scopes(d, 7), { fromLine: 8, toLine: 8 });
  });
  it('applyCommentIgnores suppresses in scope and reports the rest', () => {
    const known = ignoreCatalogue([{ id: 'compose/privileged' }, { id: 'compose/no-user' }]);
    const sups = commentSuppressions(hashComments(yaml), known, 'compose.yaml', yamlScopes(yaml));
    const finding = (line: number, ruleId: string): Finding => ({ ruleId, severity: 'error', message: 'x',
      location: { path: 'compose.yaml', startLine: line, startColumn: 5, endLine: line, endColumn: 9 } });
    const out = applyCommentIgnores([finding(5, 'compose/privileged'), finding(9, 'compose/privileged')], sups, '2026-01-01');
    assert.deepEqual(out.map((f) => `${f.location.startLine} ${f.ruleId}`), [
      '9 compose/privileged', '7 tightship/ignore-without-reason', '7 tightship/unused-ignore',
    ]);
  });
});

describe('ignores and findings in other files', () => {
  it('a finding in a copied file is ignored by a comment above the COPY that sends it', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tightship-related-'));
    try {
      writeFileSync(path.join(dir, '.env'), 'DB_PASSWORD=Xk9#mQ2vL8pR4wZt\n');
      writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n');
      const run = async (text: string) => (await auditDockerfileText(text, path.join(dir, 'Dockerfile'),
        { cwd: dir, config: defaultConfig(), rules: allRules, today: '2026-06-01' })).result.findings;
      const plain = await run('FROM alpine:3.20\nCOPY . /app\nUSER 1\n');
      const secret = plain.filter((f) => f.location.path === '.env');
      assert.ok(secret.length > 0, 'the .env secret is reported');
      assert.ok(secret.every((f) => f.related?.some((r) => r.location.path === 'Dockerfile' && r.location.startLine === 2)));
      const ids = [...new Set(secret.map((f) => f.ruleId))].join(',');
      const ignored = await run(`FROM alpine:3.20\n# tightship ignore=${ids} -- test credentials only\nCOPY . /app\nUSER 1\n`);
      assert.deepEqual(ignored.filter((f) => f.location.path === '.env'), []);
      assert.deepEqual(ignored.filter((f) => f.ruleId.startsWith('tightship/')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
