// The build-context auditor on real contexts written to temp dirs: .dockerignore choice and
// precedence, what is and is not read, symlinks and loops, FIFOs, size limits, unreadable files
// (for real, as an unprivileged user), and whole-audit findings through the real engine.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { auditContext, loadContext } from '../../../src/targets/context/audit.js';
import { buildContextModel } from '../../../src/targets/context/build.js';
import { diskFs, type ContextFs } from '../../../src/targets/context/fs.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import { allRules } from '../../../src/rules/index.js';

const j = (...p: string[]): string => p.join('');
export const PLANTED = {
  gh: j('gh', 'p_', 'R4nd0mV4lu3F0rT3st1ngOnly0123456789ab'),
  password: j('Hunter', '2-', 'Plant3d-Pw-91'),
  key: `${j('-----BEGIN ', 'OPENSSH PRIVATE KEY-----')}\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n${j('-----END ', 'OPENSSH PRIVATE KEY-----')}\n`,
};

const roots: string[] = [];
after(() => {
  for (const r of roots) {
    spawnSync('chmod', ['-R', 'u+rwx', r]);
    fs.rmSync(r, { recursive: true, force: true });
  }
});

/** Writes a context: keys are paths, values file contents; `-> target` makes a symlink. */
export function makeContext(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tightship-ctx-'));
  fs.chmodSync(root, 0o755);
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (content.startsWith('-> ')) fs.symlinkSync(content.slice(3), abs);
    else fs.writeFileSync(abs, content);
  }
  return root;
}

function load(root: string, dockerfile = 'Dockerfile', contextDir?: string) {
  const abs = path.join(root, dockerfile);
  const df = parseDockerfile(fs.readFileSync(abs, 'utf8'), { path: dockerfile, buildArgs: {} });
  return loadContext(df, abs, { cwd: root, ...(contextDir ? { contextDir } : {}) });
}

function options(root: string) {
  return { cwd: root, config: defaultConfig(), rules: allRules, today: '2026-01-01' };
}

describe('ignore file choice', () => {
  it('uses <Dockerfile>.dockerignore beside the Dockerfile over the context .dockerignore', () => {
    const root = makeContext({
      'docker/app.Dockerfile': 'FROM alpine\nCOPY . /app\n',
      'docker/app.Dockerfile.dockerignore': 'secret.txt\n',
      '.dockerignore': 'other.txt\n',
      'secret.txt': 'x\n',
      'other.txt': 'y\n',
    });
    const m = load(root, 'docker/app.Dockerfile', root);
    assert.equal(m.ignoreFile?.path, 'docker/app.Dockerfile.dockerignore');
    assert.equal(m.ignoreFile.kind, 'dockerfile');
    const files = m.files.map((f) => f.relPath);
    assert.ok(!files.includes('secret.txt'));
    assert.ok(files.includes('other.txt'), 'the context .dockerignore is not used at all');
    assert.equal(m.path, '.');
  });
  it('falls back to .dockerignore at the context root (not beside the Dockerfile)', () => {
    const root = makeContext({ 'ctx/Dockerfile': 'FROM alpine\nCOPY . /app\n', 'ctx/.dockerignore': 'a\n', 'ctx/a': '1', 'ctx/b': '2' });
    const m = load(root, 'ctx/Dockerfile');
    assert.equal(m.ignoreFile?.path, 'ctx/.dockerignore');
    assert.deepEqual(m.files.map((f) => f.displayPath), ['ctx/.dockerignore', 'ctx/Dockerfile', 'ctx/b']);
  });
  it('the Dockerfile and .dockerignore are copied by COPY . unless excluded (as BuildKit does)', () => {
    const root = makeContext({ Dockerfile: 'FROM alpine\nCOPY . /app\n', '.dockerignore': 'Dockerfile\n.dockerignore\n', 'a.txt': '1' });
    assert.deepEqual(load(root).files.map((f) => f.relPath), ['a.txt']);
  });
});

