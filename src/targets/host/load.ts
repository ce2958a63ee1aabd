// Reads the Docker host, read-only: daemon.json, dockerd's command line from /proc, the engine's
// /info and /version, the sockets' owner and mode, /etc/group and /etc/passwd, the TLS files
// under /etc/docker, the environment. A check that cannot run records why; nothing is written.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../../io.js';
import type { Checked, EngineFacts, FileFacts, GroupFacts, HostModel, SocketFacts, TlsFileFacts } from './model.js';
import type { DaemonModel } from '../daemon/model.js';
import { commandLineSettings, parseDaemonConfig } from '../daemon/load.js';
import { setting } from '../daemon/model.js';

export interface HostLoadOptions {
  /** daemon.json to audit (default: dockerd's --config-file, else /etc/docker/daemon.json). */
  daemonConfig?: string;
  /** The Docker socket (default: DOCKER_HOST's unix:// path, else /var/run/docker.sock). */
  socket?: string;
  containerdSocket?: string;
  /** Where the system files are (tests point them elsewhere); default '/'. */
  etcGroup?: string;
  etcPasswd?: string;
  etcDocker?: string;
  proc?: string;
  today: string;
  /** Engine API timeout. */
  timeoutMs?: number;
}

export interface HostLoad {
  host: HostModel;
  daemon: DaemonModel;
}

function why(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null | undefined;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'no such file';
  return e?.code ?? (e?.message ?? String(err)).split('\n')[0];
}

/** An object of the engine's answer ({} when it is none). */
function answer(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** A field of the engine's answer as text ('' when absent). */
function field(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

interface Names { users: Map<number, string>; groups: Map<number, string> }

function parseColonFile(text: string): string[][] {
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
}

async function statFacts(p: string, names: Names): Promise<FileFacts> {
  const st = await fs.stat(p);
  return { path: p, uid: st.uid, gid: st.gid, owner: names.users.get(st.uid) ?? String(st.uid), group: names.groups.get(st.gid) ?? String(st.gid), mode: st.mode & 0o7777 };
}

async function dockerdCommandLine(proc: string): Promise<Checked<{ pid: number; argv: string[] }>> {
  let entries: string[];
  try {
    entries = await fs.readdir(proc);
  } catch (err) {
    return { ok: false, reason: `${proc} is not readable (${why(err)})` };
  }
  let denied = false;
  for (const e of entries.filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b))) {
    let comm: string;
    try {
      comm = (await fs.readFile(path.join(proc, e, 'comm'), 'utf8')).trim();
    } catch {
      continue;
    }
    if (comm !== 'dockerd') continue;
    try {
      const raw = await fs.readFile(path.join(proc, e, 'cmdline'), 'utf8');
      const argv = raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
      if (argv.length === 0) {
        denied = true;
        continue;
      }
      return { ok: true, value: { pid: Number(e), argv } };
    } catch {
      denied = true;
    }
  }
  return { ok: false, reason: denied ? 'dockerd\'s command line is not readable' : `no dockerd process in ${proc} (rootless, remote, or another PID namespace)` };
}

