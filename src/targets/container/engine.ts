// The I/O half of verify: runs an image (or finds a running container) on the local engine through
// the Engine API (dockerode), probes it from inside, waits for health, requests an HTTP path,
// and returns the ContainerModel the container rules check. The container verify creates carries
// the label VERIFY_LABEL from its creation and is always removed: every step races the caller's
// AbortSignal, the CLI's interrupt handler runs the cleanup, and `finally` removes the container by name — also when the signal came while the
// engine was still creating it. Probe output is capped (a probe printing gigabytes is cut off).
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { UserError } from '../../engine/types.js';
import type { ContainerModel, Health, HealthRun, HttpCheck, StatsSnapshot } from './model.js';
import { blindCurls, curlUrl, missingProgram, testParts } from '../../rules/health-check.js';
import { failedProbes, nodeProbe, oneLine, parseProbeOutput, shellProbe, type ProbeResults } from './probes.js';
import { get, healthcheckOf, hostConfigFacts, text } from './inspect.js';

export type Profile = 'hardened' | 'as-is';

import type { Interrupts } from '../../io.js';

export interface VerifyOptions {
  profile: Profile;
  /** Registers work to run when the process is interrupted (SIGINT/SIGTERM) before it exits;
   *  returns the function that unregisters it. Without it, nothing is registered. */
  onInterrupt?: Interrupts;
  /** GET this path and expect 200. */
  httpPath?: string;
  /** The container port for --http (e.g. 8000 or 8000/tcp); default: the image's first exposed port. */
  port?: string;
  /** Longest wait for start and health, in ms. */
  timeoutMs: number;
  /** Name of the container verify creates (default tightship-verify-<random>). */
  name?: string;
  /** A seccomp profile (its JSON text) to run the image under (verify --seccomp). */
  seccompProfile?: string;
  /** Called while waiting (start, health): what for, how long so far, the limit. */
  onWait?: (what: string, elapsedMs: number, limitMs: number) => void;
  docker?: Docker;
  /** Aborted on SIGINT/SIGTERM/SIGHUP by the CLI: verify stops waiting, removes its container
   *  and rejects with a UserError ("interrupted"). Without one, verify installs its own
   *  SIGINT/SIGTERM handlers that remove the container and exit. */
  signal?: AbortSignal;
}

/** The label every container verify creates carries (`docker ps -a --filter label=…` finds any left). */
export const VERIFY_LABEL = 'org.tightship.verify';

/** Most bytes kept of each output stream of a command run inside the container. */
export const MAX_EXEC_OUTPUT = 1 << 20;

function interrupted(): UserError {
  return new UserError('verify was interrupted: its container was removed', 'run it again');
}

/** p, or a rejection as soon as the signal aborts. */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(interrupted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => { reject(interrupted()); };
    signal.addEventListener('abort', onAbort, { once: true });
    p.then((v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes p's own rejection on as it is
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); });
  });
}

/** The container was created but did not start or stopped at once (not an engine problem). */
export class ContainerStartError extends UserError {}

/** The seeds' hardened run flags, as Engine API HostConfig. */
export const HARDENED_HOST_CONFIG = {
  ReadonlyRootfs: true,
  Tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
  CapDrop: ['ALL'],
  SecurityOpt: ['no-new-privileges'],
  Memory: 256 * 1024 * 1024,
  PidsLimit: 128,
  NanoCpus: 1_000_000_000,
} as const;

async function connect(given?: Docker): Promise<Docker> {
  const { default: DockerClass } = await import('dockerode');
  const docker = given ?? new DockerClass();
  try {
    await docker.ping();
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const where = process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : '/var/run/docker.sock';
    throw new UserError(`the Docker engine is not reachable at ${where} (${e.code ?? oneLine(e.message ?? String(err))})`,
      'start it (sudo bash scripts/docker-setup.sh, or systemctl start docker) or set DOCKER_HOST');
  }
  return docker;
}

interface ExecResult { exitCode: number | null; stdout: string; stderr: string }