describe('COPY/ADD resolution on disk', () => {
  it('gives the exact file list per instruction', () => {
    const root = makeContext({
      Dockerfile: [
        'FROM node:22 AS build',
        'ARG APP=web',
        'COPY package.json package-lock.json* /src/',
        'COPY apps/${APP} /src/app',
        'COPY ["src/a b.js", "/src/"]',
        'FROM node:22-slim',
        'COPY --from=build /src /app',
        'ADD https://example.org/x.tgz /x',
        'COPY src/*.js lib/ /app/',
        'COPY --exclude=*.test.js lib /lib',
      ].join('\n'),
      '.dockerignore': '.git\n',
      'package.json': '{}',
      'apps/web/index.js': '1',
      'apps/admin/index.js': '1',
      'src/a b.js': '1',
      'src/c.js': '1',
      'src/deep/d.js': '1',
      'lib/l.js': '1',
      'lib/l.test.js': '1',
    });
    const m = load(root);
    const lists = m.copies.map((c) => c.sources.flatMap((s) => s.files));
    assert.deepEqual(lists, [
      ['package.json'],
      ['apps/web/index.js'],
      ['src/a b.js'],
      [],
      ['src/a b.js', 'src/c.js', 'lib/l.js', 'lib/l.test.js'],
      ['lib/l.js'],
    ]);
    assert.deepEqual(m.copies.map((c) => c.inFinalImage), [false, false, false, true, true, true]);
  });
  it('does not list or read what .dockerignore excludes, nor walk what no COPY reaches', () => {
    const files: Record<string, string> = { Dockerfile: 'FROM alpine\nCOPY . /app\nCOPY docs/readme.md /r\n', '.dockerignore': 'node_modules\n**/*.secret\ndocs\n!docs/readme.md\n', 'a.txt': 'x', 'b.secret': 'x', 'docs/readme.md': 'r', 'docs/big/x.md': 'x' };
    for (let i = 0; i < 50; i++) files[`node_modules/p${i}/index.js`] = 'x';
    const root = makeContext(files);
    const seen: string[] = [];
    const real = diskFs(root);
    const spy: ContextFs = {
      list: (d) => { seen.push(`list ${d}`); return real.list(d); },
      lstat: (p) => real.lstat(p),
      readlink: (p) => real.readlink(p),
      read: (p, n) => { seen.push(`read ${p}`); return real.read(p, n); },
    };
    const df = parseDockerfile(files.Dockerfile, { path: 'Dockerfile', buildArgs: {} });
    const m = buildContextModel({ dockerfile: df, dockerfilePath: 'Dockerfile', contextPath: '.', fs: spy, ignore: { path: '.dockerignore', kind: 'context', text: files['.dockerignore'] } });
    assert.deepEqual(m.files.map((f) => f.relPath), ['.dockerignore', 'Dockerfile', 'a.txt', 'docs/readme.md']);
    assert.ok(!seen.some((s) => s.includes('node_modules')), seen.join(', '));
    assert.ok(!seen.includes('read b.secret'));
    assert.ok(!seen.includes('list docs/big'), 'an excluded folder no ! pattern reaches is not entered');
    assert.ok(seen.includes('list docs'), 'docs is entered: !docs/readme.md re-includes inside it');
  });
});

describe('symlinks, loops, special and large files', () => {
  it('copies links as links, never follows them out, and does not hang on loops', () => {
    const root = makeContext({
      Dockerfile: 'FROM alpine\nCOPY . /app\nCOPY loop1 /x\nCOPY inside /y\n',
      '.dockerignore': '.git\n',
      'loop1': '-> loop2', 'loop2': '-> loop1',
      'passwd': '-> /etc/passwd',
      'inside': '-> real',
      'real/secret.env': `API_TOKEN=${PLANTED.gh}\n`,
    });
    const m = load(root);
    const byPath = new Map(m.files.map((f) => [f.relPath, f]));
    assert.equal(byPath.get('passwd')?.type, 'symlink');
    assert.equal(byPath.get('passwd')?.linkEscapes, true);
    assert.equal(byPath.get('passwd')?.scan, 'not-a-file', 'the host file is never read');
    assert.equal(byPath.get('inside')?.linkEscapes, false);
    assert.equal(m.copies[1].sources[0].missing?.reason, 'symlink-loop');
    assert.deepEqual(m.copies[2].sources[0].files, ['real/secret.env'], 'a named link is followed inside the context');
  });
  it('never opens a FIFO and skips content above the size limit', () => {
    const root = makeContext({ Dockerfile: 'FROM alpine\nCOPY . /app\n', '.dockerignore': '.git\n', 'big.txt': `${'x'.repeat(1024 * 1024)}\nAPI_TOKEN=${PLANTED.gh}\n` });
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    const m = load(root);
    const byPath = new Map(m.files.map((f) => [f.relPath, f]));
    assert.equal(byPath.get('pipe')?.type, 'other');
    assert.equal(byPath.get('pipe')?.scan, 'not-a-file');
    assert.equal(byPath.get('big.txt')?.scan, 'too-large');
    assert.deepEqual(byPath.get('big.txt')?.hits, []);
  });
});

