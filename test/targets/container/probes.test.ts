// The probe scripts run for real (in this machine's sh and node, the same code that runs inside
// containers), and their parsers on real /proc and inspect shapes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  decodeCapabilities, identityFrom, nodeProbe, parseProbeOutput, parseProcStatus, shellProbe, splitSections,
} from '../../../src/targets/container/probes.js';
import { hostConfigFacts, healthcheckOf } from '../../../src/targets/container/inspect.js';

const DOCKER_DEFAULT_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP',
  'NET_BIND_SERVICE', 'NET_RAW', 'SYS_CHROOT', 'MKNOD', 'AUDIT_WRITE', 'SETFCAP'];

describe('decodeCapabilities', () => {
  it("decodes Docker's default set (a80425fb) to its 14 names", () => {
    assert.deepEqual(decodeCapabilities('00000000a80425fb'), DOCKER_DEFAULT_CAPS);
  });
  it('decodes zero to nothing and high bits to names', () => {
    assert.deepEqual(decodeCapabilities('0000000000000000'), []);
    assert.deepEqual(decodeCapabilities('000001ffffffffff').length, 41);
    assert.deepEqual(decodeCapabilities('0000010000000000'), ['CHECKPOINT_RESTORE']);
    assert.deepEqual(decodeCapabilities('8000000000000000'), ['CAP_63']);
  });
  it('rejects what is not a mask', () => {
    assert.throws(() => decodeCapabilities('zz'), /not a capability mask/);
  });
});

describe('parseProcStatus', () => {
  it("reads this process's own /proc status", () => {
    const s = parseProcStatus(readFileSync('/proc/self/status', 'utf8'));
    assert.ok(process.getuid && process.getgid, 'a POSIX process');
    assert.equal(s.uid, process.getuid());
    assert.equal(s.gid, process.getgid());
    assert.match(s.capEff, /^[0-9a-f]{16}$/);
    assert.ok(s.noNewPrivs === 0 || s.noNewPrivs === 1);
  });
  it('says which line is missing', () => {
    assert.throws(() => parseProcStatus('Name:\tx\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n'), /no CapEff line/);
  });
});

describe('identityFrom', () => {
  const passwd = 'root:x:0:0:root:/root:/bin/bash\napp:x:10001:10001::/nonexistent:/usr/sbin/nologin\nbroken line\n';
  it('finds name, home and shell by uid', () => {
    assert.deepEqual(identityFrom(10001, 10001, passwd), { uid: 10001, gid: 10001, user: 'app', home: '/nonexistent', shell: '/usr/sbin/nologin' });
  });
  it('gives nulls for a uid without an entry (never a guess)', () => {
    assert.deepEqual(identityFrom(4242, 4242, passwd), { uid: 4242, gid: 4242, user: null, home: null, shell: null });
  });
});

