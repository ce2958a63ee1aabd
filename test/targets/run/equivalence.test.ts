// A compose service and the `docker run` line that starts the same container are graded the same:
// the same level, and the same findings for every rule both targets have (by rule name).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assembleCompose } from '../../../src/targets/compose/load.js';
import { composeResults } from '../../../src/targets/compose/audit.js';
import { composeRules } from '../../../src/rules/compose/index.js';
import { runRules } from '../../../src/rules/run/index.js';
import { runModelOf, runResults } from '../../../src/targets/run/audit.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import type { TargetResult } from '../../../src/engine/types.js';

const name = (id: string) => id.slice(id.indexOf('/') + 1);
const shared = new Set(composeRules.map((r) => name(r.id)).filter((n) => runRules.some((r) => name(r.id) === n)));

function composeOf(yaml: string): TargetResult {
  const model = assembleCompose([{ path: 'compose.yaml', text: yaml }], { env: {} });
  const results = composeResults(model, { config: defaultConfig(), rules: composeRules, today: '2026-01-01' });
  const api = results.find((r) => r.target.service === 'api');
  assert.ok(api, 'the api service has a result');
  return api;
}

function runOf(script: string): TargetResult {
  const results = runResults(runModelOf('deploy.sh', script), { config: defaultConfig(), rules: runRules, today: '2026-01-01' });
  assert.equal(results.length, 1);
  return results[0];
}

function sharedFindings(r: TargetResult): string[] {
  return [...new Set(r.findings.map((f) => name(f.ruleId)).filter((n) => shared.has(n)))].sort();
}

const PAIRS: { name: string; compose: string; run: string; level: string }[] = [
  {
    name: 'the hardened course flags',
    compose: 'services:\n  api:\n    image: registry.example.com/api:1.4.2\n    read_only: true\n    tmpfs: [/tmp]\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n    mem_limit: 512m\n    memswap_limit: 512m\n    cpus: 1.0\n    pids_limit: 100\n    user: "1000:1000"\n    network_mode: none\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]\n    restart: on-failure:5\n    logging:\n      options:\n        max-size: 10m\n',
    run: "docker run -d --read-only --tmpfs /tmp --cap-drop=ALL --security-opt=no-new-privileges:true --memory=512m --memory-swap=512m --cpus=1.0 --pids-limit=100 --user 1000:1000 --network=none --health-cmd 'wget -qO- http://localhost:8080/health' --restart on-failure:5 --log-opt max-size=10m registry.example.com/api:1.4.2\n",
    level: 'hardened',
  },
  {
    name: 'privileged with the socket',
    compose: 'services:\n  api:\n    image: tools:2\n    privileged: true\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n    user: "1000"\n',
    run: 'docker run -d --privileged -v /var/run/docker.sock:/var/run/docker.sock --user 1000 tools:2\n',
    // privileged or the socket is root on the host whatever the user: the level verify gives it
    level: 'root',
  },
  {
    name: 'root, host network, a dangerous capability, a secret, a port on every interface, :latest',
    compose: 'services:\n  api:\n    image: nginx:latest\n    user: root\n    network_mode: host\n    cap_add: [SYS_ADMIN]\n    ports: ["8080:80"]\n    environment:\n      DB_PASSWORD: s3cr3t-Pa55word\n    security_opt: ["seccomp:unconfined"]\n',
    run: 'docker run -d --user root --network host --cap-add SYS_ADMIN -p 8080:80 -e DB_PASSWORD=s3cr3t-Pa55word --security-opt seccomp:unconfined nginx:latest\n',
    level: 'root',
  },
  {
    name: 'nothing set at all',
    compose: 'services:\n  api:\n    image: nginx:1.27\n',
    run: 'docker run -d nginx:1.27\n',
    // the user is the image's, which neither shows: not graded rather than root on no evidence
    level: 'null',
  },
];

describe('a compose service and its docker run line grade the same', () => {
  it('the shared rules cover the posture checks', () => {
    for (const n of ['privileged', 'docker-socket-mounted', 'sensitive-host-path', 'host-namespace', 'dangerous-cap-add', 'security-profile-disabled',
      'user-missing', 'user-root', 'read-only-missing', 'cap-drop-all-missing', 'no-new-privileges-missing', 'memory-limit-missing', 'cpu-limit-missing',
      'pids-limit-missing', 'port-all-interfaces', 'secret-in-environment', 'image-latest', 'healthcheck-missing', 'restart-missing', 'logging-limits-missing']) {
      assert.ok(shared.has(n), n);
    }
  });
  for (const p of PAIRS) {
    it(p.name, () => {
      const c = composeOf(p.compose);
      const r = runOf(p.run);
      assert.deepEqual(sharedFindings(r), sharedFindings(c));
      assert.equal(String(c.level), p.level, 'compose level');
      assert.equal(String(r.level), p.level, 'run level');
      assert.deepEqual(r.missingForNextLevel.map(name), c.missingForNextLevel.map(name).filter((n) => shared.has(n)));
    });
  }
});
