// A missing COPY/ADD source that the repository's .gitignore files ignore is a build artefact the
// project makes before it builds: a warning, not an error. Real trees in temp dirs, both ways.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { auditContext, repositoryRoot } from '../../../src/targets/context/audit.js';
import { gitignored, parseGitignore } from '../../../src/targets/context/gitignore.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import { allRules } from '../../../src/rules/index.js';

const roots: string[] = [];
after(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tightship-gi-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (rel.endsWith('/')) fs.mkdirSync(abs, { recursive: true });
    else fs.writeFileSync(abs, content);
  }
  return root;
}

async function missing(root: string, dockerfile: string, cwd = root, contextDir?: string): Promise<string[]> {
  const abs = path.join(root, dockerfile);
  const df = parseDockerfile(fs.readFileSync(abs, 'utf8'), { path: dockerfile, buildArgs: {} });
  const findings = await auditContext(df, abs, {
    cwd, config: defaultConfig(), rules: allRules, today: '2026-01-01', ...(contextDir ? { contextDir } : {}),
  });
  return findings.filter((f) => f.ruleId === 'context/copy-source-missing').map((f) => `${f.severity} ${f.location.startLine} ${f.message}`);
}

describe('gitignore semantics', () => {
  const at = (text: string, rel: string, dir = '') => gitignored([{ dir, path: '.gitignore', rules: parseGitignore(text) }], rel)?.line ?? null;
  it('a name without a slash matches at any depth; with one it is anchored', () => {
    assert.equal(at('dist\n', 'packages/a/dist'), 1);
    assert.equal(at('/loki\n', 'tools/dev/loki'), null);
    assert.equal(at('/loki\n', 'loki'), 1);
    assert.equal(at('docker/images/bundle*\n', 'docker/images/bundle-backend'), 1);
    assert.equal(at('**/dist\n', 'a/b/dist/x.js'), 1);
    assert.equal(at('build/\n', 'build/app.js'), 1);
  });
  it('negation, comments, escapes and classes', () => {
    assert.equal(at('*.log\n!keep.log\n', 'keep.log'), null);
    assert.equal(at('*.log\n!keep.log\n', 'other.log'), 1);
    assert.equal(at('# dist\n', 'dist'), null);
    assert.equal(at('\\#x\n', '#x'), 1);
    assert.equal(at('v[!0-9]\n', 'va'), 1);
    assert.equal(at('v[!0-9]\n', 'v1'), null);
  });
  it('a folder that is ignored cannot have a file re-included below it', () => {
    assert.equal(at('out/\n!out/keep.txt\n', 'out/keep.txt'), 1);
  });
  it('a nested file is relative to its folder and wins over the root', () => {
    const files = [
      { dir: '', path: '.gitignore', rules: parseGitignore('*.bin\n') },
      { dir: 'pkg', path: 'pkg/.gitignore', rules: parseGitignore('!tool.bin\n/out\n') },
    ];
    assert.equal(gitignored(files, 'pkg/tool.bin'), null);
    assert.equal(gitignored(files, 'pkg/other.bin')?.path, '.gitignore');
    assert.equal(gitignored(files, 'pkg/out')?.path, 'pkg/.gitignore');
    assert.equal(gitignored(files, 'out'), null);
  });
});

describe('copy-source-missing and .gitignore', () => {
  it('a git-ignored missing source is a warning naming the .gitignore line', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'node_modules\n/docker/images/bundle*\n',
      'docker/images/Dockerfile': 'FROM alpine\nCOPY ./bundle-backend/ /opt/app/\nCOPY files/conf /etc/conf\n',
    });
    const got = await missing(root, 'docker/images/Dockerfile');
    assert.equal(got.length, 2);
    assert.match(got[0] ?? "", /^warning 2 COPY source "\.\/bundle-backend\/" .*git-ignored \(\.gitignore line 2: "\/docker\/images\/bundle\*"\): generated before the build\?/);
    // not git-ignored: still an error
    assert.match(got[1] ?? "", /^error 3 COPY source "files\/conf" does not exist in the build context/);
  });
  it('a nested .gitignore inside the context applies to the path below it', async () => {
    const root = tree({
      '.git/HEAD': 'x\n',
      'packages/runtime/.gitignore': 'dist\n',
      'packages/runtime/Dockerfile': 'FROM node:22\nCOPY package.json ./\nCOPY dist ./dist\n',
      'packages/runtime/package.json': '{}\n',
    });
    const got = await missing(root, 'packages/runtime/Dockerfile');
    assert.deepEqual(got.map((g) => g.split(' ').slice(0, 2).join(' ')), ['warning 3']);
    assert.match(got[0] ?? "", /packages\/runtime\/\.gitignore line 1: "dist"/);
  });
  it('a context built from the root reaches .gitignore files on the source path', async () => {
    const root = tree({
      '.git/HEAD': 'x\n',
      'app/.gitignore': '/build/\n',
      'Dockerfile': 'FROM alpine\nCOPY app/build /srv\nCOPY build /srv2\n',
    });
    const got = await missing(root, 'Dockerfile');
    assert.deepEqual(got.map((g) => g.split(' ').slice(0, 2).join(' ')), ['warning 2', 'error 3']);
  });
  it('a .gitignore above the repository root is not read', async () => {
    const outer = tree({ '.gitignore': 'dist\n', 'repo/.git/HEAD': 'x\n', 'repo/Dockerfile': 'FROM alpine\nCOPY dist /d\n' });
    const got = await missing(outer, 'repo/Dockerfile', outer);
    assert.match(got[0] ?? "", /^error 2 /);
    assert.equal(repositoryRoot(path.join(outer, 'repo'), outer), path.join(outer, 'repo'));
  });
  it('without a .git folder the working directory is the root', async () => {
    const root = tree({ '.gitignore': 'out\n', 'svc/Dockerfile': 'FROM alpine\nCOPY out /o\n' });
    assert.equal(repositoryRoot(path.join(root, 'svc'), root), root);
    const got = await missing(root, 'svc/Dockerfile');
    assert.match(got[0] ?? "", /^warning 2 /);
    // a context outside the working directory reads only its own folder
    const elsewhere = tree({});
    assert.equal(repositoryRoot(path.join(root, 'svc'), elsewhere), path.join(root, 'svc'));
    const got2 = await missing(root, 'svc/Dockerfile', elsewhere);
    assert.match(got2[0] ?? "", /^error 2 /);
  });
  it('an excluded source (.dockerignore) stays an error even when git-ignored', async () => {
    const root = tree({ '.git/HEAD': 'x\n', '.gitignore': 'gen.txt\n', '.dockerignore': 'gen.txt\n', 'Dockerfile': 'FROM alpine\nCOPY gen.txt /g\n', 'gen.txt': 'x\n' });
    const got = await missing(root, 'Dockerfile');
    assert.match(got[0] ?? "", /^error 2 .*excluded by \.dockerignore/);
  });
});
