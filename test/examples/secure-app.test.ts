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
  // POSIX only: getuid and getgid are undefined on Windows
  const uid = process.getuid?.() ?? -1;
  const gid = process.getgid?.() ?? -1;
  writeFileSync(passwd, `ghost:x:4242:4242::/nowhere:/bin/false\nme:x:${uid}:${gid}:Me:/home/me:/usr/sbin/nologin\n`);

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
    const body: unknown = method === 'HEAD' ? null : await res.json();
    return { status: res.status, type: res.headers.get('content-type'), body };
  };

  it('GET / names the user and ids', async () => {
    const r = await get('/');
    assert.equal(r.status, 200);
    assert.match(r.type ?? '', /^application\/json/);
    const body = r.body as Record<string, unknown>; // a JSON object: its keys are checked next
    assert.deepEqual(Object.keys(body).sort(), ['gid', 'message', 'uid', 'user']);
    assert.equal(body.user, 'me');
    assert.equal(body.uid, uid);
  });
  it('GET /health', async () => {
    assert.deepEqual(await get('/health'), { status: 200, type: 'application/json; charset=utf-8', body: { status: 'healthy' } });
  });
  it('GET /whoami reads home and shell from the passwd file', async () => {
    const r = await get('/whoami');
    assert.deepEqual(r.body, { user: 'me', uid, gid, home: '/home/me', shell: '/usr/sbin/nologin' });
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
    const line = JSON.parse(logs[logs.length - 1]) as Record<string, unknown>;
    assert.equal(line.path, '/health');
    assert.equal(line.status, 200);
    assert.equal(typeof line.ms, 'number');
  });

  it('GET /metrics: Prometheus text format, requests counted by route and status', async () => {
    const scrape = async () => parseExposition(await (await fetch(`${base}/metrics`)).text());
    const before = await scrape();
    await get('/health');
    await get('/health');
    await get('/no/such/path/9f3');
    await get('/whoami', 'POST');
    await new Promise((r) => setTimeout(r, 20));
    const res = await fetch(`${base}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const samples = parseExposition(await res.text());
    const added = (labels: string) => (samples.get(`http_requests_total{${labels}}`) ?? 0) - (before.get(`http_requests_total{${labels}}`) ?? 0);
    assert.equal(added('method="GET",route="/health",status="200"'), 2);
    assert.equal(added('method="GET",route="other",status="404"'), 1, 'an unknown path is counted under route="other", not its own series');
    assert.equal(added('method="other",route="/whoami",status="405"'), 1);
    assert.equal(added('method="GET",route="/metrics",status="200"'), 1, 'the scrape before is counted once it is answered');
    assert.ok([...samples.keys()].every((k) => !k.includes('9f3')));
    assert.ok((samples.get('http_request_duration_seconds_count{method="GET",route="/health"}') ?? 0) >= 2);
    // Node's default metrics come with it
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      assert.ok(samples.has(name), `${name} in /metrics`);
    }
  });
});

/** Reads Prometheus' text exposition format strictly: every line is a comment (# HELP/# TYPE) or
 *  `name{labels} value`; returns the samples by name and labels. */
function parseExposition(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      assert.match(line, /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/, line);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?) (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line);
    assert.ok(m, `not a sample line: ${line}`);
    out.set(m[1], Number(m[2]));
  }
  return out;
}

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
