// tightship init's Node scaffold on a real engine: init writes the files into a small service,
// BuildKit builds them offline (the base image a local stand-in, through the NODE_IMAGE build
// argument the Dockerfile declares), and the container runs with the run-time settings of the
// generated compose.yaml until its HEALTHCHECK reports healthy.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../test/helpers/cli-io.js';
import { LOCAL_IMAGES, buildkit, must, removeImages, requireEngine, sh } from './docker.js';

const TAG = 'tightship-e2e/init-node:test';
const NAME = 'tightship-e2e-init-node';

describe('tightship init: the Node scaffold builds and runs', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tightship-init-e2e-'));

  before(async () => {
    await requireEngine([LOCAL_IMAGES.bookwormSlim]);
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'hello-init', version: '1.0.0', main: 'server.js', scripts: { start: 'node server.js' } }, null, 2)}\n`);
    writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'hello-init', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'hello-init', version: '1.0.0' } } }, null, 2)}\n`);
    writeFileSync(join(dir, 'server.js'), [
      "const http = require('http');",
      "const port = Number(process.env.PORT || 3000);",
      "http.createServer((req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ uid: process.getuid(), path: req.url })); })",
      "  .listen(port, '0.0.0.0');",
      '',
    ].join('\n'));
    writeFileSync(join(dir, '.env'), 'SECRET=kept-out-of-the-image\n');
    const r = await runCli(['init'], dir);
    assert.equal(r.code, 0, r.stderr);
  });

  after(async () => {
    await sh('docker', ['rm', '--force', NAME], { timeoutMs: 60_000 });
    await removeImages([TAG]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds offline with --build-arg NODE_IMAGE=<local image>', async () => {
    await buildkit(['-q', '--build-arg', `NODE_IMAGE=${LOCAL_IMAGES.bookwormSlim}`, '-t', TAG, dir]);
    const [img] = JSON.parse(await must('docker', ['image', 'inspect', TAG])) as { Config: { User: string; Cmd: string[]; Healthcheck?: { Test: string[] }; ExposedPorts?: Record<string, unknown> } }[];
    assert.ok(img);
    assert.equal(img.Config.User, '10001:10001');
    assert.deepEqual(img.Config.Cmd, ['node', 'server.js']);
    assert.equal(img.Config.Healthcheck?.Test[0], 'CMD');
    assert.equal(img.Config.Healthcheck.Test[1], 'node');
    assert.deepEqual(Object.keys(img.Config.ExposedPorts ?? {}), ['3000/tcp']);
  });

  it('runs with the compose.yaml settings and becomes healthy', async () => {
    const compose = parse(readFileSync(join(dir, 'compose.yaml'), 'utf8')) as { services: Record<string, { user: string; tmpfs: string[]; pids_limit: number; mem_limit: string }> };
    const service = Object.values(compose.services)[0];
    assert.ok(service);
    const flags = ['--read-only', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', service.user,
      '--memory', service.mem_limit, '--memory-swap', service.mem_limit, '--pids-limit', String(service.pids_limit),
      ...service.tmpfs.flatMap((t) => ['--tmpfs', t]), '--network', 'none', '--health-interval', '500ms'];
    await must('docker', ['run', '-d', '--name', NAME, ...flags, TAG]);
    let status = '';
    for (let i = 0; i < 60 && status !== 'healthy'; i++) {
      status = (await must('docker', ['inspect', '--format', '{{.State.Health.Status}}', NAME])).trim();
      if (status === 'unhealthy') break;
      if (status !== 'healthy') await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(status, 'healthy', (await sh('docker', ['logs', NAME])).stderr);
    const answer = await must('docker', ['exec', NAME, 'node', '-e', "fetch('http://127.0.0.1:3000/x').then((r) => r.text()).then((t) => process.stdout.write(t))"]);
    assert.deepEqual(JSON.parse(answer), { uid: 10001, path: '/x' });
  });

  it('inside: the user has no login shell, the code is not writable, .env stayed out', async () => {
    const probe = [
      "const fs = require('fs');",
      "const app = fs.readFileSync('/etc/passwd', 'utf8').split('\\n').find((l) => l.startsWith('app:'));",
      "let writable = true; try { fs.appendFileSync('/app/server.js', '//'); } catch { writable = false; }",
      "process.stdout.write(JSON.stringify({ app, writable, env: fs.existsSync('/app/.env'), dockerfile: fs.existsSync('/app/Dockerfile') }));",
    ].join('\n');
    const facts = JSON.parse(await must('docker', ['exec', NAME, 'node', '-e', probe])) as { app: string; writable: boolean; env: boolean; dockerfile: boolean };
    assert.match(facts.app, /^app:x:10001:10001:.*:\/usr\/sbin\/nologin$/);
    assert.equal(facts.writable, false);
    assert.equal(facts.env, false);
    assert.equal(facts.dockerfile, false);
  });
});
