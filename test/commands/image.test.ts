import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIO, runCli } from '../helpers/cli-io.js';
import { main } from '../../src/main.js';
import { dockerSave, makeTar, ociLayout, writeLayout, layoutTar } from '../targets/image/build.js';
import { readReport } from '../helpers/json-report.js';

// Planted secrets, assembled at run time: the repository never holds them whole.
const ENV_SECRET = ['Zq8v', 'Pw3r', 'Tx7L', 'm2Nk', 'Qa55'].join('');
const ARG_SECRET = ['npm_', 'a8F3kq9Z', 'r2LmX7pQ', 'w4Tn0000', 'x1Y2z3W4', 'v5U6'].join('');
const FILE_SECRET = ['AKIA', 'Q3EG', 'HB7Z', 'K2LM', 'XW4P'].join('');
const FILE_SECRET2 = ['wJalr', 'XUtnFEMI', 'K7MDENG', 'bPxRfiCY', 'EXAMPLEKEYzq'].join('/');

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-image-cli-'));
  const layer0 = makeTar([
    { name: 'etc/', type: '5' },
    { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/bash\n' },
    { name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.20.1\nPRETTY_NAME="Alpine Linux v3.20"\n' },
    { name: 'lib/apk/db/installed', data: 'P:musl\nV:1.2.5-r0\nA:x86_64\nL:MIT\no:musl\n\nP:busybox\nV:1.36.1-r29\nA:x86_64\nL:GPL-2.0-only\n' },
    { name: 'bin/busybox', mode: 0o755, data: 'ELF' },
    { name: 'bin/sh', type: '2', linkname: '/bin/busybox' },
    { name: 'usr/local/bin/helper', mode: 0o4755, data: 'ELF' },
    { name: 'root/.aws/credentials', mode: 0o600, data: `[default]\naws_access_key_id = ${FILE_SECRET}\naws_secret_access_key = ${FILE_SECRET2}\n` },
    { name: 'app/node_modules/@scope/pkg/package.json', data: '{"name":"@scope/pkg","version":"2.0.0+build.1","license":"MIT"}' },
  ]);
  const layer1 = makeTar([{ name: 'root/.aws/.wh.credentials' }, { name: 'app/server.js', data: 'require("http")\n' }]);
  writeFileSync(join(dir, 'app.tar'), dockerSave([{
    layers: [layer0, layer1], repoTags: ['app:1'],
    config: { Env: ['PATH=/usr/bin', `API_TOKEN=${ENV_SECRET}`], ExposedPorts: { '22/tcp': {} } },
    history: [
      { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
      { created_by: `|1 NPM_TOKEN=${ARG_SECRET} /bin/sh -c rm /root/.aws/credentials && npm ci` },
    ],
  }]));
  writeFileSync(join(dir, 'clean.tar'), dockerSave([{
    layers: [makeTar([{ name: 'etc/', type: '5' }, { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001::/app:/usr/sbin/nologin\n' }, { name: 'app/server.js', data: 'x' }])],
    config: { User: '10001', Healthcheck: { Test: ['CMD', '/nodejs/bin/node', '/app/health.js'] }, Labels: { 'org.opencontainers.image.source': 'https://x.example', 'org.opencontainers.image.version': '1' } },
  }]));
  writeLayout(join(dir, 'layout'), ociLayout([{ spec: { layers: [makeTar([{ name: 'app/x', data: 'y' }])], config: { User: 'root' } } }]));
  writeFileSync(join(dir, 'notatar.tar'), 'hello\n'.repeat(300));
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

describe('tightship image', () => {
  it('audits a docker-save tar: findings by image path, field and layer; grade root; exit 1', async () => {
    const r = await runCli(['image', 'app.tar', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const out = readReport(r.stdout);
    const res = out.results[0];
    assert.deepEqual(res.target, { kind: 'image', path: 'app.tar' });
    assert.equal(res.level, 'root');
    const ids = new Set(res.findings.map((f) => f.ruleId));
    for (const id of ['image/user-root', 'image/no-healthcheck', 'image/secret-in-env', 'image/secret-in-history', 'image/secret-files', 'image/setuid-files', 'image/dangerous-port', 'image/shell-present']) {
      assert.ok(ids.has(id), `expected ${id} in ${[...ids].join(', ')}`);
    }
    const cred = res.findings.find((f) => f.ruleId === 'image/secret-files');
    assert.ok(cred);
    assert.equal(cred.location.imagePath, '/root/.aws/credentials');
    assert.equal(cred.location.layer?.index, 0);
    assert.equal(cred.location.startLine, 1);
    assert.match(cred.message, /deleted in layer 1, but still in layer 0/);
    const suid = res.findings.find((f) => f.ruleId === 'image/setuid-files');
    assert.ok(suid);
    assert.equal(suid.location.imagePath, '/usr/local/bin/helper');
    assert.equal(res.findings.find((f) => f.ruleId === 'image/user-root')?.location.field, 'config.User');
    assert.equal(res.facts?.layers, 2);
  });

  it('never prints a planted secret in full, in any format', async () => {
    for (const format of ['pretty', 'json', 'sarif', 'github', 'cyclonedx']) {
      const r = await runCli(['image', 'app.tar', '--format', format], dir);
      const all = r.stdout + r.stderr;
      assert.ok(r.stdout.length > 100, `${format} printed a report`);
      for (const s of [ENV_SECRET, ARG_SECRET, FILE_SECRET, FILE_SECRET2]) {
        assert.ok(!all.includes(s), `${format} output holds a planted secret in full`);
      }
      if (format !== 'cyclonedx') assert.ok(all.includes(ENV_SECRET.slice(0, 4)), `${format} shows the redacted form`);
    }
  });

  it('grades a clean image hardened and exits 0', async () => {
    const r = await runCli(['image', 'clean.tar', '--format', 'json'], dir);
    const res = readReport(r.stdout).results[0];
    assert.equal(res.level, 'hardened', JSON.stringify(res.findings));
    assert.equal(r.code, 0);
  });

  it('writes CycloneDX with the OS and purls', async () => {
    const r = await runCli(['image', 'app.tar', '--format', 'cyclonedx', '--output', 'bom.json'], dir);
    assert.equal(r.code, 0, 'an SBOM exits 0 whatever the findings');
    const gated = await runCli(['image', 'app.tar', '--format', 'cyclonedx', '--fail-on', 'error', '--output', 'bom2.json'], dir);
    assert.equal(gated.code, 1, 'with --fail-on the findings decide');
    const bom = JSON.parse(readFileSync(join(dir, 'bom.json'), 'utf8')) as { bomFormat: string; specVersion: string; metadata: { component: { type: string; name: string } }; components: { purl?: string; type: string; name: string }[] };
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.5');
    assert.equal(bom.metadata.component.type, 'container');
    assert.equal(bom.metadata.component.name, 'app:1');
    const purls = bom.components.map((c) => c.purl ?? `${c.type}:${c.name}`);
    assert.deepEqual(purls, [
      'operating-system:alpine',
      'pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=3.20.1',
      'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.1',
      'pkg:npm/%40scope/pkg@2.0.0%2Bbuild.1',
    ]);
    const again = await runCli(['image', 'app.tar', '--format', 'cyclonedx'], dir);
    assert.equal(again.stdout, readFileSync(join(dir, 'bom.json'), 'utf8'), 'deterministic');
  });

  it('reads an OCI layout directory', async () => {
    const r = await runCli(['image', 'layout', '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const res = readReport(r.stdout).results[0];
    assert.equal(res.target.path, 'layout');
    assert.equal(res.level, 'root');
  });

  it('fails with one line and a hint on bad input, exit 2', async () => {
    const r = await runCli(['image', 'notatar.tar'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^tightship: notatar\.tar: not a tar archive/);
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    const none = await runCli(['image', './missing.tar'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no such file or directory/);
    const usage = await runCli(['image'], dir);
    assert.equal(usage.code, 2);
    const fmt = await runCli(['image', 'app.tar', '--format', 'xml'], dir);
    assert.equal(fmt.code, 2);
    assert.match(fmt.stderr, /unknown format 'xml'/);
    const json = await runCli(['image', 'notatar.tar', '--format', 'json'], dir);
    assert.equal(json.code, 2);
    assert.match(readReport(json.stdout).results[0].error ?? '', /not a tar archive/);
  });

  it('shows progress on a terminal, and not in CI', async () => {
    const tty = { ...captureIO(dir, {}), stderrIsTTY: true };
    const err: string[] = [];
    tty.stderr = (t: string) => { err.push(t); };
    assert.equal(await main(['image', 'clean.tar'], tty), 0);
    assert.match(err.join(''), /reading clean\.tar: [\d.]+ (B|KiB) of [\d.]+ KiB \(\d+%\)/);
    const ci = { ...captureIO(dir, { CI: 'true' }), stderrIsTTY: true };
    const ciErr: string[] = [];
    ci.stderr = (t: string) => { ciErr.push(t); };
    await main(['image', 'clean.tar'], ci);
    assert.equal(ciErr.join(''), '');
  });

  it('reads the OCI layout newer engines write inside docker save (manifest.json naming blobs)', async () => {
    const files = ociLayout([{ spec: { layers: [makeTar([{ name: 'etc/', type: '5' }, { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\n' }])], config: { User: '0' } }, compression: 'none' }]);
    type Descriptor = { digest: string };
    const json = (name: string): unknown => JSON.parse(String(files.get(name)));
    const index = json('index.json') as { manifests: Descriptor[] };
    const manifest = json(`blobs/sha256/${index.manifests[0].digest.slice(7)}`) as { config: Descriptor; layers: Descriptor[] };
    files.set('manifest.json', Buffer.from(JSON.stringify([{ Config: `blobs/sha256/${manifest.config.digest.slice(7)}`, RepoTags: ['new:1'], Layers: manifest.layers.map((l) => `blobs/sha256/${l.digest.slice(7)}`) }])));
    writeFileSync(join(dir, 'new-save.tar'), layoutTar(files));
    const r = await runCli(['image', 'new-save.tar', '--format', 'json', '--fail-on', 'none'], dir);
    const res = readReport(r.stdout).results[0];
    assert.equal(res.facts?.name, 'new:1');
    assert.equal(res.level, 'root');
    assert.ok(!res.findings.some((f) => f.ruleId === 'image/layer-digest-mismatch'));
  });

  it('prints no progress on a pipe', async () => {
    const r = await runCli(['image', 'clean.tar'], dir);
    assert.ok(!r.stderr.includes('reading'), r.stderr);
  });
});
