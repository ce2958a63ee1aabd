// Hostile build contexts: patterns that make a backtracking matcher explode, wildcards over tens
// of thousands of files, and folder names that are not UTF-8. Each input is large enough that the
// old exponential or quadratic code would time the suite out; nothing here measures time.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { auditContext, loadContext } from '../../../src/targets/context/audit.js';
import { compileGlob } from '../../../src/engine/glob.js';
import { dockerignoreMatcher } from '../../../src/targets/context/ignore.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import { allRules } from '../../../src/rules/index.js';

const roots: string[] = [];
after(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

function tmp(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tightship-hostile-ctx-'));
  roots.push(root);
  return root;
}

function load(root: string) {
  const abs = path.join(root, 'Dockerfile');
  const df = parseDockerfile(fs.readFileSync(abs, 'utf8'), { path: 'Dockerfile', buildArgs: {} });
  return { df, abs, model: loadContext(df, abs, { cwd: root }) };
}

const EVIL = '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b';
const LONG_A = 'a'.repeat(250);

describe('glob matching never backtracks', () => {
  it('a COPY wildcard with many stars beside a long name of the repeated letter', () => {
    const root = tmp();
    fs.writeFileSync(path.join(root, LONG_A), 'x');
    fs.writeFileSync(path.join(root, `${LONG_A}b`), 'y');
    fs.writeFileSync(path.join(root, 'Dockerfile'), `FROM alpine\nCOPY ${EVIL} /x/\n`);
    const { model } = load(root);
    assert.deepEqual(model.copies[0].sources[0].files, [`${LONG_A}b`]);
  });
  it('the same pattern in .dockerignore, against every path of the context', () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, LONG_A));
    fs.writeFileSync(path.join(root, LONG_A, LONG_A), 'x');
    fs.writeFileSync(path.join(root, `${LONG_A}b`), 'y');
    fs.writeFileSync(path.join(root, '.dockerignore'), `${EVIL}\n**/${EVIL}\n`);
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM alpine\nCOPY . /x/\n');
    const { model } = load(root);
    const files = model.files.map((f) => f.relPath).sort();
    assert.deepEqual(files, ['.dockerignore', 'Dockerfile', `${LONG_A}/${LONG_A}`]);
  });
  it('`**` patterns with many segments against a deep path', () => {
    const deep = Array.from({ length: 200 }, () => 'a').join('/');
    const m = dockerignoreMatcher(`${Array.from({ length: 20 }, () => '**/a').join('/')}/b\n`);
    assert.equal(m.excludes(deep), false);
    assert.equal(m.excludes(`${deep}/b`), true);
  });
  it('keeps the semantics of both dialects', () => {
    const cases: [string, 'dockerignore' | 'filepath', string, boolean][] = [
      ['*.js', 'filepath', 'a.js', true], ['*.js', 'filepath', 'd/a.js', false],
      ['a?c', 'filepath', 'abc', true], ['a?c', 'filepath', 'a/c', false],
      ['[a-c]x', 'filepath', 'bx', true], ['[^a-c]x', 'filepath', 'dx', true], ['[^a-c]x', 'filepath', 'ax', false],
      ['\\*', 'filepath', '*', true], ['\\*', 'filepath', 'a', false],
      ['**', 'filepath', 'ab', true], ['**', 'filepath', 'a/b', false],
      ['**/x', 'dockerignore', 'x', true], ['**/x', 'dockerignore', 'a/b/x', true], ['**/x', 'dockerignore', 'ax', false],
      ['a/**', 'dockerignore', 'a/b/c', true], ['a**b', 'dockerignore', 'a/x/b', true],
      ['c++', 'dockerignore', 'c++', true], ['a|b', 'dockerignore', 'a', false], ['a.b', 'dockerignore', 'axb', false],
      ['[a\\]]', 'dockerignore', ']', true],
    ];
    for (const [p, d, s, want] of cases) assert.equal(compileGlob(p, d).test(s), want, `${d} ${p} ~ ${s}`);
  });
});

describe('large wildcards stay linear', () => {
  it('COPY *.txt over 30,000 files, audited by every context rule', async () => {
    const root = tmp();
    for (let i = 0; i < 30000; i++) fs.writeFileSync(path.join(root, `f${i}.txt`), '');
    fs.writeFileSync(path.join(root, 'x.log'), 'log');
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM alpine\nCOPY *.txt *.log /x/\n');
    const { df, abs } = load(root);
    const findings = await auditContext(df, abs, { cwd: root, config: defaultConfig(), rules: allRules, today: '2026-01-01' });
    assert.ok(findings.some((f) => f.ruleId === 'context/unwanted-files-copied' && f.message.includes('x.log')));
  });
});

describe('names that are not UTF-8', () => {
  it('a folder with such a name is walked and the secret inside it is found', () => {
    const root = tmp();
    const dir = Buffer.concat([Buffer.from(`${root}/conf`), Buffer.from([0xff, 0xfe])]);
    fs.mkdirSync(dir);
    const key = ['-----BEGIN ', 'OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n', '-----END ', 'OPENSSH PRIVATE KEY-----\n'].join('');
    fs.writeFileSync(Buffer.concat([dir, Buffer.from('/deploy.txt')]), key);
    fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM alpine\nCOPY . /x/\n');
    const { model } = load(root);
    const f = model.files.find((x) => x.relPath.startsWith('conf'));
    assert.ok(f, 'the folder is part of the model');
    assert.equal(f.relPath, 'conf\uFFFD\uFFFD/deploy.txt');
    assert.equal(f.scan, 'scanned');
    assert.ok(f.hits.length > 0, 'the key inside is found');
  });
});
