// One posture, one level: a compose service, the `docker run` line that starts the same container,
// and `verify` of that container (its inspect facts and probes) grade the same settings the same way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assembleCompose } from '../../src/targets/compose/load.js';
import { composeResults } from '../../src/targets/compose/audit.js';
import { composeRules } from '../../src/rules/compose/index.js';
import { runRules } from '../../src/rules/run/index.js';
import { containerRules } from '../../src/rules/container/index.js';
import { runModelOf, runResults } from '../../src/targets/run/audit.js';
import { audit } from '../../src/engine/pipeline.js';
import { defaultConfig } from '../../src/engine/config-types.js';
import type { TargetResult } from '../../src/engine/types.js';
import { describeContainer } from '../helpers/container-describe.js';
import '../../src/targets/container/target.js';

function composeOf(yaml: string): TargetResult {
  const model = assembleCompose([{ path: 'compose.yaml', text: yaml }], { env: {} });
  const r = composeResults(model, { config: defaultConfig(), rules: composeRules, today: '2026-01-01' }).find((x) => x.target.service === 'api');
  assert.ok(r);
  return r;
}

function runOf(script: string): TargetResult {
  const results = runResults(runModelOf('deploy.sh', script), { config: defaultConfig(), rules: runRules, today: '2026-01-01' });
  assert.equal(results.length, 1);
  const [r] = results;
  assert.ok(r);
  return r;
}

function verifyOf(json: string): TargetResult {
  const model = describeContainer(json, 'tools:2');
  const [r] = audit(model, { target: { kind: 'container', path: model.path }, path: model.path, rules: containerRules, catalogue: containerRules, config: defaultConfig() });
  assert.ok(r);
  return r;
}

const name = (id: string): string => id.slice(id.indexOf('/') + 1);

const UID_1000 = '"identity":{"ok":true,"method":"sh","value":{"uid":1000,"gid":1000,"user":null,"home":null,"shell":null}}';

const POSTURES: { name: string; compose: string; run: string; verify: string; blocking: string[] }[] = [
  {
    name: 'privileged with user 1000',
    compose: 'services:\n  api:\n    image: tools:2\n    privileged: true\n    user: "1000"\n',
    run: 'docker run -d --privileged --user 1000 tools:2\n',
    verify: `{"hostConfig":{"privileged":true},${UID_1000}}`,
    blocking: ['privileged'],
  },
  {
    name: 'the Docker socket mounted',
    compose: 'services:\n  api:\n    image: tools:2\n    user: "1000"\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]\n',
    run: 'docker run -d --user 1000 -v /var/run/docker.sock:/var/run/docker.sock:ro tools:2\n',
    verify: `{"hostConfig":{"mounts":[{"type":"bind","source":"/var/run/docker.sock","destination":"/var/run/docker.sock","readOnly":true}]},${UID_1000}}`,
    blocking: ['docker-socket-mounted'],
  },
  {
    name: 'host PID and network namespaces',
    compose: 'services:\n  api:\n    image: tools:2\n    user: "1000"\n    pid: host\n    network_mode: host\n',
    run: 'docker run -d --user 1000 --pid host --network host tools:2\n',
    verify: `{"hostConfig":{"pidMode":"host","networkMode":"host","networkNone":false},${UID_1000}}`,
    blocking: ['host-namespace'],
  },
];

describe('compose, a docker run line and verify grade one posture alike', () => {
  for (const p of POSTURES) {
    it(p.name, () => {
      const c = composeOf(p.compose);
      const r = runOf(p.run);
      const v = verifyOf(p.verify);
      assert.equal(c.level, 'root', `compose: ${JSON.stringify(c.missingForNextLevel)}`);
      assert.equal(r.level, c.level, 'run');
      assert.equal(v.level, c.level, 'verify');
      // the same setting is what keeps each of them at root (container/host-namespaces is plural)
      for (const res of [c, r, v]) {
        assert.deepEqual(res.missingForNextLevel.map(name).map((n) => n.replace(/^host-namespaces$/, 'host-namespace')), p.blocking, res.target.kind);
      }
    });
  }
  it('without the dangerous setting, verify lets the same container reach nonroot or better', () => {
    assert.notEqual(verifyOf(`{${UID_1000}}`).level, 'root');
  });
});