describe('the probes, run for real on this machine', () => {
  const token = `test${process.pid}`;
  const check = (out: string, method: 'sh' | 'node') => {
    const r = parseProbeOutput(out, method);
    assert.ok(r.identity.ok, JSON.stringify(r.identity));
    assert.ok(process.getuid, 'a POSIX process');
    assert.equal(r.identity.value.uid, process.getuid());
    // /proc/1 here is this machine's init: its caps decode, whatever they are
    assert.ok(r.capabilities.ok);
    assert.ok(r.passwdWritable.ok && r.rootfsWritable.ok && r.tmpWritable.ok);
    assert.equal(r.tmpWritable.value, true);
    assert.equal(r.passwdWritable.value, process.getuid() === 0);
    // the probe file is gone: probes never leave anything behind
    assert.equal(readdirSync('/tmp').some((f) => f.includes(token)), false);
    assert.equal(existsSync(`/.tightship-probe-${token}`), false);
  };
  it('sh probe', () => {
    check(execFileSync('sh', ['-c', shellProbe()], { encoding: 'utf8' }), 'sh');
  });
  it('node probe (distroless fallback)', () => {
    check(execFileSync(process.execPath, ['-e', nodeProbe()], { encoding: 'utf8' }), 'node');
  });
  it('an incomplete output is a failed probe with the reason, not a pass', () => {
    const r = parseProbeOutput('OCI runtime exec failed: exec: "sh": executable file not found in $PATH', 'sh');
    assert.equal(r.identity.ok, false);
    assert.equal(r.passwdWritable.ok, false);
    assert.match((r.identity as { reason: string }).reason, /executable file not found/);
  });
  it('records why a write was refused', () => {
    const out = '@@status\nUid:\t10001\t10001\t10001\t10001\nGid:\t10001\t10001\t10001\t10001\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t0000000000000000\nNoNewPrivs:\t1\nSeccomp:\t2\n@@passwd\napp:x:10001:10001::/nonexistent:/usr/sbin/nologin\n@@passwd_w\nno access(W_OK) denied\n@@rootfs_w\nno sh: can\'t create /.tightship-probe-x: Read-only file system\n@@tmp_w\nyes\n@@end\n';
    const r = parseProbeOutput(out, 'sh');
    assert.deepEqual(r.why, { passwd_w: 'permission denied', rootfs_w: 'read-only file system' });
    assert.deepEqual(r.noNewPrivs, { ok: true, value: 1, method: 'sh' });
    assert.deepEqual(r.seccomp, { ok: true, value: 2, method: 'sh' });
    assert.equal(r.identity.ok && r.identity.value.shell, '/usr/sbin/nologin');
  });
  it('splitSections ignores text before the first marker', () => {
    assert.deepEqual([...splitSections('noise\n@@a\n1\n2\n@@b\n')], [['a', '1\n2'], ['b', '']]);
  });
});

describe('hostConfigFacts', () => {
  it('reads an Engine API inspect document', () => {
    const facts = hostConfigFacts({
      HostConfig: {
        ReadonlyRootfs: true, Privileged: false, CapAdd: null, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges:true'],
        Memory: 268435456, NanoCpus: 0, CpuQuota: 50000, CpuPeriod: 100000, PidsLimit: 128, NetworkMode: 'secure-app_default',
        PidMode: '', IpcMode: 'private', UTSMode: '', UsernsMode: '', Tmpfs: { '/tmp': 'rw,noexec' },
        RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 }, LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
        PortBindings: { '8000/tcp': [{ HostIp: '127.0.0.1', HostPort: '8000' }] },
        Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 4096 }], CgroupParent: 'batch.slice',
      },
      NetworkSettings: { Ports: { '8000/tcp': [{ HostIp: '127.0.0.1', HostPort: '8000' }] }, Networks: { 'secure-app_default': {}, bridge: {} } },
      Mounts: [{ Type: 'bind', Source: '/var/run/docker.sock', Destination: '/sock', RW: false, Propagation: 'rprivate' }],
    });
    assert.equal(facts.cpus, 0.5);
    assert.deepEqual(facts.capAdd, []);
    assert.deepEqual(facts.ports, [{ containerPort: '8000/tcp', hostIp: '127.0.0.1', hostPort: '8000' }]);
    assert.deepEqual(facts.mounts, [{ type: 'bind', source: '/var/run/docker.sock', destination: '/sock', readOnly: true, propagation: 'rprivate' }]);
    assert.deepEqual(facts.ulimits, [{ name: 'nofile', soft: 1024, hard: 4096 }]);
    assert.equal(facts.cgroupParent, 'batch.slice');
    assert.deepEqual(facts.networks, ['bridge', 'secure-app_default']);
    assert.equal(facts.restartPolicy.name, 'unless-stopped');
  });
  it('healthcheckOf: NONE and absent are no healthcheck', () => {
    assert.equal(healthcheckOf({ Healthcheck: { Test: ['NONE'] } }), null);
    assert.equal(healthcheckOf({}), null);
    assert.deepEqual(healthcheckOf({ Healthcheck: { Test: ['CMD', 'node', '-e', 'x'] } }), ['CMD', 'node', '-e', 'x']);
  });
});
