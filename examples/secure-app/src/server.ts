// The reference service: Node's own http module; prom-client for the metrics (its one runtime
// dependency, bundled into dist/ on the host, so the image still needs no npm ci).
// GET /        -> {"message","user","uid","gid"}
// GET /health  -> {"status":"healthy"}
// GET /whoami  -> {"user","uid","gid","home","shell"}  (from the process and /etc/passwd)
// GET /metrics -> Prometheus text format: requests by route and status, their durations, and
//                 the process's own (CPU, memory, event loop, GC, open handles)
// anything else -> 404 JSON; one JSON log line per request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

export interface Identity {
  user: string | null;
  uid: number;
  gid: number;
  home: string | null;
  shell: string | null;
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** Parses /etc/passwd text (name:password:uid:gid:gecos:home:shell). Malformed lines are skipped. */
export function parsePasswd(text: string): PasswdEntry[] {
  const entries: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length < 7) continue;
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    entries.push({ name: f[0]!, uid, gid, home: f[5]!, shell: f[6]!.trim() });
  }
  return entries;
}

/** The identity of this process: ids from the process, name/home/shell from the passwd file
 *  (null when the uid has no entry, as with `--user 12345` on an image that does not know it). */
export function currentIdentity(passwdPath = '/etc/passwd'): Identity {
  const uid = process.getuid?.() ?? -1;
  const gid = process.getgid?.() ?? -1;
  let entry: PasswdEntry | undefined;
  try {
    entry = parsePasswd(readFileSync(passwdPath, 'utf8')).find((e) => e.uid === uid);
  } catch {
    entry = undefined;
  }
  let user = entry?.name ?? null;
  if (user === null) {
    try { user = userInfo().username; } catch { user = null; }
  }
  return { user, uid, gid, home: entry?.home ?? null, shell: entry?.shell ?? null };
}

export interface AppOptions {
  passwdPath?: string;
  /** Receives one JSON line per request (default: stdout). */
  log?: (line: string) => void;
  /** The metrics /metrics serves (default: a registry of its own per app). */
  metrics?: Metrics;
}

export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
}

/** The routes the service knows: the only values of the `route` label, so a scan of random
 *  paths cannot grow the number of series without bound. */
const ROUTES = new Set(['/', '/health', '/whoami', '/metrics']);
function routeOf(url: string | undefined): string {
  let path: string;
  try {
    path = new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return 'other'; // a request line no URL parser accepts
  }
  return ROUTES.has(path) ? path : 'other';
}

/** A registry with the service's request metrics and Node's default process metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total', help: 'HTTP requests answered, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds', help: 'Time to answer an HTTP request, by method and route.',
    labelNames: ['method', 'route'] as const, buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [registry],
  });
  return { registry, requests, duration };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

export function handle(req: IncomingMessage, res: ServerResponse, opts: AppOptions = {}): void {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, { error: 'method not allowed', method: req.method });
    return;
  }
  switch (path) {
    case '/': {
      const id = currentIdentity(opts.passwdPath);
      send(res, 200, { message: 'Hello from the secure app', user: id.user, uid: id.uid, gid: id.gid });
      return;
    }
    case '/health':
      send(res, 200, { status: 'healthy' });
      return;
    case '/whoami':
      send(res, 200, currentIdentity(opts.passwdPath));
      return;
    case '/metrics': {
      const registry = opts.metrics?.registry;
      if (!registry) {
        send(res, 404, { error: 'not found', path });
        return;
      }
      registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end(req.method === 'HEAD' ? undefined : text);
      }, () => { send(res, 500, { error: 'internal error' }); });
      return;
    }
    default:
      send(res, 404, { error: 'not found', path });
  }
}

export function createApp(opts: AppOptions = {}): Server {
  const log = opts.log ?? ((line: string) => { process.stdout.write(`${line}\n`); });
  const metrics = opts.metrics ?? createMetrics();
  const withMetrics = { ...opts, metrics };
  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = routeOf(req.url);
      const method = req.method === 'GET' || req.method === 'HEAD' ? req.method : 'other';
      metrics.requests.inc({ method, route, status: String(res.statusCode) });
      metrics.duration.observe({ method, route }, ms / 1000);
      log(JSON.stringify({
        time: new Date().toISOString(),
        method: req.method,
        path: req.url,
        status: res.statusCode,
        ms,
      }));
    });
    try {
      handle(req, res, withMetrics);
    } catch (err) {
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy();
      log(JSON.stringify({ time: new Date().toISOString(), level: 'error', error: (err as Error).message }));
    }
  });
}

/** Parses PORT: an integer 1-65535, default 8000. */
export function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be an integer between 1 and 65535, got "${value}"`);
  }
  return port;
}
