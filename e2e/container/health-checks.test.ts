// verify proves what lint warns about a HEALTHCHECK, on real containers of the local engine:
// a check that calls a program the image does not have can never pass (the engine's health log
// says so: container/healthcheck-tool-missing), and a check whose curl has no --fail reports
// healthy while the service answers 500 (verify runs the check's curl again with the status
// written out: container/healthcheck-curl-no-fail). The good cases — a check in the image's own
// runtime, curl --fail against a 200 — report neither. The curl image carries the host's curl and
// the libraries ldd lists (no registry here), on local/node:<major>-busybox. Every image and
// container made here is removed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../test/helpers/cli-io.js';
import { idleServiceDockerfile, LOCAL_IMAGES, must, removeImages, requireEngine, sh } from '../docker.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const PREFIX = `tightship-e2e/health-${process.pid}`;
const TAGS = {
  distrolessExec: `${PREFIX}:distroless-exec`,
  distrolessShell: `${PREFIX}:distroless-shell`,
  busyboxShell: `${PREFIX}:busybox-shell`,
  curl500: `${PREFIX}:curl-500`,
  curlFail200: `${PREFIX}:curl-fail-200`,
  curl200: `${PREFIX}:curl-200`,
  runtime: `${PREFIX}:runtime`,
};
const SERVE = (status: number) => `require("http").createServer((q, s) => { s.statusCode = ${status}; s.end("status ${status}"); }).listen(8000, "127.0.0.1")`;

interface Finding { ruleId: string; severity: string; message: string }
interface Check { rule: string; status: string; evidence: string }
interface Verified { findings: Finding[]; checks: Map<string, Check> }

