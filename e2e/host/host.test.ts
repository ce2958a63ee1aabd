// tightship host on this machine: the real engine, the real Docker socket, a group and a user
// made for the test (cleaned up after), a socket of our own owned by that group, and daemon.json
// files given with --daemon-config. Read-only towards the engine: nothing is reconfigured.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readReport, type JsonReport, type ReportResult } from '../../test/helpers/json-report.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, chownSync, chmodSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli } from '../../test/helpers/cli-io.js';

const SUFFIX = randomBytes(3).toString('hex');
const GROUP = `tsg${SUFFIX}`;
const USER = `tsu${SUFFIX}`;
let dir = '';
let server: Server | null = null;

const WEAK = '{\n  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"],\n  "icc": true,\n  "no-new-privilege": true,\n  "insecure-registries": ["registry.internal:5000"],\n  "features": {"buildkit": false}\n}\n';
const HARDENED = JSON.stringify({
  'userns-remap': 'default', icc: false, 'live-restore': true, 'no-new-privileges': true, 'userland-proxy': false,
  'log-driver': 'json-file', 'log-opts': { 'max-size': '10m', 'max-file': '3' },
  'default-ulimits': { nofile: { Name: 'nofile', Soft: 1024, Hard: 65536 } }, 'authorization-plugins': ['authz-broker'],
  features: { buildkit: true }, experimental: false,
}, null, 2);

const of = (report: JsonReport, kind: string): ReportResult => {
  const result = report.results.find((r) => r.target.kind === kind);
  assert.ok(result, `a ${kind} result`);
  return result;
};
/** The facts of the host result, as far as these tests read them. */
type HostFacts = { engine: { serverVersion: string; storageDriver: string; cgroupVersion: string; rootless: boolean }; sockets: { role: string; mode: string; group: string }[] };
const hostFacts = (r: ReportResult) => r.facts as HostFacts;
/** A finding that must be there. */
const findingOf = (r: ReportResult, ruleId: string, path?: string) => {
  const f = r.findings.find((x) => x.ruleId === ruleId && (path === undefined || x.location.path === path));
  assert.ok(f, `a ${ruleId} finding`);
  return f;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-host-'));
  writeFileSync(join(dir, 'weak.json'), WEAK);
  writeFileSync(join(dir, 'hardened.json'), HARDENED);
  execFileSync('groupadd', [GROUP]);
  execFileSync('useradd', ['-M', '-N', '-s', '/usr/sbin/nologin', '-G', GROUP, USER]);
});

after(async () => {
  const open = server;
  if (open) await new Promise((r) => open.close(r));
  try { execFileSync('userdel', [USER]); } catch { /* gone */ }
  try { execFileSync('groupdel', [GROUP]); } catch { /* gone */ }
  rmSync(dir, { recursive: true, force: true });
});

