// lint finds daemon.json files (by name and content) and the seccomp profiles compose files and
// daemon.json name; each is audited by its own target, located on its key.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { readReport } from '../helpers/json-report.js';
import { BLOCKED_BY_DEFAULT, NEEDED_TO_START } from '../../src/targets/profile/syscalls.js';

let dir = '';
const write = (rel: string, text: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
type Result = { target: { kind: string; path: string }; findings: { ruleId: string; message: string; location: { path: string; startLine: number } }[]; level: string | null; error?: string };
const lint = async (...paths: string[]) => {
  const r = await runCli(['lint', ...paths, '--format', 'json', '--fail-on', 'none'], dir);
  assert.equal(r.code, 0, r.stderr);
  const results: Result[] = readReport(r.stdout).results;
  return results;
};
const ids = (r: Result | undefined) => (r?.findings ?? []).map((f) => f.ruleId).sort();

const SIX = JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO', architectures: ['SCMP_ARCH_X86_64'], syscalls: [{ names: ['read', 'write', 'exit', 'sigreturn', 'accept', 'socket'], action: 'SCMP_ACT_ALLOW' }] }, null, 2);
const ALLOW = JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW', architectures: ['SCMP_ARCH_X86_64'], syscalls: [{ names: ['mount', 'ptrace'], action: 'SCMP_ACT_ALLOW' }, { names: ['reboot'], action: 'SCMP_ACT_ERRNO' }] }, null, 2);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-lint-daemon-'));
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

describe('lint: daemon.json', () => {
  it('a daemon.json named on the command line is a daemon target, not a Dockerfile', async () => {
    write('one/daemon.json', '{\n  "icc": true,\n  "hosts": ["tcp://0.0.0.0:2375"]\n}\n');
    const [r, ...rest] = await lint('one/daemon.json');
    assert.equal(rest.length, 0);
    assert.equal(r.target.kind, 'daemon');
    assert.equal(r.level, 'root');
    const tcp = r.findings.find((f) => f.ruleId === 'daemon/tcp-without-tls');
    assert.ok(tcp);
    assert.deepEqual([tcp.location.path, tcp.location.startLine], ['one/daemon.json', 3]);
    assert.ok(!r.findings.some((f) => f.ruleId.startsWith('dockerfile/')));
  });

  it('a folder search finds etc/docker/daemon.json by content and leaves other daemon.json files alone', async () => {
    write('repo/provision/etc/docker/daemon.json', '{\n  "log-driver": "json-file",\n  "userns_remap": "default"\n}\n');
    write('repo/app/daemon.json', '{"name": "my-app", "port": 8080}\n');
    write('repo/Dockerfile', 'FROM local/node:20-busybox\nUSER 10001\n');
    const results = await lint('repo');
    const daemons = results.filter((r) => r.target.kind === 'daemon');
    assert.deepEqual(daemons.map((r) => r.target.path), ['repo/provision/etc/docker/daemon.json']);
    const typo = daemons[0].findings.find((f) => f.ruleId === 'daemon/unknown-key');
    assert.ok(typo);
    assert.match(typo.message, /did you mean "userns-remap"/);
    assert.equal(typo.location.startLine, 3);
  });

  it('a folder with only a daemon.json is not "nothing found"', async () => {
    write('only/daemon.json', '{"live-restore": true}\n');
    const results = await lint('only');
    assert.deepEqual(results.map((r) => [r.target.kind, r.error]), [['daemon', undefined]]);
  });

  it('a broken daemon.json is ungraded, with the JSON error located', async () => {
    write('broken/daemon.json', '{\n  "icc": false,\n}\n');
    const [r] = await lint('broken/daemon.json');
    assert.equal(r.level, null);
    assert.deepEqual(ids(r), ['daemon/invalid-json']);
    assert.equal(r.findings[0].location.startLine, 3);
  });

  it('the seccomp profile a daemon.json names (relative) is audited beside it', async () => {
    write('withprofile/daemon.json', '{"seccomp-profile": "six.json"}\n');
    write('withprofile/six.json', SIX);
    const results = await lint('withprofile/daemon.json');
    const profile = results.find((r) => r.target.kind === 'profile');
    assert.ok(profile);
    assert.equal(profile.target.path, 'withprofile/six.json');
    assert.deepEqual(ids(profile), ['profile/startup-syscalls-denied']);
  });
});

