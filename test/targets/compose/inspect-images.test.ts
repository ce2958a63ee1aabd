// Levels of compose services whose image is third-party: unknown (not root) when the image cannot
// be seen, graded for real with --inspect-images when the local engine has the image.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { auditCompose } from '../../../src/targets/compose/audit.js';
import { factsFromImageConfig } from '../../../src/targets/compose/inspect-images.js';
import { allRules } from '../../../src/rules/index.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import type { TargetResult } from '../../../src/engine/types.js';

const BASE = 'local/node:20-busybox';
const ROOT_IMAGE = 'tightship-compose-inspect-root:test';
const USER_IMAGE = 'tightship-compose-inspect-user:test';
const hasEngine = spawnSync('docker', ['image', 'inspect', BASE], { stdio: 'ignore' }).status === 0;

const HARDENED = `    read_only: true
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true"]
    restart: unless-stopped
    logging: {driver: json-file, options: {max-size: "10m", max-file: "3"}}
    deploy: {resources: {limits: {cpus: "0.5", memory: 256M, pids: 128}}}
`;

async function lint(yaml: string, inspectImages = false): Promise<Map<string, TargetResult>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tightship-inspect-'));
  try {
    writeFileSync(path.join(dir, 'compose.yaml'), yaml);
    const results = await auditCompose(['compose.yaml'], { cwd: dir, config: defaultConfig(), rules: allRules, today: '2026-01-01', inspectImages });
    return new Map(results.flatMap((r): [string, TargetResult][] => (r.target.service !== undefined ? [[r.target.service, r]] : [])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The result of one service; a missing one fails the test. */
function get(results: Map<string, TargetResult>, name: string): TargetResult {
  const r = results.get(name);
  assert.ok(r, `no result for the service ${name}`);
  return r;
}

describe('a service whose image cannot be seen', () => {
  it('is not graded when its unknown user is all that would make it root', async () => {
    const r = get(await lint(`services:\n  web:\n    image: example.org/team/web:1.4\n${HARDENED}`), 'web');
    assert.equal(r.level, null);
    assert.equal(r.levelReason, 'image not inspected: its user and healthcheck are unknown (run with --inspect-images)');
    assert.deepEqual(r.missingForNextLevel, []);
    assert.ok(r.findings.some((f) => f.ruleId === 'compose/user-missing'), 'the warning stays');
  });
  it('names only the user when the service has its own healthcheck', async () => {
    const r = get(await lint(`services:\n  web:\n    image: example.org/team/web:1.4\n    healthcheck: {test: ["CMD", "/bin/true"]}\n${HARDENED}`), 'web');
    assert.equal(r.level, null);
    assert.match(r.levelReason ?? '', /its user is unknown/);
  });
  it('is still graded when it sets its user: nonroot, or hardened with its own healthcheck', async () => {
    const results = await lint(`services:\n  a:\n    image: example.org/a:1\n    user: "10001:10001"\n${HARDENED}  b:\n    image: example.org/b:1\n    user: "10001:10001"\n    healthcheck: {test: ["CMD", "/bin/true"]}\n${HARDENED}`);
    assert.equal(get(results, 'a').level, 'nonroot');
    assert.deepEqual(get(results, 'a').missingForNextLevel, ['compose/healthcheck-missing']);
    assert.equal(get(results, 'b').level, 'hardened');
  });
  it('stays root when something else makes it root whatever the image', async () => {
    const r = get(await lint(`services:\n  web:\n    image: example.org/web:1\n    privileged: true\n`), 'web');
    assert.equal(r.level, 'root');
    assert.ok(r.missingForNextLevel.includes('compose/privileged'));
  });
});

describe('one posture, one level: what makes a container root in verify makes a compose service root', () => {
  const postures: [string, string, string][] = [
    ['privileged', '    privileged: true\n', 'compose/privileged'],
    ['the Docker socket', '    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]\n', 'compose/docker-socket-mounted'],
    ['host network', '    network_mode: host\n', 'compose/host-namespace'],
    ['host PID', '    pid: host\n', 'compose/host-namespace'],
  ];
  for (const [what, yaml, rule] of postures) {
    it(`${what} with user: 1000 is root`, async () => {
      const r = get(await lint(`services:\n  app:\n    image: example.org/app:1\n    user: "1000"\n    healthcheck: {test: ["CMD", "/bin/true"]}\n${HARDENED}${yaml}`), 'app');
      assert.equal(r.level, 'root');
      assert.deepEqual(r.missingForNextLevel, [rule]);
    });
  }
  it('the compose and container rules guard the same level', () => {
    const level = (id: string) => {
      const rule = allRules.find((r) => r.id === id);
      assert.ok(rule, id);
      return rule.level;
    };
    for (const [compose, container] of [['compose/privileged', 'container/privileged'], ['compose/docker-socket-mounted', 'container/docker-socket-mounted'], ['compose/host-namespace', 'container/host-namespaces']] as const) {
      assert.equal(level(compose), level(container), `${compose} vs ${container}`);
    }
  });
});

describe('image config facts', () => {
  it('reads user, healthcheck and exposed ports; HEALTHCHECK NONE is no healthcheck', () => {
    assert.deepEqual(factsFromImageConfig('x:1', { Config: { User: 'app', Healthcheck: { Test: ['CMD-SHELL', 'true'] }, ExposedPorts: { '8080/tcp': {}, '53/udp': {} } } }),
      { dockerfile: '', image: 'x:1', user: 'app', healthcheck: true, healthcheckNone: false, exposedPorts: ['53/udp', '8080/tcp'] });
    assert.deepEqual(factsFromImageConfig('x:1', { Config: { User: '', Healthcheck: { Test: ['NONE'] } } }),
      { dockerfile: '', image: 'x:1', user: null, healthcheck: false, healthcheckNone: true });
  });
});

describe('--inspect-images on the local engine', { skip: !hasEngine && 'no Docker engine' }, () => {
  before(() => {
    execFileSync('docker', ['tag', BASE, ROOT_IMAGE]);
    const dir = mkdtempSync(path.join(tmpdir(), 'tightship-inspect-build-'));
    try {
      writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${ROOT_IMAGE}\nUSER 10001:10001\nHEALTHCHECK CMD ["/bin/true"]\nEXPOSE 8080\n`);
      execFileSync('docker', ['build', '-q', '-t', USER_IMAGE, dir], { stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  after(() => {
    spawnSync('docker', ['rmi', USER_IMAGE, ROOT_IMAGE], { stdio: 'ignore' });
  });
  const yaml = `services:\n  rooted:\n    image: ${ROOT_IMAGE}\n${HARDENED}  app:\n    image: ${USER_IMAGE}\n${HARDENED}  absent:\n    image: tightship-compose-inspect-absent:none\n${HARDENED}`;

  it('grades an image that runs as root root, one with a user and a healthcheck hardened', async () => {
    const results = await lint(yaml, true);
    const rooted = get(results, 'rooted');
    assert.equal(rooted.level, 'root');
    assert.match(rooted.findings.find((f) => f.ruleId === 'compose/user-missing')?.message ?? '', new RegExp(`its image ${ROOT_IMAGE} \\(inspected\\) sets no USER`));
    const app = get(results, 'app');
    assert.equal(app.level, 'hardened', JSON.stringify(app.findings.map((f) => f.ruleId)));
    assert.equal(app.facts?.imageUser, '10001:10001');
    assert.deepEqual(app.facts.imageExposedPorts, ['8080/tcp']);
  });
  it('says why when the engine does not have the image', async () => {
    const absent = get(await lint(yaml, true), 'absent');
    assert.equal(absent.level, null);
    assert.match(absent.levelReason ?? '', /image tightship-compose-inspect-absent:none is not in the local engine/);
  });
  it('without the flag nothing is inspected', async () => {
    const results = await lint(yaml);
    assert.equal(get(results, 'app').level, null);
    assert.equal(get(results, 'app').facts?.imageInspected, undefined);
  });
});