async function execIn(docker: Docker, container: Docker.Container, cmd: string[], timeoutMs: number, maxOutput = MAX_EXEC_OUTPUT): Promise<ExecResult> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let kept = 0;
  // keep at most maxOutput bytes in all; past that, hang up (the command gets EPIPE)
  const keep = (into: Buffer[]) => (c: Buffer) => {
    if (kept >= maxOutput) return;
    const part = c.length > maxOutput - kept ? c.subarray(0, maxOutput - kept) : c;
    into.push(part);
    kept += part.length;
    if (kept >= maxOutput) stream.destroy();
  };
  const o = new PassThrough().on('data', keep(out));
  const e = new PassThrough().on('data', keep(err));
  docker.modem.demuxStream(stream, o, e);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { stream.destroy(); resolve(); }, timeoutMs);
    stream.on('end', () => { clearTimeout(timer); resolve(); });
    stream.on('close', () => { clearTimeout(timer); resolve(); });
    stream.on('error', () => { clearTimeout(timer); resolve(); });
  });
  let exitCode: number | null = null;
  try { exitCode = (await exec.inspect()).ExitCode ?? null; } catch { exitCode = null; }
  return { exitCode, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

async function tryExec(docker: Docker, container: Docker.Container, cmd: string[], timeoutMs: number, maxOutput?: number): Promise<ExecResult | string> {
  try {
    return await execIn(docker, container, cmd, timeoutMs, maxOutput);
  } catch (err) {
    return oneLine((err as { message?: string }).message ?? String(err));
  }
}

/** Runs the probe with sh, and with the image's node when there is no shell (distroless). */
export async function probe(docker: Docker, container: Docker.Container, maxOutput?: number): Promise<ProbeResults> {
  const sh = await tryExec(docker, container, ['sh', '-c', shellProbe()], 20_000, maxOutput);
  if (typeof sh !== 'string' && sh.stdout.includes('@@end')) return parseProbeOutput(sh.stdout, 'sh');
  const node = await tryExec(docker, container, ['node', '-e', nodeProbe()], 20_000, maxOutput);
  if (typeof node !== 'string' && node.stdout.includes('@@end')) return parseProbeOutput(node.stdout, 'node');
  const why = (r: ExecResult | string) => (typeof r === 'string' ? r : oneLine(r.stderr || r.stdout) || `exit code ${r.exitCode}`);
  return failedProbes(`nothing could run inside the container: sh failed (${why(sh)}), node failed (${why(node)})`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The inspect document of a running container (read as unknown: engines omit fields dockerode's types promise). */
async function inspectOrFail(container: Docker.Container, label: string): Promise<unknown> {
  const info: unknown = await container.inspect();
  const state = get(info, 'State');
  if (!get(state, 'Running')) {
    let logs = '';
    try {
      const buf = await container.logs({ stdout: true, stderr: true, tail: 5 });
      logs = oneLine(demuxed(buf));
    } catch { /* no logs */ }
    throw new ContainerStartError(`${label}: the container is not running (${text(get(state, 'Status') ?? 'unknown')}, exit code ${text(get(state, 'ExitCode') ?? '?')})`,
      logs ? `its last output: ${logs.slice(-160)}` : 'docker logs shows why it stopped');
  }
  return info;
}

/** One `docker stats --no-stream` reading (the engine samples twice, so CPU has a delta); null
 *  when the engine gives none. Memory excludes the page cache, as `docker stats` does. */
async function statsSnapshot(container: Docker.Container): Promise<StatsSnapshot | null> {
  let st: unknown;
  try {
    st = await container.stats({ stream: false });
  } catch {
    return null;
  }
  // read as unknown: cgroup v2 engines omit memory_stats.stats.cache, some omit online_cpus
  const mem = get(st, 'memory_stats');
  const ms = get(mem, 'stats');
  const cache = get(ms, 'inactive_file') ?? get(ms, 'total_inactive_file') ?? get(ms, 'cache') ?? 0;
  const usage = Math.max(0, Number(get(mem, 'usage') ?? 0) - Number(cache));
  const hostMem = Number(get(mem, 'limit') ?? 0);
  const cpu = get(st, 'cpu_stats');
  const precpu = get(st, 'precpu_stats');
  const cpuDelta = Number(get(get(cpu, 'cpu_usage'), 'total_usage') ?? 0) - Number(get(get(precpu, 'cpu_usage'), 'total_usage') ?? 0);
  const sysDelta = Number(get(cpu, 'system_cpu_usage') ?? 0) - Number(get(precpu, 'system_cpu_usage') ?? 0);
  const percpu = get(get(cpu, 'cpu_usage'), 'percpu_usage');
  const cpus = Number(get(cpu, 'online_cpus') ?? (typeof percpu === 'string' ? percpu.length : get(percpu, 'length')) ?? 1);
  const pids = get(st, 'pids_stats');
  const pidsLimit = Number(get(pids, 'limit') ?? 0);
  return {
    memoryBytes: usage,
    // the engine reports the host's memory as the limit of an unlimited container
    memoryLimitBytes: hostMem > 0 && hostMem < 2 ** 62 ? hostMem : null,
    cpuPercent: sysDelta > 0 && cpuDelta >= 0 ? Math.round((cpuDelta / sysDelta) * cpus * 10000) / 100 : 0,
    pids: Number(get(pids, 'current') ?? 0),
    pidsLimit: pidsLimit > 0 && pidsLimit < 2 ** 62 ? pidsLimit : null,
  };
}

/** The limits as the container was given them (the engine reports the host's memory for a
 *  container without a memory limit). */
function withLimits(s: StatsSnapshot | null, model: ContainerModel): StatsSnapshot | null {
  if (!s) return s;
  return { ...s, memoryLimitBytes: model.hostConfig.memory > 0 ? model.hostConfig.memory : null, pidsLimit: model.hostConfig.pidsLimit && model.hostConfig.pidsLimit > 0 ? model.hostConfig.pidsLimit : null };
}

/** Strips the 8-byte frame headers of a non-TTY log buffer. */
function demuxed(buf: Buffer): string {
  const parts: string[] = [];
  let i = 0;
  while (i + 8 <= buf.length && (buf[i] === 1 || buf[i] === 2) && buf[i + 1] === 0) {
    const len = buf.readUInt32BE(i + 4);
    parts.push(buf.subarray(i + 8, i + 8 + len).toString('utf8'));
    i += 8 + len;
  }
  return i === 0 ? buf.toString('utf8') : parts.join('');
}

/** The runs of the check the engine kept (State.Health.Log), one line of output each. */
function healthRuns(log: unknown): HealthRun[] {
  if (!Array.isArray(log)) return [];
  return (log as { ExitCode?: unknown; Output?: unknown }[]).map((r) => ({
    exitCode: typeof r.ExitCode === 'number' ? r.ExitCode : -1,
    output: oneLine(text(r.Output)),
  }));
}

/** Waits until the check settles: healthy, unhealthy, the time limit, or a run whose output says
 *  its program is not in the image (it cannot pass: no need to wait for the retries). */
async function waitForHealth(container: Docker.Container, label: string, defined: boolean, opts: VerifyOptions, started: number): Promise<Health> {
  if (!defined) return { defined: false, status: null, waitedMs: 0 };
  for (;;) {
    const info = await inspectOrFail(container, label);
    const h = get(get(info, 'State'), 'Health');
    const waitedMs = Date.now() - started;
    const log = healthRuns(get(h, 'Log'));
    const last = log.length ? log[log.length - 1].output.slice(0, 160) : undefined;
    const status = get(h, 'Status') as string | undefined;
    const evidence = log.length ? { log } : {};
    if (status === 'healthy' || status === 'unhealthy') {
      return { defined: true, status, waitedMs, ...(status === 'unhealthy' && last ? { lastOutput: last } : {}), ...evidence };
    }
    if (log.some((r) => missingProgram(r) !== null)) return { defined: true, status: 'starting', waitedMs, ...(last ? { lastOutput: last } : {}), ...evidence };
    if (waitedMs >= opts.timeoutMs) return { defined: true, status: 'timeout', waitedMs, ...(last ? { lastOutput: last } : {}), ...evidence };
    opts.onWait?.(`health (${status ?? 'starting'})`, waitedMs, opts.timeoutMs);
    await sleep(250);
  }
}

/** A check that passed while it calls curl without --fail: its curl once more, with the status
 *  written out, so the rule sees what the check ignores (exit 0 on an HTTP 500). */
async function rerunBlindCurl(docker: Docker, container: Docker.Container, test: readonly string[] | null, health: Health): Promise<Health> {
  if (!test || health.status !== 'healthy') return health;
  const part = blindCurls(testParts(test)).at(0);
  if (!part) return health;
  const url = curlUrl(part);
  const written = ['-s', '-o', '/dev/null', '-w', '%{http_code}'];
  // a CMD-SHELL check runs its curl through the shell (variables expand as in the check)
  const cmd = test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', `${part.text} ${written.map((w) => `'${w}'`).join(' ')}`] : [...part.words, ...written];
  const r = await tryExec(docker, container, cmd, 15_000, 4096);
  if (typeof r === 'string') return { ...health, curl: { url, status: null, error: r } };
  const code = /^\d{3}$/.exec(r.stdout.trim());
  if (code && code[0] !== '000') return { ...health, curl: { url, status: Number(code[0]) } };
  return { ...health, curl: { url, status: null, error: oneLine(r.stderr) || `curl exited ${r.exitCode ?? '?'} with no status` } };
}

function hostGet(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

function normalisePort(port: string): string {
  return port.includes('/') ? port : `${port}/tcp`;
}

async function checkHttp(docker: Docker, container: Docker.Container, info: unknown, path: string, port: string | null, opts: VerifyOptions): Promise<HttpCheck> {
  const deadline = Date.now() + Math.min(opts.timeoutMs, 15_000);
  // from the host, through a port published on loopback, when there is one
  const bindings = (port ? get(get(get(info, 'NetworkSettings'), 'Ports'), port) ?? [] : []) as { HostIp?: unknown; HostPort?: unknown }[];
  const loop = bindings.find((b) => b.HostIp === '127.0.0.1' || b.HostIp === '::1') ?? bindings.find((b) => b.HostIp === '0.0.0.0' || b.HostIp === '');
  if (loop?.HostPort) {
    const url = `http://127.0.0.1:${text(loop.HostPort)}${path}`;
    let lastError = '';
    for (;;) {
      try {
        const status = await hostGet(url, 3000);
        if (status === 200 || Date.now() > deadline) return { path, status, from: 'host', url };
      } catch (err) {
        lastError = oneLine((err as Error).message);
        if (Date.now() > deadline) return { path, status: null, error: lastError, from: 'host', url };
      }
      await sleep(250);
    }
  }
  // from inside the container (network none, or no published port), with node, then wget
  const containerPort = (port ?? '8000/tcp').split('/')[0];
  const url = `http://127.0.0.1:${containerPort}${path}`;
  let error = '';
  for (;;) {
    const node = await tryExec(docker, container, ['node', '-e',
      `require('http').get(${JSON.stringify(url)},r=>{console.log('status='+r.statusCode);r.resume()}).on('error',e=>{console.log('error='+e.message)})`], 5000);
    let m = typeof node === 'string' ? null : /status=(\d+)/.exec(node.stdout);
    if (!m) {
      const wget = await tryExec(docker, container, ['sh', '-c', `wget -S -q -O /dev/null ${url} 2>&1 | sed -n 's/^ *HTTP\\/[0-9.]* \\([0-9][0-9]*\\).*/status=\\1/p' | tail -1`], 5000);
      m = typeof wget === 'string' ? null : /status=(\d+)/.exec(wget.stdout);
      if (!m) error = typeof node === 'string' ? node : oneLine(node.stdout || node.stderr) || 'neither node nor wget could make the request';
    }
    if (m && (Number(m[1]) === 200 || Date.now() > deadline)) return { path, status: Number(m[1]), from: 'container', url };
    if (Date.now() > deadline) return { path, status: null, error, from: 'container', url };
    await sleep(300);
  }
}

type RuntimeFacts = Pick<ContainerModel, 'processes' | 'execs'>;

/** What the engine itself says runs in the container: its processes (docker top) and its exec
 *  sessions (ExecIDs, each inspected). Each is measured or the reason it could not be. */
async function runtimeFacts(docker: Docker, container: Docker.Container, info: unknown): Promise<RuntimeFacts> {
  let processes: RuntimeFacts['processes'];
  try {
    const top: unknown = await container.top();
    const titleList = get(top, 'Titles');
    const titles: string[] = Array.isArray(titleList) ? titleList.map(String) : [];
    const col = titles.findIndex((t) => t === 'CMD' || t === 'COMMAND');
    const processList = get(top, 'Processes');
    const rows: unknown[] = Array.isArray(processList) ? processList : [];
    processes = { ok: true, method: 'inspect', value: rows.map((r) => text(Array.isArray(r) ? r[col >= 0 ? col : r.length - 1] : '')) };
  } catch (err) {
    processes = { ok: false, reason: `the engine could not list the processes: ${oneLine((err as { message?: string }).message ?? String(err))}` };
  }
  let execs: RuntimeFacts['execs'];
  try {
    const idList = get(info, 'ExecIDs');
    const ids: string[] = Array.isArray(idList) ? idList.map(String) : [];
    const sessions = [];
    for (const id of ids) {
      let x: unknown;
      try { x = await docker.getExec(id).inspect(); } catch { continue; } // finished and cleaned up meanwhile
      const pc = get(x, 'ProcessConfig');
      const argList = get(pc, 'arguments');
      const args: unknown[] = Array.isArray(argList) ? argList : [];
      sessions.push({ id, privileged: get(pc, 'privileged') === true, user: text(get(pc, 'user')), command: [get(pc, 'entrypoint'), ...args].filter((w) => w !== undefined && w !== '').map(String).join(' '), running: get(x, 'Running') === true });
    }
    execs = { ok: true, method: 'inspect', value: sessions };
  } catch (err) {
    execs = { ok: false, reason: `the engine could not list the exec sessions: ${oneLine((err as { message?: string }).message ?? String(err))}` };
  }
  return { processes, execs };
}

function modelFrom(label: string, mode: 'image' | 'container', profile: Profile | null, imageInfo: unknown, info: unknown,
  probes: ProbeResults, health: Health, http: HttpCheck | null, runtime: RuntimeFacts): ContainerModel {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- why goes to the outcome, not the model
  const { why: _why, ...p } = probes;
  return {
    path: label,
    mode,
    profile,
    image: { ref: text(get(get(info, 'Config'), 'Image') ?? label), id: text(get(imageInfo, 'Id') ?? get(info, 'Image')), user: text(get(get(info, 'Config'), 'User')), healthcheck: healthcheckOf(get(info, 'Config')) },
    container: { id: text(get(info, 'Id')), name: text(get(info, 'Name')).replace(/^\//, '') },
    hostConfig: hostConfigFacts(info),
    ...p,
    ...runtime,
    health,
    http,
  };
}

export interface VerifyOutcome { model: ContainerModel; why: Record<string, string> }

/** Runs IMAGE under the profile, probes it and removes it. */
export async function verifyImage(ref: string, opts: VerifyOptions): Promise<VerifyOutcome> {
  const docker = await connect(opts.docker);
  let imageInfo: unknown;
  try {
    imageInfo = await docker.getImage(ref).inspect();
  } catch (err) {
    const e = err as { statusCode?: number; message?: string };
    if (e.statusCode === 404) throw new UserError(`image ${ref} is not in the local engine`, `build it (docker build -t ${ref} .) or pull it first: verify never pulls`);
    throw new UserError(`the engine cannot inspect image ${ref}: ${oneLine(e.message ?? String(err))}`);
  }
  const healthTest = healthcheckOf(get(imageInfo, 'Config'));
  const exposed = Object.keys(get(get(imageInfo, 'Config'), 'ExposedPorts') ?? {}).sort();
  let port: string | null = opts.port ? normalisePort(opts.port) : exposed.at(0) ?? null;
  if (opts.httpPath && !port) throw new UserError(`image ${ref} exposes no port, so --http does not know where to connect`, 'give the port with --port 8000');
  if (!opts.httpPath) port = null;

  const name = opts.name ?? `tightship-verify-${randomBytes(4).toString('hex')}`;
  const hostConfig: Record<string, unknown> = opts.profile === 'hardened' ? { ...HARDENED_HOST_CONFIG } : {};
  if (opts.seccompProfile !== undefined) hostConfig.SecurityOpt = [...((hostConfig.SecurityOpt as string[] | undefined) ?? []), `seccomp=${opts.seccompProfile}`];
  // no network unless an HTTP path is asked for; then publish on loopback only, on a free port
  hostConfig.NetworkMode = port ? 'bridge' : 'none';
  if (port) hostConfig.PortBindings = { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] };
  const create: Docker.ContainerCreateOptions = {
    Image: ref,
    name,
    Labels: { [VERIFY_LABEL]: 'true' },
    HostConfig: hostConfig,
    ...(port ? { ExposedPorts: { [port]: {} } } : {}),
    // the image's own check, polled every second so verify does not wait a whole image interval
    ...(healthTest ? { Healthcheck: { Test: healthTest, Interval: 1_000_000_000 } } : {}),
  };

  const signal = opts.signal;
  let container: Docker.Container | null = null;
  let creating: Promise<unknown> | null = null;
  let removed = false;
  // Removes the container by its name: also one whose creation was still under way when the
  // signal came (the engine may finish creating it after the request was abandoned).
  const cleanup = async () => {
    if (removed) return;
    removed = true;
    if (creating) await creating.catch(() => undefined);
    if (!creating) return;
    await docker.getContainer(name).remove({ force: true }).catch(() => undefined);
  };
  // Ctrl-C or a kill while the container exists: the caller's handler (the CLI's) runs cleanup
  const release = opts.onInterrupt?.(cleanup);
  const step = <T>(p: Promise<T>): Promise<T> => abortable(p, signal);
  try {
    if (signal?.aborted) throw interrupted();
    try {
      const made = docker.createContainer(create);
      creating = made;
      container = await step(made);
    } catch (err) {
      if (signal?.aborted) throw interrupted();
      const e = err as { statusCode?: number; message?: string };
      if (e.statusCode === 409) creating = null; // the name is someone else's: never remove it
      throw new UserError(`the engine refused to create a container from ${ref}: ${oneLine(e.message ?? String(err))}`,
        e.statusCode === 409 ? `a container named ${name} exists; remove it or pick another --name` : 'check the image and the engine');
    }
    const started = Date.now();
    try {
      await step(container.start());
    } catch (err) {
      if (signal?.aborted) throw interrupted();
      throw new ContainerStartError(`the container of ${ref} did not start: ${oneLine((err as { message?: string }).message ?? String(err))}`, 'run it by hand with docker run to see why');
    }
    // the process must stay up for a moment: a crash at start is an error, not a report
    let info = await step(inspectOrFail(container, ref));
    await step(sleep(300));
    info = await step(inspectOrFail(container, ref));
    const probes = await step(probe(docker, container));
    const waited = await step(waitForHealth(container, ref, healthTest !== null, { ...opts, ...(signal ? { onWait: (w, e, l) => { if (!signal.aborted) opts.onWait?.(w, e, l); } } : {}) }, started));
    const health = await step(rerunBlindCurl(docker, container, healthTest, waited));
    info = await step(inspectOrFail(container, ref));
    const http = opts.httpPath ? await step(checkHttp(docker, container, info, opts.httpPath, port, opts)) : null;
    const runtime = await step(runtimeFacts(docker, container, info));
    const model = modelFrom(ref, 'image', opts.profile, imageInfo, info, probes, health, http, runtime);
    model.stats = withLimits(await step(statsSnapshot(container)), model);
    return { model, why: probes.why };
  } finally {
    await cleanup();
    release?.();
  }
}

/** Probes a running container as it is; verify does not change or stop it. */
export async function verifyContainer(nameOrId: string, opts: VerifyOptions): Promise<VerifyOutcome> {
  const docker = await connect(opts.docker);
  const container = docker.getContainer(nameOrId);
  let info: unknown;
  try {
    info = await container.inspect();
  } catch (err) {
    const e = err as { statusCode?: number; message?: string };
    if (e.statusCode === 404) throw new UserError(`no container named or with id ${nameOrId}`, 'docker ps lists the running containers');
    throw new UserError(`the engine cannot inspect container ${nameOrId}: ${oneLine(e.message ?? String(err))}`);
  }
  const label = text(get(info, 'Name') ?? nameOrId).replace(/^\//, '');
  info = await inspectOrFail(container, label);
  let imageInfo: unknown = null;
  try { imageInfo = await docker.getImage(String(get(info, 'Image'))).inspect(); } catch { imageInfo = null; }
  const step = <T>(p: Promise<T>): Promise<T> => abortable(p, opts.signal);
  const probes = await step(probe(docker, container));
  const started = Date.now() - 0;
  const healthDefined = healthcheckOf(get(info, 'Config')) !== null;
  const health = await step(waitForHealth(container, label, healthDefined, opts, started).then((h) => rerunBlindCurl(docker, container, healthcheckOf(get(info, 'Config')), h)));
  info = await step(inspectOrFail(container, label));
  let port: string | null = opts.port ? normalisePort(opts.port) : null;
  if (!port) port = Object.keys(get(get(info, 'NetworkSettings'), 'Ports') ?? {}).sort().at(0) ?? Object.keys(get(get(info, 'Config'), 'ExposedPorts') ?? {}).sort().at(0) ?? null;
  const http = opts.httpPath ? await step(checkHttp(docker, container, info, opts.httpPath, port, opts)) : null;
  const runtime = await step(runtimeFacts(docker, container, info));
  const model = modelFrom(label, 'container', null, imageInfo, info, probes, health, http, runtime);
  model.stats = withLimits(await step(statsSnapshot(container)), model);
  return { model, why: probes.why };
}