async function engineFacts(io: IO, socket: string, timeoutMs: number): Promise<Checked<EngineFacts>> {
  const { default: Docker } = await import('dockerode');
  const dh = io.env.DOCKER_HOST?.trim();
  let docker;
  const tcp = dh ? /^(?:tcp|http):\/\/([^:/]+)(?::(\d+))?/.exec(dh) : null;
  const tls = io.env.DOCKER_TLS_VERIFY?.trim();
  if (tcp && (!tls || tls === '0')) docker = new Docker({ host: tcp[1], port: Number(tcp.at(2) ?? 2375), protocol: 'http', timeout: timeoutMs });
  else if (dh && !dh.startsWith('unix://')) docker = new Docker({ timeout: timeoutMs }); // TLS or ssh: dockerode reads DOCKER_HOST, DOCKER_CERT_PATH
  else docker = new Docker({ socketPath: socket, timeout: timeoutMs });
  let info: Record<string, unknown>;
  let version: Record<string, unknown>;
  try {
    const answers: unknown[] = await Promise.all([docker.info(), docker.version()]);
    info = answer(answers[0]);
    version = answer(answers[1]);
  } catch (err) {
    const e = err as { code?: string; statusCode?: number; message?: string };
    return { ok: false, reason: `the engine at ${dh || socket} did not answer /info and /version (${e.code ?? e.statusCode ?? String(e.message).split('\n')[0]})` };
  }
  const opts = Array.isArray(info.SecurityOptions) ? info.SecurityOptions.filter((o): o is string => typeof o === 'string') : [];
  const parsed: Partial<Record<string, string>>[] = opts.map((o) => Object.fromEntries(o.split(',').map((kv) => kv.split('=') as [string, string])));
  const names = parsed.map((o) => o.name ?? '').filter(Boolean);
  const seccomp = parsed.find((o) => o.name === 'seccomp');
  const bt = typeof version.BuildTime === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(version.BuildTime)?.[1] ?? null : null;
  return {
    ok: true,
    value: {
      serverVersion: field(info.ServerVersion ?? version.Version),
      apiVersion: field(version.ApiVersion),
      buildDate: bt,
      operatingSystem: field(info.OperatingSystem),
      kernelVersion: field(info.KernelVersion),
      rootless: names.includes('rootless'),
      securityOptions: names,
      seccompProfile: seccomp?.profile ?? null,
      cgroupVersion: field(info.CgroupVersion),
      cgroupDriver: field(info.CgroupDriver),
      storageDriver: field(info.Driver),
      defaultRuntime: field(info.DefaultRuntime),
      runtimes: Object.keys(answer(info.Runtimes)).sort(),
    },
  };
}

async function tlsFiles(dir: string, extra: string[], names: Names): Promise<Checked<TlsFileFacts[]>> {
  const found: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch (err) {
      if (d === dir && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && depth < 3) await walk(p, depth + 1);
      else if (e.isFile() && /\.(pem|crt|cert|key)$/i.test(e.name)) found.push(p);
    }
  };
  try {
    await walk(dir, 0);
  } catch (err) {
    return { ok: false, reason: `${dir} is not readable (${why(err)})` };
  }
  const out: TlsFileFacts[] = [];
  for (const p of [...new Set([...found, ...extra])]) {
    try {
      const f = await statFacts(p, names);
      out.push({ ...f, kind: /key/i.test(path.basename(p)) ? 'key' : 'certificate' });
    } catch {
      // a file named by daemon.json that does not exist: dockerd would not start with TLS; the
      // daemon rules report the setting
    }
  }
  return { ok: true, value: out };
}

