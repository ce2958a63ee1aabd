// tightship's own image on a real engine: built offline from local base images (the npm cache of
// this machine is handed to the build's cache mount first, so `npm ci` needs no network), then run
// read-only on a mounted project, as the README tells users to run it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_IMAGES, buildkit, must, removeImages, requireEngine, sh } from './docker.js';
import { VERSION } from '../src/version.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TAG = 'tightship-e2e/tightship:test';
const SEED_TAG = 'tightship-e2e/npm-seed:test';

interface Report { results: { target: { kind: string; path: string; service?: string }; level: string | null; findings: { ruleId: string }[] }[] }

describe("tightship's own image", { timeout: 900_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'tightship-own-image-'));
  const project = join(work, 'project');

  before(async () => {
    await requireEngine([LOCAL_IMAGES.bookwormSlim, LOCAL_IMAGES.distroless]);
    // A project to audit: a root Dockerfile and a privileged compose service.
    mkdirSync(project);
    writeFileSync(join(project, 'Dockerfile'), 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCMD ["curl", "--version"]\n');
    writeFileSync(join(project, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
    // The build's npm cache mount (id tightship-npm) receives this machine's npm cache.
    const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
    const seed = join(work, 'seed.Dockerfile');
    writeFileSync(seed, [
      'ARG IMAGE',
      'FROM ${IMAGE}',
      'RUN --mount=type=cache,id=tightship-npm,target=/root/.npm,sharing=locked --mount=type=bind,source=_cacache,target=/seed \\',
      '    mkdir -p /root/.npm/_cacache && cp -a /seed/. /root/.npm/_cacache/',
      '',
    ].join('\n'));
    await buildkit(['-q', '--no-cache', '--build-arg', `IMAGE=${LOCAL_IMAGES.bookwormSlim}`, '-f', seed, '-t', SEED_TAG, cache]);
  });

  after(async () => {
    await removeImages([TAG, SEED_TAG]);
    rmSync(work, { recursive: true, force: true });
  });

  it('builds offline: npm ci from the cache, a distroless runtime (no shell at all)', async () => {
    await buildkit(['-q', '--build-arg', `BUILD_IMAGE=${LOCAL_IMAGES.bookwormSlim}`, '--build-arg', `RUNTIME_IMAGE=${LOCAL_IMAGES.distroless}`,
      '--build-arg', 'npm_config_offline=true', '--build-arg', `VERSION=${VERSION}`, '-t', TAG, ROOT]);
    const [img] = JSON.parse(await must('docker', ['image', 'inspect', TAG])) as { Config: { User: string; Entrypoint: string[]; Cmd: string[]; Labels: Record<string, string>; Healthcheck?: { Test: string[] } } }[];
    assert.ok(img);
    assert.equal(img.Config.User, '10001:10001');
    assert.deepEqual(img.Config.Entrypoint, ['node', '/opt/tightship/dist/bin/cli.js']);
    assert.deepEqual(img.Config.Cmd, ['lint', '/src']);
    assert.equal(img.Config.Labels['org.opencontainers.image.version'], VERSION);
    assert.deepEqual(img.Config.Healthcheck?.Test, ['CMD', 'node', '/opt/tightship/dist/bin/cli.js', '--version']);
    // the runtime base has no shell, so nothing in the image needs one
    const shell = await sh('docker', ['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', TAG, '-c', 'true'], { timeoutMs: 60_000 });
    assert.notEqual(shell.code, 0, 'a shell ran in the image');
  });

  it('--version as uid 10001 on a read-only root file system with every capability dropped', async () => {
    const out = await must('docker', ['run', '--rm', '--read-only', '--network', 'none', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', TAG, '--version']);
    assert.equal(out.trim(), VERSION);
    const uid = await must('docker', ['run', '--rm', '--read-only', '--network', 'none', '--entrypoint', 'node', TAG, '-e', 'process.stdout.write(`${process.getuid()}:${process.getgid()}`)']);
    assert.equal(uid, '10001:10001');
  });

  it('docker run --rm --read-only -v "$PWD:/src:ro" <image> lint /src: the findings, the levels and the exit code', async () => {
    const json = await sh('docker', ['run', '--rm', '--read-only', '--network', 'none', '-v', `${project}:/src:ro`, TAG, 'lint', '/src', '--format', 'json'], { cwd: project });
    assert.equal(json.code, 1, `exit code ${json.code}: ${json.stderr}`);
    const report = JSON.parse(json.stdout) as Report;
    const dockerfile = report.results.find((r) => r.target.kind === 'dockerfile');
    assert.equal(dockerfile?.target.path, 'Dockerfile');
    assert.equal(dockerfile.level, 'root');
    const ids = dockerfile.findings.map((f) => f.ruleId);
    for (const id of ['dockerfile/last-user-root', 'dockerfile/apt-get-unpinned', 'dockerfile/healthcheck-missing']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    const web = report.results.find((r) => r.target.kind === 'compose');
    assert.ok(web?.findings.some((f) => f.ruleId === 'compose/privileged'), JSON.stringify(web));
    // the image's default command is `lint /src`, in the pretty format
    const pretty = await sh('docker', ['run', '--rm', '--read-only', '--network', 'none', '-v', `${project}:/src:ro`, TAG]);
    assert.equal(pretty.code, 1, pretty.stderr);
    assert.match(pretty.stdout, /dockerfile\/last-user-root/);
    assert.match(pretty.stdout, /compose\/privileged/);
    assert.match(pretty.stdout, /level: root/);
  });

  it('writes nothing: --output into the read-only mount is a one-line error, exit code 2', async () => {
    const r = await sh('docker', ['run', '--rm', '--read-only', '--network', 'none', '-v', `${project}:/src:ro`, TAG, 'lint', '/src', '--output', '/src/report.json']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^tightship: .*\n/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace');
  });
});