async function verify(args: string[]): Promise<Verified> {
  const r = await runCli(['verify', ...args, '--format', 'json', '--fail-on', 'none', '--timeout', '30s'], ROOT);
  assert.equal(r.code, 0, `verify ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  const result = (JSON.parse(r.stdout) as { results: { findings: Finding[]; facts: { checks: Check[] } }[] }).results[0];
  assert.ok(result, 'verify reported no result');
  return { findings: result.findings, checks: new Map(result.facts.checks.map((c) => [c.rule, c])) };
}

const of = (v: Verified, rule: string) => v.findings.filter((f) => f.ruleId === rule);
const HEALTH_RULES = ['container/healthcheck-tool-missing', 'container/healthcheck-curl-no-fail', 'container/health-not-healthy'];

/** A build context holding the host's curl and the libraries it loads, under rootfs/. */
function curlContext(dir: string): void {
  const curl = execFileSync('sh', ['-c', 'readlink -f "$(command -v curl)"'], { encoding: 'utf8' }).trim();
  assert.ok(curl, 'the host has no curl to copy into the test image');
  mkdirSync(join(dir, 'rootfs/usr/bin'), { recursive: true });
  mkdirSync(join(dir, 'rootfs/usr/lib/x86_64-linux-gnu'), { recursive: true });
  copyFileSync(curl, join(dir, 'rootfs/usr/bin/curl'));
  const libs = execFileSync('ldd', [curl], { encoding: 'utf8' }).split('\n')
    .map((l) => /=>\s*(\/\S+)/.exec(l)?.[1]).filter((l): l is string => l !== undefined);
  for (const lib of libs) copyFileSync(lib, join(dir, 'rootfs/usr/lib/x86_64-linux-gnu', basename(lib)));
}

async function build(tag: string, dir: string, dockerfile: string): Promise<void> {
  writeFileSync(join(dir, `${basename(tag)}.Dockerfile`), dockerfile);
  await must('docker', ['build', '-q', '--network=none', '-f', join(dir, `${basename(tag)}.Dockerfile`), '-t', tag, dir]);
}

describe('verify: health checks that cannot pass or cannot fail', { timeout: 600_000 }, () => {
  let dir = '';
  const containers: string[] = [];
  /** Runs the image as a service with a 1 s health interval; the container's id. */
  const run = async (tag: string): Promise<string> => {
    const id = (await must('docker', ['run', '-d', '--network', 'none', '--health-interval', '1s', '--health-retries', '3', tag])).trim();
    containers.push(id);
    return id;
  };

  before(async () => {
    await requireEngine([LOCAL_IMAGES.distroless, LOCAL_IMAGES.busybox]);
    dir = mkdtempSync(join(tmpdir(), 'tightship-health-'));
    curlContext(dir);
    const idle = '"setInterval(() => {}, 1000)"';
    // distroless: node is the entrypoint, there is no shell and no curl
    await build(TAGS.distrolessExec, dir, `FROM ${LOCAL_IMAGES.distroless}\nUSER 10001:10001\nHEALTHCHECK --interval=1s CMD ["curl", "-f", "http://127.0.0.1:8000/"]\nCMD ["-e", ${idle}]\n`);
    await build(TAGS.distrolessShell, dir, `FROM ${LOCAL_IMAGES.distroless}\nUSER 10001:10001\nHEALTHCHECK --interval=1s CMD curl -f http://127.0.0.1:8000/ || exit 1\nCMD ["-e", ${idle}]\n`);
    await build(TAGS.busyboxShell, dir, idleServiceDockerfile('HEALTHCHECK --interval=1s CMD curl -f http://127.0.0.1:8000/ || exit 1'));
    const withCurl = (check: string, status: number) =>
      `FROM ${LOCAL_IMAGES.busybox}\nCOPY rootfs/ /\nUSER 10001:10001\n${check}\nCMD ["node", "-e", ${JSON.stringify(SERVE(status))}]\n`;
    await build(TAGS.curl500, dir, withCurl('HEALTHCHECK --interval=1s CMD curl -sS http://127.0.0.1:8000/health || exit 1', 500));
    await build(TAGS.curlFail200, dir, withCurl('HEALTHCHECK --interval=1s CMD curl -fsS http://127.0.0.1:8000/health || exit 1', 200));
    await build(TAGS.curl200, dir, withCurl('HEALTHCHECK --interval=1s CMD ["curl", "-sS", "http://127.0.0.1:8000/health"]', 200));
    await build(TAGS.runtime, dir, idleServiceDockerfile());
  });
  after(async () => {
    for (const id of containers) await sh('docker', ['rm', '-f', id]);
    await removeImages(Object.values(TAGS));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an exec-form curl in a distroless image: the engine could not start it', async () => {
    const v = await verify([TAGS.distrolessExec]);
    const found = of(v, 'container/healthcheck-tool-missing');
    assert.equal(found.length, 1, JSON.stringify(v.findings));
    const f = found.at(0);
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /the health check cannot pass: the image has no curl .*exit -1: .*executable file not found/);
    assert.deepEqual(of(v, 'container/health-not-healthy'), [], 'the cause is reported, not the symptom');
    assert.equal(v.checks.get('container/healthcheck-tool-missing')?.status, 'fail');
  });

  it('a shell-form check in a distroless image: there is no /bin/sh', async () => {
    const v = await verify([TAGS.distrolessShell]);
    assert.match(of(v, 'container/healthcheck-tool-missing').at(0)?.message ?? '(none)', /the image has no \/bin\/sh .*no such file or directory/);
  });

  it('a running container whose shell finds no curl (busybox, curl … || exit 1)', async () => {
    const id = await run(TAGS.busyboxShell);
    const v = await verify(['--container', id]);
    assert.match(of(v, 'container/healthcheck-tool-missing').at(0)?.message ?? '(none)', /the image has no curl .*exit 1: \/bin\/sh: curl: not found/);
    assert.match(v.checks.get('container/healthcheck-tool-missing')?.evidence ?? '', /curl: not found/);
  });

  it('curl without --fail against a server answering 500: healthy, and proven blind', async () => {
    const id = await run(TAGS.curl500);
    const v = await verify(['--container', id]);
    const found = of(v, 'container/healthcheck-curl-no-fail');
    assert.equal(found.length, 1, JSON.stringify(v.findings));
    const f = found.at(0);
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'the health check reports healthy while http://127.0.0.1:8000/health answers HTTP 500: it calls curl without -f/--fail, which exits 0 on an HTTP error');
    assert.deepEqual(of(v, 'container/health-not-healthy'), [], 'the engine says healthy');
    assert.match(v.checks.get('container/healthcheck-curl-no-fail')?.evidence ?? '', /run again: 500/);
  });

  it('good: curl --fail against a 200, curl without --fail against a 200, a check in the runtime', async () => {
    for (const args of [['--container', await run(TAGS.curlFail200)], [TAGS.curl200], [TAGS.runtime]]) {
      const v = await verify(args);
      assert.deepEqual(v.findings.filter((f) => HEALTH_RULES.includes(f.ruleId)), [], `${args.join(' ')}: ${JSON.stringify(v.findings)}`);
      assert.equal(v.checks.get('container/healthcheck-tool-missing')?.status, 'pass');
    }
  });
});
