// verify --seccomp on the real engine: a small long-running image built from the local base
// image runs under a deny-by-default profile that allows what a process needs (it starts and
// becomes healthy) and under the course's six-syscall profile (it does not start).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readReport } from '../../test/helpers/json-report.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli } from '../../test/helpers/cli-io.js';
import { idleServiceDockerfile } from '../docker.js';
import { BLOCKED_BY_DEFAULT } from '../../src/targets/profile/syscalls.js';

const TAG = `tightship-e2e-seccomp:${randomBytes(4).toString('hex')}`;
const UNISTD = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
let dir = '';

function docker(args: string[], cwd?: string): string {
  return execFileSync('docker', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A representative deny-by-default profile: every x86-64 system call of this machine's kernel
 *  headers except those Docker's default profile blocks. */
function denyByDefaultProfile(): string {
  const names = [...readFileSync(UNISTD, 'utf8').matchAll(/#define __NR_(\w+)\s+\d+/g)].map((m) => m[1]).filter((n) => !BLOCKED_BY_DEFAULT.has(n));
  return JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO', architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'], syscalls: [{ names, action: 'SCMP_ACT_ALLOW' }] }, null, 2);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-seccomp-'));
  writeFileSync(join(dir, 'Dockerfile'), idleServiceDockerfile());
  docker(['build', '-q', '--network=none', '-t', TAG, '.'], dir);
  writeFileSync(join(dir, 'six.json'), JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO', architectures: ['SCMP_ARCH_X86_64'], syscalls: [{ names: ['read', 'write', 'exit', 'sigreturn', 'accept', 'socket'], action: 'SCMP_ACT_ALLOW' }] }, null, 2));
  if (existsSync(UNISTD)) writeFileSync(join(dir, 'works.json'), denyByDefaultProfile());
});

after(() => {
  try { docker(['rmi', '-f', TAG]); } catch { /* already gone */ }
  rmSync(dir, { recursive: true, force: true });
});

type ProfileFacts = { run: { image: string; started: boolean; healthy?: boolean } };
type ContainerFacts = { seccomp: { value: number }; stats: { memoryLimitBytes: number; pidsLimit: number; pids: number; memoryBytes: number; cpuPercent: number } };

const leftovers = () => docker(['ps', '-a', '--filter', `ancestor=${TAG}`, '--format', '{{.ID}}']).trim();

describe('verify --seccomp', () => {
  it('a working deny-by-default profile: the image starts and becomes healthy', { skip: !existsSync(UNISTD) && 'no kernel headers to list the system calls' }, async () => {
    const r = await runCli(['verify', TAG, '--seccomp', join(dir, 'works.json'), '--format', 'json', '--timeout', '60s'], dir);
    const report = readReport(r.stdout);
    const profile = report.results.find((x) => x.target.kind === 'profile');
    const container = report.results.find((x) => x.target.kind === 'container');
    assert.ok(profile, 'the profile was audited');
    assert.ok(container, 'the container was audited');
    const containerFacts = container.facts as ContainerFacts;
    assert.deepEqual((profile.facts as ProfileFacts).run, { image: TAG, started: true, healthy: true });
    assert.deepEqual(profile.findings.map((f) => f.ruleId), []);
    assert.equal(profile.level, 'hardened');
    // the profile was in force: the container's seccomp mode is 2 (filter)
    assert.equal(containerFacts.seccomp.value, 2);
    // the docker stats snapshot, against the hardened run's limits
    const stats = containerFacts.stats;
    assert.equal(stats.memoryLimitBytes, 256 * 1024 * 1024);
    assert.equal(stats.pidsLimit, 128);
    assert.ok(stats.pids >= 1 && stats.pids <= 128, `pids ${stats.pids}`);
    assert.ok(stats.memoryBytes > 0 && stats.memoryBytes < stats.memoryLimitBytes, `memory ${stats.memoryBytes}`);
    assert.ok(stats.cpuPercent >= 0);
    assert.equal(leftovers(), '');
  });

  it('the six-syscall profile: the image does not start; the profile is flagged', async () => {
    const r = await runCli(['verify', TAG, '--seccomp', join(dir, 'six.json'), '--format', 'json', '--timeout', '20s'], dir);
    assert.equal(r.code, 1, r.stderr);
    const report = readReport(r.stdout);
    assert.equal(report.results.length, 1);
    const profile = report.results[0];
    assert.equal((profile.facts as ProfileFacts).run.started, false);
    const ids = profile.findings.map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['profile/run-failed', 'profile/startup-syscalls-denied']);
    assert.match(profile.findings.find((f) => f.ruleId === 'profile/run-failed')?.message ?? '', /does not start under this profile/);
    assert.equal(leftovers(), '');
  });

  it('a missing profile or one that is not a profile: one line, exit 2, nothing run', async () => {
    const missing = await runCli(['verify', TAG, '--seccomp', join(dir, 'nope.json')], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^tightship: --seccomp .*nope\.json: no such file\nhint: /);
    writeFileSync(join(dir, 'bad.json'), '{"syscalls": []}');
    const bad = await runCli(['verify', TAG, '--seccomp', join(dir, 'bad.json')], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not a seccomp profile in Docker's format: no "defaultAction"/);
    assert.equal(leftovers(), '');
  });
});