describe('unreadable files and folders', () => {
  it('are reported and skipped (checked for real as an unprivileged user)', () => {
    const root = makeContext({ Dockerfile: 'FROM alpine\nCOPY . /app\n', '.dockerignore': '.git\n', 'ok.txt': '1', 'locked.txt': 'x', 'closed/inner.txt': 'x' });
    fs.chmodSync(path.join(root, 'locked.txt'), 0o000);
    fs.chmodSync(path.join(root, 'closed'), 0o000);
    const here = path.dirname(fileURLToPath(import.meta.url));
    const auditModule = path.resolve(here, '../../../src/targets/context/audit.js');
    const parseModule = path.resolve(here, '../../../src/targets/dockerfile/parse.js');
    const script = `
      const { loadContext } = await import(${JSON.stringify(auditModule)});
      const { parseDockerfile } = await import(${JSON.stringify(parseModule)});
      const fs = await import('node:fs');
      const root = ${JSON.stringify(root)};
      const df = parseDockerfile(fs.readFileSync(root + '/Dockerfile', 'utf8'), { path: 'Dockerfile', buildArgs: {} });
      const m = loadContext(df, root + '/Dockerfile', { cwd: root });
      console.log(JSON.stringify({ files: m.files.map((f) => [f.relPath, f.scan, f.error ?? null]), dirs: m.unreadableDirs }));`;
    // root can read a chmod 000 file: as root, run the audit without the capabilities that override
    // file permissions (setpriv, util-linux), so that the kernel refuses for real. (Running it as
    // 'nobody' instead fails wherever the clone sits in a folder that only root may enter.)
    const asRoot = process.getuid?.() === 0;
    const node = [process.execPath, '--input-type=module', '-e', script];
    const noOverride = '-dac_override,-dac_read_search';
    const argv = asRoot ? ['setpriv', `--bounding-set=${noOverride}`, `--inh-caps=${noOverride}`, ...node] : node;
    const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: [string, string, string | null][]; dirs: { relPath: string; error: string }[] };
    assert.deepEqual(out.files.find((f) => f[0] === 'locked.txt'), ['locked.txt', 'unreadable', 'EACCES']);
    assert.deepEqual(out.files.find((f) => f[0] === 'ok.txt'), ['ok.txt', 'scanned', null]);
    assert.deepEqual(out.dirs.map((d) => [d.relPath, d.error]), [['closed', 'EACCES']]);
  });
});

describe('auditContext', () => {
  it('reports secrets on the line of the file that holds them, with the COPY line related, redacted', async () => {
    const root = makeContext({
      'Dockerfile': 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n',
      '.env': `NODE_ENV=production\nGITHUB_TOKEN=${PLANTED.gh}\nDB_PASSWORD=${PLANTED.password}\n`,
      'deploy/id_ed25519': PLANTED.key,
      'certs/ca.crt': '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----\n',
      '.git/config': '[core]\n',
    });
    const findings = await auditContext(parseDockerfile(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'), { path: 'Dockerfile', buildArgs: {} }), path.join(root, 'Dockerfile'), options(root));
    const show = findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}:${f.location.startColumn}`).sort();
    assert.deepEqual(show, [
      'context/credentials-copied .env:2:14',
      'context/credentials-copied .env:3:13',
      'context/no-dockerignore Dockerfile:3:1',
      'context/private-key-copied deploy/id_ed25519:1:1',
      'context/unwanted-files-copied Dockerfile:3:1',
    ]);
    const secret = findings.find((f) => f.location.startLine === 2 && f.location.path === '.env');
    assert.ok(secret);
    assert.deepEqual(secret.related?.map((r) => `${r.location.path}:${r.location.startLine}`), ['Dockerfile:3']);
    // the raw values ride on `secrets` to the report's redaction step; nothing else may hold them
    const text = JSON.stringify(findings, (k, v: unknown) => (k === 'secrets' ? undefined : v));
    assert.ok(!text.includes(PLANTED.gh) && !text.includes(PLANTED.password), 'no finding holds a secret in full');
  });
  it('follows --context: paths relative to the working directory', async () => {
    const root = makeContext({ 'docker/Dockerfile': 'FROM alpine\nCOPY app/.env /app/\n', 'app/.env': `SECRET_KEY=${PLANTED.password}\n` });
    const df = parseDockerfile('FROM alpine\nCOPY app/.env /app/\n', { path: 'docker/Dockerfile', buildArgs: {} });
    const findings = await auditContext(df, path.join(root, 'docker/Dockerfile'), { ...options(root), contextDir: root });
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`), ['context/credentials-copied app/.env:1']);
    const missing = await auditContext(df, path.join(root, 'docker/Dockerfile'), options(root));
    assert.deepEqual(missing.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}:${f.location.startColumn}`), ['context/copy-source-missing docker/Dockerfile:2:6']);
  });
  it('a missing --context folder is a user error', async () => {
    const root = makeContext({ Dockerfile: 'FROM alpine\n' });
    const df = parseDockerfile('FROM alpine\n', { path: 'Dockerfile', buildArgs: {} });
    await assert.rejects(auditContext(df, path.join(root, 'Dockerfile'), { ...options(root), contextDir: path.join(root, 'nope') }), /build context not found: nope/);
  });
});