export async function loadHost(io: IO, opts: HostLoadOptions): Promise<HostLoad> {
  const etcGroup = opts.etcGroup ?? '/etc/group';
  const etcPasswd = opts.etcPasswd ?? '/etc/passwd';
  const proc = opts.proc ?? '/proc';
  const dh = io.env.DOCKER_HOST?.trim() || null;
  const socket = opts.socket ?? (dh?.startsWith('unix://') ? dh.slice(7) : '/var/run/docker.sock');
  const containerdSocket = opts.containerdSocket ?? '/run/containerd/containerd.sock';

  // names
  const names: Names = { users: new Map(), groups: new Map() };
  let groupText: string | null = null;
  let groupError = '';
  let passwdRows: string[][] = [];
  try {
    groupText = await fs.readFile(etcGroup, 'utf8');
    for (const r of parseColonFile(groupText)) names.groups.set(Number(r[2]), r[0]);
  } catch (err) {
    groupError = `${etcGroup} is not readable (${why(err)})`;
  }
  try {
    passwdRows = parseColonFile(await fs.readFile(etcPasswd, 'utf8'));
    for (const r of passwdRows) names.users.set(Number(r[2]), r[0]);
  } catch {
    // names fall back to numbers
  }

  // sockets
  const sockets: SocketFacts[] = [];
  for (const [p, role] of [[socket, 'docker'], [containerdSocket, 'containerd']] as const) {
    try {
      sockets.push({ path: p, role, stat: { ok: true, value: await statFacts(p, names) } });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      sockets.push({ path: p, role, stat: code === 'ENOENT' ? { ok: false, absent: true, reason: 'no such socket' } : { ok: false, reason: why(err) } });
    }
  }

  // the group that owns the Docker socket: its members reach the engine
  let socketGroup: Checked<GroupFacts>;
  const dockerSock = sockets[0].stat;
  if (groupText === null) socketGroup = { ok: false, reason: groupError };
  else {
    const rows = groupText.split('\n');
    const gid = dockerSock.ok ? dockerSock.value.gid : null;
    const idx = rows.findIndex((l) => {
      const r = l.split(':');
      return gid !== null ? Number(r[2]) === gid : r[0] === 'docker';
    });
    if (idx < 0) socketGroup = { ok: false, reason: gid !== null ? `group ${gid} of ${socket} is not in ${etcGroup}` : `no docker group in ${etcGroup}` };
    else {
      const r = rows[idx].split(':');
      const g = Number(r[2]);
      const members = new Set((r[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean));
      for (const u of passwdRows) if (Number(u[3]) === g && u[0]) members.add(u[0]);
      socketGroup = { ok: true, value: { name: r[0], gid: g, members: [...members].sort(), line: idx + 1, file: etcGroup } };
    }
  }

  // the daemon configuration: file (explicit, dockerd's --config-file, or the default) + flags
  const commandLine = await dockerdCommandLine(proc);
  let configPath = opts.daemonConfig;
  if (!configPath && commandLine.ok) {
    const flags = commandLineSettings(commandLine.value.argv, '');
    const cf = flags.find((f) => f.key === 'config-file');
    if (cf && typeof cf.value === 'string') configPath = cf.value;
  }
  configPath = path.resolve(io.cwd, configPath ?? '/etc/docker/daemon.json');
  const shown = opts.daemonConfig && !path.isAbsolute(opts.daemonConfig) ? path.relative(io.cwd, configPath).split(path.sep).join('/') || configPath : configPath;
  let daemon: DaemonModel;
  let daemonConfig: HostModel['daemonConfig'];
  try {
    const text = await fs.readFile(configPath, 'utf8');
    daemon = parseDaemonConfig(text, shown);
    daemonConfig = { path: shown, state: 'read', stat: await statFacts(configPath, names) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    daemon = { path: shown, text: '', root: null, problems: [], settings: [], absent: true };
    daemonConfig = code === 'ENOENT' ? { path: shown, state: 'absent' } : { path: shown, state: 'unreadable', reason: why(err) };
    if (code !== 'ENOENT') daemon.problems.push({ message: `cannot read: ${why(err)}`, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } });
  }
  if (commandLine.ok) {
    daemon.settings.push(...commandLineSettings(commandLine.value.argv, `${proc}/${commandLine.value.pid}/cmdline`).filter((s) => s.key !== 'config-file'));
  }

  const extraTls = ['tlscacert', 'tlscert', 'tlskey'].flatMap((k) => {
    const s = setting(daemon, k);
    return s && typeof s.value === 'string' && s.value ? [path.resolve(io.cwd, s.value)] : [];
  });
  const host: HostModel = {
    path: 'host',
    today: opts.today,
    engine: await engineFacts(io, socket, opts.timeoutMs ?? 10_000),
    sockets,
    socketGroup,
    tlsFiles: await tlsFiles(opts.etcDocker ?? '/etc/docker', extraTls, names),
    daemonConfig,
    commandLine,
    env: {
      contentTrust: io.env.DOCKER_CONTENT_TRUST ?? null,
      dockerHost: dh,
      tlsVerify: io.env.DOCKER_TLS_VERIFY ?? null,
    },
  };
  return { host, daemon };
}
