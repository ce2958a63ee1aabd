// verify on the real engine: its container is removed on every exit path, also when the caller's
// AbortSignal fires while the engine is still creating it or while verify waits for health; probe
// output is capped; probing a running container changes nothing in it (not even an mtime).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { verifyContainer, verifyImage, VERIFY_LABEL } from '../../../src/targets/container/engine.js';

const BASE = 'local/node:20-busybox';
const hasEngine = spawnSync('docker', ['image', 'inspect', BASE], { stdio: 'ignore' }).status === 0;
const run = `t${randomBytes(4).toString('hex')}`;
const WAIT_IMAGE = `tightship-test/verify-wait:${run}`;
const made: string[] = [];
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const exists = (name: string) => docker('ps', '-a', '--filter', `name=^${name}$`, '--format', '{{.Names}}') !== '';

before(() => {
  if (!hasEngine) return;
  const dir = mkdtempSync(join(tmpdir(), 'tightship-verify-'));
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${BASE}\nHEALTHCHECK --retries=1000 CMD false\nCMD ["sleep", "3600"]\n`);
  docker('build', '-q', '-t', WAIT_IMAGE, dir);
  rmSync(dir, { recursive: true, force: true });
});
after(() => {
  if (!hasEngine) return;
  for (const c of made) spawnSync('docker', ['rm', '-f', c], { stdio: 'ignore' });
  spawnSync('docker', ['rmi', '-f', WAIT_IMAGE], { stdio: 'ignore' });
});

describe('verify removes its container on every exit path', { skip: !hasEngine && 'no Docker engine' }, () => {
  it('a signal while the engine creates the container: removed once the engine is done', async () => {
    const name = `tightship-verify-${run}-create`;
    made.push(name);
    const ac = new AbortController();
    const real = new Docker();
    // the real engine, with the signal arriving exactly while createContainer is under way
    const client = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'createContainer') {
          return (o: Docker.ContainerCreateOptions) => { const p = target.createContainer(o); ac.abort(); return p; };
        }
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? (v as () => unknown).bind(target) : v;
      },
    });
    await assert.rejects(verifyImage(WAIT_IMAGE, { profile: 'hardened', timeoutMs: 30_000, name, docker: client, signal: ac.signal }), /interrupted/);
    assert.equal(exists(name), false, 'no container is left behind');
  });
  it('a signal while waiting for health: the running container is removed', async () => {
    const name = `tightship-verify-${run}-health`;
    made.push(name);
    const ac = new AbortController();
    let sawWait = false;
    const p = verifyImage(WAIT_IMAGE, {
      profile: 'hardened', timeoutMs: 60_000, name, signal: ac.signal,
      onWait: () => {
        if (sawWait) return;
        sawWait = true;
        // the container exists and is labelled while verify waits
        assert.equal(docker('inspect', '-f', `{{index .Config.Labels "${VERIFY_LABEL}"}}`, name), 'true');
        ac.abort();
      },
    });
    await assert.rejects(p, /interrupted/);
    assert.ok(sawWait);
    assert.equal(exists(name), false);
  });
  it('an already aborted signal creates nothing', async () => {
    const name = `tightship-verify-${run}-pre`;
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(verifyImage(WAIT_IMAGE, { profile: 'hardened', timeoutMs: 5000, name, signal: ac.signal }), /interrupted/);
    assert.equal(exists(name), false);
  });
});

describe('probing a running container', { skip: !hasEngine && 'no Docker engine' }, () => {
  const name = `tightship-probe-${run}`;
  before(() => {
    made.push(name);
    docker('run', '-d', '--name', name, BASE, 'sleep', '600');
  });
  it('changes no mtime of / or /tmp', async () => {
    const stamp = () => docker('exec', name, 'stat', '-c', '%Y.%y', '/', '/tmp');
    const before = stamp();
    await new Promise((r) => setTimeout(r, 1100));
    const { model } = await verifyContainer(name, { profile: 'as-is', timeoutMs: 5000 });
    assert.equal(model.rootfsWritable.ok && model.rootfsWritable.value, true, 'the probe still answers');
    assert.equal(model.tmpWritable.ok && model.tmpWritable.value, true);
    assert.equal(stamp(), before);
  });
  it('caps what a probe prints: a 64 MiB /etc/passwd is cut off, not held', async () => {
    docker('exec', name, 'sh', '-c', 'for i in $(seq 1 20); do head -c 3355443 /dev/zero | tr "\\0" "x"; echo; done > /etc/passwd');
    const { model } = await verifyContainer(name, { profile: 'as-is', timeoutMs: 5000 });
    assert.equal(model.identity.ok, false, 'the probe output was cut off before its end marker');
  });
});
