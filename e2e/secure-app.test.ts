// The reference system proven on a real Docker engine: build the three images of
// examples/secure-app, run `tightship verify` on each, bring the compose service up and verify it,
// then write the measured comparison table into examples/secure-app/README.md.
// Needs the engine and the local base images: sudo bash scripts/docker-setup.sh (CI runs it first).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../test/helpers/cli-io.js';
import { readReport } from '../test/helpers/json-report.js';
import type { ContainerModel, Probe } from '../src/targets/container/model.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const APP = join(ROOT, 'examples/secure-app');
const NODE_MAJOR = process.versions.node.split('.')[0];
const NODE_IMAGE = process.env.E2E_NODE_IMAGE ?? `local/node:${NODE_MAJOR}-bookworm-slim`;
const DISTROLESS = `local/node:${NODE_MAJOR}-distroless`;
const PROJECT = 'tightship-e2e-compose';
const VARIANTS = ['root', 'nonroot', 'hardened'] as const;
type Variant = typeof VARIANTS[number];
const tag = (v: Variant) => `tightship-e2e/secure-app:${v}`;

function sh(cmd: string, args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      res({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

async function must(cmd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await sh(cmd, args, env);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} failed:\n${r.stderr || r.stdout}`);
  return r.stdout;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => { res(port); });
    }).on('error', rej);
  });
}

interface Check { check: string; rule: string; status: string; evidence: string }
/** The facts of a verify result (src/targets/container/audit.ts), as far as these tests read them. */
type VerifiedFacts = Pick<ContainerModel, 'identity' | 'passwdWritable' | 'rootfsWritable' | 'tmpWritable' | 'capabilities' | 'noNewPrivs' | 'health' | 'http' | 'hostConfig'> & { checks: Check[] };
interface Verified { level: string | null; facts: VerifiedFacts; checks: Map<string, Check>; findings: { ruleId: string }[] }
/** The value of a probe that must have succeeded. */
function value<T>(p: Probe<T>): T {
  assert.ok(p.ok, `the probe failed: ${p.ok ? '' : p.reason}`);
  return p.value;
}
/** What `docker image inspect` says of an image, as far as these tests read it. */
interface ImageInspect { Size: number; RootFS: { Layers: string[] }; Config: { User: string; Healthcheck?: { Test?: string[] }; Env?: string[] | null } }

async function verify(args: string[]): Promise<Verified> {
  const r = await runCli(['verify', ...args, '--format', 'json', '--fail-on', 'none'], ROOT);
  assert.equal(r.code, 0, `verify ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  const result = readReport(r.stdout).results[0];
  const facts = result.facts as VerifiedFacts;
  const checks = new Map<string, Check>(facts.checks.map((c) => [c.rule, c]));
  return { level: result.level, facts, checks, findings: result.findings };
}

const measured: Partial<Record<string, Partial<Record<string, string>>>> = {};
const started = Date.now();
const composeEnv = { APP_IMAGE: tag('hardened'), NODE_IMAGE, APP_PORT: '0' };
const composeFile = join(APP, 'compose.yaml');

describe('the reference system on a real engine', { timeout: 600_000 }, () => {
  before(async () => {
    const info = await sh('docker', ['info', '--format', '{{.ServerVersion}}'], {}, 20_000);
    assert.equal(info.code, 0, `the Docker engine does not answer (${info.stderr.trim()}); run: sudo bash scripts/docker-setup.sh`);
    const base = await sh('docker', ['image', 'inspect', NODE_IMAGE], {}, 20_000);
    assert.equal(base.code, 0, `base image ${NODE_IMAGE} is missing; run: sudo bash scripts/docker-setup.sh`);
    // the service is compiled and bundled (prom-client included) on the host: builds here have
    // no network for npm or tsc
    await must('npm', ['run', '-s', 'build', '--prefix', APP]);
  });

  after(async () => {
    await sh('docker-compose', ['-p', PROJECT, '-f', composeFile, 'down', '--remove-orphans', '--timeout', '5'], composeEnv, 120_000);
  });

  for (const v of VARIANTS) {
    it(`builds Dockerfile.${v} offline with BuildKit`, async () => {
      const t = Date.now();
      await must('/usr/bin/docker', ['build', '-q', '--network=none', '--build-arg', `NODE_IMAGE=${NODE_IMAGE}`,
        '-f', join(APP, `Dockerfile.${v}`), '-t', tag(v), APP], { DOCKER_BUILDKIT: '1' });
      const [img] = JSON.parse(await must('docker', ['image', 'inspect', tag(v)])) as ImageInspect[];
      const dockerfile = readFileSync(join(APP, `Dockerfile.${v}`), 'utf8');
      const lint = await runCli(['lint', join(APP, `Dockerfile.${v}`), '--format', 'json', '--fail-on', 'none'], ROOT);
      const lintLevel = lint.code === 0 ? readReport(lint.stdout).results.find((r) => r.target.kind === 'dockerfile')?.level ?? '?' : '?';
      measured[v] = {
        build: `${((Date.now() - t) / 1000).toFixed(1)} s`,
        size: `${(img.Size / 1e6).toFixed(1)} MB`,
        layers: String(img.RootFS.Layers.length),
        stages: String((dockerfile.match(/^FROM\s/gim) ?? []).length),
        configUser: img.Config.User || '(none: root)',
        healthcheck: img.Config.Healthcheck?.Test?.[0] && img.Config.Healthcheck.Test[0] !== 'NONE' ? 'yes' : 'no',
        lint: lintLevel,
        // the safe runtime variables of the image's language, as its config carries them
        safeEnv: (img.Config.Env ?? []).filter((e) => /^(NODE_ENV=production|PYTHONDONTWRITEBYTECODE=|PYTHONUNBUFFERED=)/.test(e)).join(' ') || 'none',
        // an upgrade of the distribution's packages in a layer of the image (its history)
        upgraded: /\b(apt-get|apt) (-\S+ )*(upgrade|dist-upgrade)\b|\bapk upgrade\b|\b(dnf|yum|microdnf) (-\S+ )*upgrade\b/.test(await must('docker', ['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag(v)])) ? 'yes' : 'no',
      };
    });
  }

  it('root, as-is: uid 0 and /etc/passwd writable', async () => {
    const r = await verify([tag('root'), '--profile', 'as-is', '--name', 'tightship-e2e-verify-root']);
    assert.equal(value(r.facts.identity).uid, 0);
    assert.equal(value(r.facts.passwdWritable), true);
    assert.equal(r.checks.get('container/runs-as-root')?.status, 'fail');
    assert.equal(r.level, 'root');
    record('root', r, 'as-is');
  });

  it('nonroot, as-is: uid 1001 and /etc/passwd not writable', async () => {
    const r = await verify([tag('nonroot'), '--profile', 'as-is', '--name', 'tightship-e2e-verify-nonroot']);
    assert.equal(value(r.facts.identity).uid, 1001);
    assert.equal(value(r.facts.identity).user, 'appuser');
    assert.equal(value(r.facts.passwdWritable), false);
    assert.equal(r.level, 'nonroot');
    record('nonroot', r, 'as-is');
  });

  it('hardened, hardened profile: every claim of the seed', async () => {
    const r = await verify([tag('hardened'), '--profile', 'hardened', '--http', '/health', '--name', 'tightship-e2e-verify-hardened']);
    const f = r.facts;
    assert.equal(value(f.identity).uid, 10001);
    assert.equal(value(f.identity).shell, '/usr/sbin/nologin');
    assert.equal(value(f.passwdWritable), false);
    assert.equal(value(f.rootfsWritable), false);
    assert.equal(value(f.tmpWritable), true);
    assert.deepEqual(value(f.capabilities).effective, []);
    assert.equal(value(f.capabilities).effectiveHex, '0000000000000000');
    assert.equal(value(f.noNewPrivs), 1);
    assert.equal(f.health.status, 'healthy');
    assert.equal(f.http?.status, 200);
    assert.equal(f.http.from, 'host');
    assert.ok(f.hostConfig.ports.every((p) => p.hostIp === '127.0.0.1'));
    assert.deepEqual([...r.checks.values()].filter((c) => c.status === 'fail'), []);
    assert.equal(r.level, 'hardened');
    record('hardened', r, 'hardened');
  });

  it('an image that is not in the engine: one line, exit 2', async () => {
    const r = await runCli(['verify', 'tightship-e2e/no-such-image:1'], ROOT);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^tightship: image tightship-e2e\/no-such-image:1 is not in the local engine\nhint: .*never pulls/);
  });

  it('a container that exits at start: one line, exit 2, nothing left behind', async () => {
    // the distroless base runs `node` with no script and no TTY: it exits at once
    const r = await runCli(['verify', DISTROLESS, '--name', 'tightship-e2e-verify-exits'], ROOT);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^tightship: ${DISTROLESS}: the container is not running \\(exited, exit code 0\\)\nhint: `));
    const left = await sh('docker', ['container', 'inspect', 'tightship-e2e-verify-exits'], {}, 20_000);
    assert.notEqual(left.code, 0, 'the exited container was not removed');
  });

  it('verify leaves no container behind', async () => {
    const left = await must('docker', ['ps', '-a', '--filter', 'label=org.tightship.verify', '--format', '{{.Names}}']);
    assert.equal(left.trim(), '');
  });

  it('compose: the hardened service comes up and verify --container grades it hardened', async () => {
    composeEnv.APP_PORT = String(await freePort());
    await must('docker-compose', ['-p', PROJECT, '-f', composeFile, 'up', '-d', '--no-build'], composeEnv);
    const id = (await must('docker-compose', ['-p', PROJECT, '-f', composeFile, 'ps', '-q', 'app'], composeEnv)).trim();
    assert.ok(id, 'compose started no container');
    const r = await verify(['--container', id, '--http', '/health', '--timeout', '90s']);
    const f = r.facts;
    assert.equal(value(f.identity).uid, 10001);
    assert.equal(value(f.rootfsWritable), false);
    assert.equal(value(f.tmpWritable), true);
    assert.deepEqual(value(f.capabilities).effective, []);
    assert.equal(value(f.noNewPrivs), 1);
    assert.equal(f.health.status, 'healthy');
    assert.equal(f.http?.status, 200);
    assert.deepEqual(f.hostConfig.ports.map((p) => p.hostIp), ['127.0.0.1']);
    assert.equal(f.hostConfig.restartPolicy.name, 'unless-stopped');
    assert.equal(f.hostConfig.logConfig.config['max-size'], '10m');
    assert.ok(f.hostConfig.memory > 0 && f.hostConfig.cpus > 0 && (f.hostConfig.pidsLimit ?? 0) > 0);
    assert.deepEqual([...r.checks.values()].filter((c) => c.status === 'fail'), []);
    assert.equal(r.level, 'hardened');
    record('compose', r, 'compose.yaml');
    // graceful shutdown: the service handles SIGTERM and exits 0 (an ignored signal ends in SIGKILL, 137)
    await must('docker', ['stop', '-t', '8', id]);
    const exit = (await must('docker', ['inspect', '-f', '{{.State.ExitCode}}', id])).trim();
    assert.equal(exit, '0');
    (measured.compose ??= {}).stop = 'exit 0 on SIGTERM';
  });

  it('writes the measured comparison table into examples/secure-app/README.md', async () => {
    assert.ok(measured.root && measured.nonroot && measured.hardened && measured.compose, 'earlier steps did not all run');
    const engine = (await must('docker', ['version', '--format', '{{.Server.Version}}'])).trim();
    const table = renderTable(engine);
    const readmePath = join(APP, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const start = '<!-- measured:start -->';
    const end = '<!-- measured:end -->';
    const i = readme.indexOf(start);
    const j = readme.indexOf(end);
    assert.ok(i >= 0 && j > i, 'README.md lacks the measured:start/end markers');
    writeFileSync(readmePath, `${readme.slice(0, i + start.length)}\n${table}${readme.slice(j)}`);
    assert.match(readFileSync(readmePath, 'utf8'), /\| user \|/);
  });
});

function record(key: string, r: Verified, profile: string): void {
  const f = r.facts;
  const m = (measured[key] ??= {});
  const id = f.identity.ok ? f.identity.value : null;
  m.profile = profile;
  m.user = id ? `${id.user ?? '?'} (${id.uid}:${id.gid})` : 'not measured';
  m.shell = id?.shell ?? '-';
  m.passwd = f.passwdWritable.ok ? (f.passwdWritable.value ? 'writable' : 'not writable') : 'not measured';
  // a non-root user cannot create files in / even on a writable mount: say which it is
  m.rootfs = f.hostConfig.readonlyRootfs ? 'read-only' : !f.rootfsWritable.ok ? 'writable mount (not measured)'
    : f.rootfsWritable.value ? 'writable' : 'writable mount, / not writable by the user';
  m.tmp = f.tmpWritable.ok ? (f.tmpWritable.value ? 'writable' : 'not writable') : 'not measured';
  m.caps = f.capabilities.ok ? (f.capabilities.value.effective.length ? `${f.capabilities.value.effective.length} (${f.capabilities.value.effectiveHex})` : 'none (0)') : 'not measured';
  m.nnp = f.noNewPrivs.ok ? String(f.noNewPrivs.value) : '-';
  m.health = f.health.defined ? `${f.health.status} in ${(f.health.waitedMs / 1000).toFixed(1)} s` : 'no healthcheck';
  m.http = f.http ? String(f.http.status ?? f.http.error) : '-';
  m.level = r.level ?? '-';
}

/** The values of the course's comparison of its root, nonroot and hardened images (its own table). */
const COURSE = {
  user: ['root (UID 0)', 'appuser (UID 1000)', 'appuser (UID 1000)'],
  shell: ['/bin/bash', '/bin/bash', '/usr/sbin/nologin'],
  multiStage: ['no', 'no', 'yes'],
  updatedPackages: ['no', 'no', 'yes'],
  healthcheck: ['no', 'no', 'yes'],
  safeVariables: ['no', 'no', 'yes'],
  size: ['156 MB', '156 MB', '170 MB'],
} as const;

function renderTable(engine: string): string {
  const cols: [string, string][] = [['root', 'Dockerfile.root'], ['nonroot', 'Dockerfile.nonroot'], ['hardened', 'Dockerfile.hardened'], ['compose', 'compose.yaml']];
  const row = (label: string, get: (k: string) => string) => `| ${label} | ${cols.map(([k]) => get(k)).join(' | ')} |`;
  const v = (field: string) => (k: string) => measured[k]?.[field] ?? measured.hardened?.[field] ?? '-';
  const onlyImage = (field: string) => (k: string) => (k === 'compose' ? '(hardened image)' : measured[k]?.[field] ?? '-');
  const lines = [
    `| | ${cols.map(([, n]) => `\`${n}\``).join(' | ')} |`,
    `|---|${cols.map(() => '---').join('|')}|`,
    row('run as', v('profile')),
    row('user', v('user')),
    row('login shell', v('shell')),
    row('build stages', onlyImage('stages')),
    row('HEALTHCHECK in image', onlyImage('healthcheck')),
    row('image size', onlyImage('size')),
    row('layers', onlyImage('layers')),
    row('`/etc/passwd`', v('passwd')),
    row('root filesystem', v('rootfs')),
    row('`/tmp`', v('tmp')),
    row('effective capabilities', v('caps')),
    row('NoNewPrivs', v('nnp')),
    row('health', v('health')),
    row('`GET /health`', v('http')),
    row('`tightship lint` level', onlyImage('lint')),
    row('`tightship verify` level', v('level')),
  ];
  const total = ((Date.now() - started) / 1000).toFixed(0);
  // the course's own comparison of its three images, each value beside what this run measured
  const levels = ['root', 'nonroot', 'hardened'] as const;
  const side = (label: string, course: readonly [string, string, string], ours: (k: string) => string) =>
    `| ${label} | ${levels.map((k, i) => `${course[i]} | ${ours(k)}`).join(' | ')} |`;
  const course = [
    `| | ${levels.map((k) => `course: ${k} | measured: \`Dockerfile.${k}\``).join(' | ')} |`,
    `|---|${levels.map(() => '---|---').join('|')}|`,
    side('user', COURSE.user, v('user')),
    side('shell', COURSE.shell, v('shell')),
    side('multi-stage', COURSE.multiStage, (k) => (Number(measured[k]?.stages ?? '1') > 1 ? 'yes' : 'no')),
    side('updated packages', COURSE.updatedPackages, onlyImage('upgraded')),
    side('healthcheck', COURSE.healthcheck, onlyImage('healthcheck')),
    side('safe variables', COURSE.safeVariables, onlyImage('safeEnv')),
    side('size', COURSE.size, onlyImage('size')),
  ];
  return `${lines.join('\n')}\n\nThe course's comparison table beside the same rows measured here (the course's images are Python on `
    + `python:3.11-slim, ours Node.js; the hardened image here does not upgrade packages: \`dockerfile/package-upgrade\` leaves that choice to the `
    + `\`packageUpgrades\` policy):\n\n${course.join('\n')}\n\n_Generated by \`npm run e2e\` (e2e/secure-app.test.ts) from its own measurements: Docker engine ${engine}, `
    + `base image \`${NODE_IMAGE}\` through \`--build-arg NODE_IMAGE\`, builds with BuildKit and \`--network=none\`; `
    + `root and nonroot run as-is, hardened with \`verify --profile hardened --http /health\`, compose through \`verify --container\`; whole run ${total} s._\n`;
}