describe('lint: seccomp profiles named by compose security_opt', () => {
  before(() => {
    write('svc/compose.yaml', [
      'services:',
      '  six:',
      '    image: local/node:20-busybox',
      '    security_opt: ["seccomp=./profiles/six.json"]',
      '  open:',
      '    image: local/node:20-busybox',
      '    security_opt:',
      '      - seccomp:profiles/allow.json',
      '  lost:',
      '    image: local/node:20-busybox',
      '    security_opt:',
      '      - no-new-privileges:true',
      '      - seccomp=./profiles/missing.json',
      '  plain:',
      '    image: local/node:20-busybox',
      '    security_opt: ["seccomp=unconfined"]',
      '',
    ].join('\n'));
    write('svc/profiles/six.json', SIX);
    write('svc/profiles/allow.json', ALLOW);
  });

  it('the six-syscall profile fails for what a process needs to start', async () => {
    const results = await lint('svc');
    const six = results.find((r) => r.target.kind === 'profile' && r.target.path === 'svc/profiles/six.json');
    assert.deepEqual(ids(six), ['profile/startup-syscalls-denied']);
    assert.ok(six);
    assert.match(six.findings[0].message, /denies execve/);
  });

  it('an allow-by-default profile is flagged, and so are the blocked calls it allows', async () => {
    const results = await lint('svc');
    const open = results.find((r) => r.target.path === 'svc/profiles/allow.json');
    assert.deepEqual(ids(open), ['profile/blocked-syscall-allowed', 'profile/default-allow']);
  });

  it('a missing profile file is located on the compose key that names it; unconfined names no file', async () => {
    const results = await lint('svc');
    const lost = results.find((r) => r.target.path === 'svc/profiles/missing.json');
    assert.ok(lost);
    assert.equal(lost.level, null);
    const f = lost.findings.find((x) => x.ruleId === 'profile/file-missing');
    assert.ok(f);
    assert.deepEqual([f.location.path, f.location.startLine], ['svc/compose.yaml', 13]);
    assert.match(f.message, /service lost security_opt names seccomp=\.\/profiles\/missing\.json, but .* no such file/);
    assert.equal(results.filter((r) => r.target.kind === 'profile').length, 3);
  });
});

describe('profiles that must pass', () => {
  // A representative deny-by-default profile in the shape of Docker's default: every system call
  // of this machine's kernel headers except those the default blocks, with its archMap.
  const UNISTD = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
  it('a deny-by-default profile shaped like Docker\'s default passes every profile rule', { skip: !existsSync(UNISTD) && 'no kernel headers' }, async () => {
    const names = [...readFileSync(UNISTD, 'utf8').matchAll(/#define __NR_(\w+)\s+\d+/g)].map((m) => m[1]);
    assert.ok(NEEDED_TO_START.every((n) => names.includes(n)));
    write('default/seccomp.json', JSON.stringify({
      defaultAction: 'SCMP_ACT_ERRNO', defaultErrnoRet: 1,
      archMap: [{ architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'] }],
      syscalls: [
        { names: names.filter((n) => !BLOCKED_BY_DEFAULT.has(n)), action: 'SCMP_ACT_ALLOW' },
        { names: ['mount', 'umount2', 'unshare', 'setns'], action: 'SCMP_ACT_ALLOW', includes: { caps: ['CAP_SYS_ADMIN'] } },
        { names: ['ptrace'], action: 'SCMP_ACT_ALLOW', includes: { minKernel: '4.8' }, excludes: {} },
      ],
    }, null, 2));
    const [r] = await lint('default/seccomp.json');
    assert.equal(r.target.kind, 'profile');
    assert.deepEqual(ids(r), []);
    assert.equal(r.level, 'hardened');
  });

  // Docker's own default profile, where this machine has a copy of it (packaged engines and
  // source checkouts put it in different places); the test says so when there is none.
  const COPIES = ['/usr/share/docker.io/contrib/seccomp/default.json', '/usr/share/docker/seccomp/default.json', '/etc/docker/seccomp/default.json', '/usr/share/containers/seccomp.json'];
  const copy = COPIES.find((p) => existsSync(p));
  it('Docker\'s default profile passes', { skip: !copy && `no copy of Docker's default profile on this machine (looked in ${COPIES.join(', ')})` }, async () => {
    assert.ok(copy);
    write('real/default.json', readFileSync(copy, 'utf8'));
    const [r] = await lint('real/default.json');
    assert.deepEqual(ids(r), []);
  });
});
