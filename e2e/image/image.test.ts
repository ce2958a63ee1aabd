// The image auditor against images built by the real engine: docker build, docker save, and the
// engine's export stream. Needs a running engine with the local base images
// (scripts/docker-setup.sh); CI starts both before `npm run e2e`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/helpers/cli-io.js';

const ROOT_TAG = 'tightship-e2e/image-root:test';
const HARD_TAG = 'tightship-e2e/image-hardened:test';
// Planted secrets, assembled at run time.
const TOKEN = ['ghp_', 'Zx81', 'Lq2W', 'p0Rt', 'Ys9V', 'mB3N', 'cK7D', 'fG4H', 'jQ6A'].join('');
const KEY_BODY = ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 'QyNTUxOQAAACDx8R3kq9ZqL1mN0pQrStUvWxYz'].join('');
const KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_BODY}\n-----END OPENSSH PRIVATE KEY-----\n`;

function docker(args: string[], cwd?: string): string {
  return execFileSync('docker', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-e2e-image-'));
  const root = join(dir, 'root');
  mkdirSync(root);
  writeFileSync(join(root, 'id_rsa'), KEY, { mode: 0o600 });
  writeFileSync(join(root, 'Dockerfile'), [
    'FROM local/node:20-busybox',
    'ARG GITHUB_TOKEN',
    'COPY id_rsa /root/.ssh/id_rsa',
    'RUN cp /bin/busybox /usr/local/bin/helper && chmod 4755 /usr/local/bin/helper && mkdir -p /srv/drop && chmod 0777 /srv/drop',
    'RUN echo "using $GITHUB_TOKEN" >/dev/null && rm /root/.ssh/id_rsa',
    'EXPOSE 22',
    'CMD ["node", "-e", "setInterval(()=>{},1000)"]',
    '',
  ].join('\n'));
  docker(['build', '-q', '--network=none', '--build-arg', `GITHUB_TOKEN=${TOKEN}`, '-t', ROOT_TAG, '.'], root);

  const hard = join(dir, 'hard');
  mkdirSync(hard);
  writeFileSync(join(hard, 'server.js'), 'require("http").createServer((q, s) => s.end("ok")).listen(8000);\n');
  writeFileSync(join(hard, 'health.js'), 'process.exit(0);\n');
  writeFileSync(join(hard, 'Dockerfile'), [
    'FROM local/node:20-distroless',
    'COPY server.js health.js /app/',
    'USER 65532:65532',
    'HEALTHCHECK --interval=10s CMD ["/usr/local/bin/node", "/app/health.js"]',
    'LABEL org.opencontainers.image.source="https://example.com/app" org.opencontainers.image.version="1.0.0"',
    'CMD ["/app/server.js"]',
    '',
  ].join('\n'));
  docker(['build', '-q', '--network=none', '-t', HARD_TAG, '.'], hard);
  docker(['save', '-o', join(dir, 'root.tar'), ROOT_TAG]);
  docker(['save', '-o', join(dir, 'both.tar'), ROOT_TAG, HARD_TAG]);
});

after(() => {
  try { docker(['rmi', '-f', ROOT_TAG, HARD_TAG]); } catch { /* already gone */ }
  rmSync(dir, { recursive: true, force: true });
});

interface F { ruleId: string; message: string; severity: string; location: { imagePath?: string; field?: string; layer?: { index: number; createdBy?: string } } }
/** The part of a JSON report these tests read. */
interface R { target: { kind: string; path: string; image?: string }; level: string | null; findings: F[] }
const resultsOf = (stdout: string) => (JSON.parse(stdout) as { results: R[] }).results;

describe('image auditor on real images (e2e)', () => {
  it('finds what the root image really holds, from its docker-save tar', async () => {
    const r = await runCli(['image', 'root.tar', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const res = resultsOf(r.stdout)[0];
    assert.equal(res.level, 'root');
    const f = res.findings;
    const by = (id: string) => f.filter((x) => x.ruleId === id);
    assert.equal(by('image/user-root').length, 1);
    const key = by('image/secret-files').find((x) => x.location.imagePath === '/root/.ssh/id_rsa');
    assert.ok(key, 'the private key deleted by a later RUN is still reported');
    assert.match(key.message, /deleted in layer \d+, but still in layer \d+/);
    assert.match(key.location.layer?.createdBy ?? '', /COPY/);
    const suid = by('image/setuid-files').find((x) => x.location.imagePath === '/usr/local/bin/helper');
    assert.ok(suid, 'the setuid copy of busybox');
    assert.match(suid.location.layer?.createdBy ?? '', /chmod 4755/);
    assert.ok(by('image/world-writable').some((x) => x.location.imagePath === '/srv/drop'));
    assert.ok(by('image/secret-in-history').some((x) => /GITHUB_TOKEN=ghp_/.test(x.message)), 'the build argument shows in the history');
    assert.equal(by('image/dangerous-port').length, 1);
    assert.equal(by('image/no-healthcheck').length, 1);
    assert.equal(by('image/shell-present').length, 1);
    assert.equal(by('image/layer-digest-mismatch').length, 0, 'docker save layers match their diff ids');
    assert.ok(!r.stdout.includes(TOKEN) && !r.stdout.includes(KEY_BODY), 'no planted secret in full');
  });

  it('reads the same image from the engine over the API, with the same findings', async () => {
    const fromTar = resultsOf((await runCli(['image', 'root.tar', '--format', 'json', '--fail-on', 'none'], dir)).stdout)[0];
    const r = await runCli(['image', ROOT_TAG, '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const fromEngine = resultsOf(r.stdout)[0];
    assert.deepEqual(fromEngine.target, { kind: 'image', path: ROOT_TAG });
    const strip = (list: { ruleId: string; message: string }[]) => list.map((x) => `${x.ruleId} ${x.message}`);
    assert.deepEqual(strip(fromEngine.findings), strip(fromTar.findings));
  });

  it('grades the distroless image with a non-root user and a healthcheck hardened', async () => {
    const r = await runCli(['image', HARD_TAG, '--format', 'json'], dir);
    const res = resultsOf(r.stdout)[0];
    assert.equal(res.level, 'hardened', JSON.stringify(res.findings.map((x) => x.ruleId)));
    assert.equal(r.code, 0, r.stderr);
  });

  it('asks which image of a multi-image tar, and audits each with --all', async () => {
    const ask = await runCli(['image', 'both.tar'], dir);
    assert.equal(ask.code, 2);
    assert.match(ask.stderr, /holds 2 images/);
    const all = await runCli(['image', 'both.tar', '--all', '--format', 'json', '--fail-on', 'none'], dir);
    const levels = resultsOf(all.stdout).map((x) => `${String(x.target.image)} ${String(x.level)}`).sort();
    assert.deepEqual(levels, [`${HARD_TAG} hardened`, `${ROOT_TAG} root`]);
    const one = await runCli(['image', 'both.tar', '--image', HARD_TAG, '--format', 'json'], dir);
    assert.equal(resultsOf(one.stdout).length, 1);
  });

  it('reports a missing image in the engine as an input error', async () => {
    const r = await runCli(['image', 'tightship-e2e/does-not-exist:nope'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file, directory or image in the local engine/);
    assert.ok(statSync(join(dir, 'root.tar')).size > 0);
  });
});
