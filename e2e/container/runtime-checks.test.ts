// verify's docker-bench §5 checks on real containers: a process named sshd, ulimits, shared mount
// propagation, a host device, a cgroup parent, the default bridge, a privileged exec session and the
// PIDs limit — each set on a container the local engine runs, then read back by `verify --container`
// with its evidence. Needs the engine and local/debian:bookworm-slim (sudo bash scripts/docker-setup.sh).
// Every container made here is removed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../test/helpers/cli-io.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const IMAGE = process.env.E2E_DEBIAN_IMAGE ?? 'local/debian:bookworm-slim';

function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', timeout: 60_000 }).trim();
}

interface Check { check: string; rule: string; status: string; evidence: string }
interface Verified { level: string | null; checks: Map<string, Check>; findings: { ruleId: string; severity: string; message: string }[] }

async function verify(id: string): Promise<Verified> {
  const r = await runCli(['verify', '--container', id, '--format', 'json', '--fail-on', 'none', '--timeout', '5s'], ROOT);
  assert.equal(r.code, 0, `verify --container ${id} exited ${r.code}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { results: { level: string | null; facts: { checks: Check[] }; findings: Verified['findings'] }[] };
  const result = report.results[0];
  assert.ok(result);
  return { level: result.level, checks: new Map(result.facts.checks.map((c) => [c.rule, c])), findings: result.findings };
}

let engine = true;
try { docker('image', 'inspect', IMAGE); } catch { engine = false; }

describe('verify: the runtime checks of docker-bench §5 on real containers', { skip: engine ? false : `no docker engine or no ${IMAGE}` }, () => {
  const made: string[] = [];
  after(() => { for (const id of made) { try { docker('rm', '-f', id); } catch { /* already gone */ } } });

  describe('a container with every setting the checks look for', () => {
    let v: Verified;
    let privilegedRefused: string | null = null;
    before(async () => {
      // a process named sshd (a copy of sleep: the check reads the engine's process list), a raised
      // ulimit, a host device, a cgroup parent, no --network (the default bridge), no PIDs limit
      const id = docker('run', '-d', '--ulimit', 'nofile=2048:4096', '--device', '/dev/null:/dev/xnull', '--cgroup-parent', 'tightship-e2e.slice',
        IMAGE, 'sh', '-c', 'cp /bin/sleep /tmp/sshd && exec /tmp/sshd 600');
      made.push(id);
      // a privileged exec session still running while verify looks; an engine that may not grant
      // the capabilities (a VM without them) refuses it, and then a root exec session stands in
      try { docker('exec', '-d', '--privileged', id, 'sleep', '60'); } catch (err) {
        privilegedRefused = String((err as { stderr?: unknown }).stderr ?? err).trim().split('\n')[0] ?? 'refused';
      }
      docker('exec', '-d', '--user', '0:0', id, 'sleep', '61');
      v = await verify(id);
    });
    const failed = (rule: string) => v.findings.filter((f) => f.ruleId === rule);
    const evidence = (rule: string): string => v.checks.get(rule)?.evidence ?? '(no row)';
    const message = (rule: string): string => failed(rule)[0]?.message ?? '(no finding)';
    it('sshd running', () => {
      assert.equal(failed('container/sshd-running').length, 1);
      assert.match(evidence('container/sshd-running'), /\/tmp\/sshd 600/);
    });
    it('ulimits, as evidence', () => {
      assert.match(message('container/ulimits-overridden'), /nofile=2048:4096/);
      assert.match(evidence('container/ulimits-overridden'), /nofile=2048:4096/);
    });
    it('a host device', () => {
      assert.match(message('container/host-devices'), /\/dev\/null/);
    });
    it('the cgroup parent', () => {
      assert.match(message('container/cgroup-parent'), /tightship-e2e\.slice/);
    });
    it('the default bridge', () => {
      assert.equal(failed('container/default-bridge').length, 1);
      assert.match(evidence('container/default-bridge'), /bridge/);
    });
    it('a root exec session (a warning)', () => {
      assert.ok(failed('container/privileged-exec').some((f) => f.severity === 'warning' && /sleep 61.*runs as 0:0/.test(f.message)), message('container/privileged-exec'));
      assert.match(evidence('container/privileged-exec'), /user=0:0/);
    });
    it('a privileged exec session, graded as privileged is', (t) => {
      if (privilegedRefused !== null) { t.skip(`the engine refused docker exec --privileged: ${privilegedRefused}`); return; }
      assert.ok(failed('container/privileged-exec').some((f) => f.severity === 'error'));
      assert.equal(v.level, 'root');
    });
    it('no PIDs limit', () => {
      assert.equal(v.checks.get('container/no-resource-limits')?.status, 'fail');
      assert.match(evidence('container/no-resource-limits'), /pids=unlimited/);
    });
  });

  describe('the same checks pass on a container without those settings', () => {
    let v: Verified;
    let id = '';
    before(async () => {
      docker('network', 'create', 'tightship-e2e-net');
      id = docker('run', '-d', '--network', 'tightship-e2e-net', '--pids-limit', '64', '--user', '65534:65534', IMAGE, 'sleep', '600');
      v = await verify(id);
    });
    after(() => {
      // the container first: a network in use cannot be removed, and the engine frees its endpoint a moment later
      if (id) { try { docker('rm', '-f', id); } catch { /* already gone */ } }
      for (let i = 0; ; i++) {
        try { execFileSync('docker', ['network', 'rm', 'tightship-e2e-net'], { stdio: 'pipe', timeout: 30_000 }); return; } catch (err) {
          if (i >= 40) throw err;
          execFileSync('sleep', ['0.25']);
        }
      }
    });
    it('no runtime-check finding', () => {
      for (const rule of ['sshd-running', 'ulimits-overridden', 'mount-propagation-shared', 'host-devices', 'cgroup-parent', 'default-bridge', 'privileged-exec']) {
        assert.equal(v.findings.filter((f) => f.ruleId === `container/${rule}`).length, 0, rule);
        assert.equal(v.checks.get(`container/${rule}`)?.status, 'pass', rule);
      }
      assert.match(v.checks.get('container/no-resource-limits')?.evidence ?? '', /pids=64/);
    });
  });
});
