// The reference service's handlers, for real over HTTP on 127.0.0.1.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, parsePasswd, portFrom } from '../../examples/secure-app/src/server.js';

describe('secure-app over HTTP', () => {
  let server: Server;
  let base: string;
  const logs: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'secure-app-'));
  const passwd = join(dir, 'passwd');
  const uid = process.getuid!();
  writeFileSync(passwd, `ghost:x:4242:4242::/nowhere:/bin/false\nme:x:${uid}:${process.getgid!()}:Me:/home/me:/usr/sbin/nologin\n`);

  before(async () => {
    server = createApp({ passwdPath: passwd, log: (l) => logs.push(l) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string, method = 'GET') => {
    const res = await fetch(base + path, { method });
    return { status: res.status, type: res.headers.get('content-type'), body: method === 'HEAD' ? null : await res.json() };
  };

  it('GET / names the user and ids', async () => {
    const r = await get('/');
    assert.equal(r.status, 200);
    assert.match(r.type!, /^application\/json/);
    assert.deepEqual(Object.keys(r.body).sort(), ['gid', 'message', 'uid', 'user']);
    assert.equal(r.body.user, 'me');
    assert.equal(r.body.uid, uid);
  });
  it('GET /health', async () => {
    assert.deepEqual(await get('/health'), { status: 200, type: 'application/json; charset=utf-8', body: { status: 'healthy' } });
  });
  it('GET /whoami reads home and shell from the passwd file', async () => {
    const r = await get('/whoami');
    assert.deepEqual(r.body, { user: 'me', uid, gid: process.getgid!(), home: '/home/me', shell: '/usr/sbin/nologin' });
  });
  it('unknown paths are 404 JSON; other methods 405', async () => {
    assert.deepEqual(await get('/nope?x=1'), { status: 404, type: 'application/json; charset=utf-8', body: { error: 'not found', path: '/nope' } });
    assert.equal((await get('/health', 'POST')).status, 405);
  });
  it('logs one JSON line per request', async () => {
    const before = logs.length;
    await get('/health');
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(logs.length, before + 1);
    const line = JSON.parse(logs[logs.length - 1]!);
    assert.equal(line.path, '/health');
    assert.equal(line.status, 200);
    assert.equal(typeof line.ms, 'number');
  });
});

describe('secure-app helpers', () => {
  it('portFrom: default 8000, rejects nonsense', () => {
    assert.equal(portFrom(undefined), 8000);
    assert.equal(portFrom('9090'), 9090);
    assert.throws(() => portFrom('80a'), /PORT must be an integer/);
    assert.throws(() => portFrom('70000'), /PORT must be/);
  });
  it('parsePasswd skips malformed lines', () => {
    assert.deepEqual(parsePasswd('# c\nbad\nroot:x:0:0:root:/root:/bin/sh\n').map((e) => e.name), ['root']);
  });
});
