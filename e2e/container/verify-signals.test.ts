// verify stopped by a signal, as a user stops it: the CLI process gets SIGINT, SIGTERM or SIGHUP
// while its container is being created or checked, removes the container it started, and exits
// with the signal's code (128 + n), without an internal error. The container carries the
// org.tightship.verify label from its creation, so `docker ps -a --filter label=…` finds any left.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { idleServiceDockerfile, LOCAL_IMAGES, must, requireEngine, sh } from '../docker.js';

const CLI = resolve(import.meta.dirname, '..', '..', 'src', 'cli.js');
const TAG = 'tightship-e2e/verify-signals:test';
const LABEL = 'org.tightship.verify';
const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

async function leftBehind(): Promise<string[]> {
  const out = await must('docker', ['ps', '-a', '-q', '--filter', `label=${LABEL}`, '--filter', `ancestor=${TAG}`]);
  return out.split('\n').filter(Boolean);
}

interface Stopped { code: number | null; signal: NodeJS.Signals | null; stderr: string }

/** Starts `tightship verify`, sends `signal` once `when` says so, and waits for the process to end. */
function verifyStoppedBy(signal: NodeJS.Signals, when: () => Promise<void>): Promise<Stopped> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [CLI, 'verify', TAG, '--timeout', '60'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const guard = setTimeout(() => { child.kill('SIGKILL'); rej(new Error(`verify did not end within 90 s after ${signal}`)); }, 90_000);
    child.on('exit', (code, sig) => { clearTimeout(guard); res({ code, signal: sig, stderr }); });
    when().then(() => child.kill(signal), rej);
  });
}

/** Resolves once a labelled container of the test image exists (created, maybe not started). */
async function containerExists(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await leftBehind()).length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('verify created no container within 10 s');
}

describe('verify interrupted by a signal removes its container', { timeout: 600_000 }, () => {
  let dir = '';
  before(async () => {
    await requireEngine([LOCAL_IMAGES.busybox]);
    dir = mkdtempSync(join(tmpdir(), 'tightship-signals-'));
    // a service that stays up and never becomes healthy quickly: verify keeps waiting on it
    writeFileSync(join(dir, 'Dockerfile'), idleServiceDockerfile('HEALTHCHECK --interval=30s --start-period=30s CMD ["node", "-e", "process.exit(1)"]'));
    await must('docker', ['build', '-q', '--network=none', '-t', TAG, dir]);
    for (const id of await leftBehind()) await sh('docker', ['rm', '-f', id]);
  });
  after(async () => {
    for (const id of await leftBehind()) await sh('docker', ['rm', '-f', id]);
    await sh('docker', ['image', 'rm', '-f', TAG]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} once the container exists: exit ${CODES[signal]}, no container left`, async () => {
      const r = await verifyStoppedBy(signal, containerExists);
      assert.equal(r.code, CODES[signal], `exit ${r.code} (${r.signal ?? 'no signal'}): ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /internal error|TypeError|at .*\.js:\d+/);
      assert.match(r.stderr, /interrupted/);
      assert.deepEqual(await leftBehind(), [], 'a labelled container is left behind');
    });
  }

  // early: while the engine is still being asked to create the container
  for (const ms of [150, 300, 600]) {
    it(`SIGINT ${ms} ms after start: exit 130, no container left, no internal error`, async () => {
      const r = await verifyStoppedBy('SIGINT', () => new Promise((ok) => setTimeout(ok, ms)));
      assert.doesNotMatch(r.stderr, /internal error|Cannot read properties/);
      // a signal that lands before the handlers are installed ends node by the signal itself
      assert.ok(r.code === 130 || r.signal === 'SIGINT', `exit ${r.code} (${r.signal ?? 'no signal'}): ${r.stderr}`);
      // the cleanup may still be removing a container the engine was creating: give it a moment
      for (let i = 0; i < 40 && (await leftBehind()).length > 0; i++) await new Promise((ok) => setTimeout(ok, 250));
      assert.deepEqual(await leftBehind(), [], 'a labelled container is left behind');
    });
  }
});