describe('tightship host', () => {
  it('a weak --daemon-config: located findings, the engine read, exit 1', async () => {
    const r = await runCli(['host', '--daemon-config', 'weak.json', '--format', 'json'], dir, { DOCKER_CONTENT_TRUST: '1' });
    assert.equal(r.code, 1, r.stderr);
    const report = readReport(r.stdout);
    const daemon = of(report, 'daemon');
    assert.equal(daemon.target.path, 'weak.json');
    const ids = new Set(daemon.findings.map((f) => f.ruleId));
    for (const id of ['daemon/tcp-without-tls', 'daemon/unknown-key', 'daemon/icc-enabled', 'daemon/insecure-registries', 'daemon/buildkit-disabled', 'daemon/userns-remap-missing']) assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
    const tcp = findingOf(daemon, 'daemon/tcp-without-tls');
    assert.equal(tcp.location.startLine, 2);
    assert.equal(daemon.level, 'root');
    const host = of(report, 'host');
    // the live engine answered: its facts are what /info says
    const info = JSON.parse(execFileSync('curl', ['-s', '--unix-socket', '/var/run/docker.sock', 'http://engine/info'], { encoding: 'utf8' })) as Record<string, unknown>;
    const engine = hostFacts(host).engine;
    assert.equal(engine.serverVersion, info.ServerVersion);
    assert.equal(engine.storageDriver, info.Driver);
    assert.equal(engine.cgroupVersion, info.CgroupVersion);
    assert.equal(engine.rootless, (info.SecurityOptions as string[]).some((o) => o.includes('name=rootless')));
    assert.ok(!host.findings.some((f) => f.ruleId === 'host/check-not-run' && f.location.path === 'engine'), 'the engine was checked');
    assert.ok(!host.findings.some((f) => f.ruleId === 'host/content-trust-disabled'));
  });

  it('a hardened --daemon-config: no daemon findings', async () => {
    const r = await runCli(['host', '--daemon-config', 'hardened.json', '--format', 'json'], dir, {});
    const daemon = of(readReport(r.stdout), 'daemon');
    assert.deepEqual(daemon.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.equal(daemon.level, 'hardened');
  });

  it('the Docker socket: its real owner, group and mode; the members of its group are named', async () => {
    const r = await runCli(['host', '--daemon-config', 'hardened.json', '--format', 'json'], dir, {});
    const host = of(readReport(r.stdout), 'host');
    const st = statSync('/var/run/docker.sock');
    const sock = hostFacts(host).sockets.find((s) => s.role === 'docker');
    assert.ok(sock, 'the docker socket');
    assert.equal(sock.mode, (st.mode & 0o777).toString(8).padStart(3, '0'));
    const groupLine = readFileSync('/etc/group', 'utf8').split('\n').find((l) => Number(l.split(':')[2]) === st.gid);
    assert.ok(groupLine, 'the socket group in /etc/group');
    assert.equal(sock.group, groupLine.split(':')[0]);
    assert.equal(host.findings.some((f) => f.ruleId === 'host/socket-permissions'), (st.mode & 0o006) !== 0 || st.uid !== 0);
  });

  it('a socket owned by a group made for the test: its member is root-equivalent, the group is not docker', async () => {
    const sock = join(dir, 'engine.sock');
    // a socket that accepts and hangs up: the engine check over it fails, and says so
    const listening = createServer((c) => c.destroy());
    server = listening;
    await new Promise<void>((r) => listening.listen(sock, r));
    const gid = Number(execFileSync('getent', ['group', GROUP], { encoding: 'utf8' }).split(':')[2]);
    chownSync(sock, 0, gid);
    chmodSync(sock, 0o660);
    const r = await runCli(['host', '--socket', sock, '--daemon-config', 'hardened.json', '--format', 'json'], dir, { DOCKER_HOST: 'tcp://127.0.0.1:2375' });
    const host = of(readReport(r.stdout), 'host');
    const members = findingOf(host, 'host/docker-group-members');
    assert.match(members.message, new RegExp(`in group ${GROUP}, which owns the Docker socket, are root-equivalent on this host: ${USER}$`));
    assert.equal(members.location.path, '/etc/group');
    const line = readFileSync('/etc/group', 'utf8').split('\n').findIndex((l) => l.startsWith(`${GROUP}:`)) + 1;
    assert.equal(members.location.startLine, line);
    assert.match(findingOf(host, 'host/socket-permissions').message, new RegExp(`group ${GROUP} may use it`));
    // DOCKER_HOST points at plain TCP where nothing listens: flagged, and the engine is "could not check"
    assert.ok(host.findings.some((f) => f.ruleId === 'host/docker-host-plain-tcp'));
    assert.match(findingOf(host, 'host/check-not-run', 'engine').message, /^could not check the engine/);
    assert.ok(!host.findings.some((f) => f.ruleId === 'host/engine-rootful'), 'an engine not checked is not judged');
  });

  it('usage errors: one line, exit 2', async () => {
    const r = await runCli(['host', '--daemon-config', 'nope.json'], dir, {});
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^tightship: --daemon-config nope\.json: no such file\nhint: /);
    const extra = await runCli(['host', 'somewhere'], dir, {});
    assert.equal(extra.code, 2);
    assert.match(extra.stderr, /unexpected argument 'somewhere'/);
  });
});
