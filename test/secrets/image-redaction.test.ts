// `tightship image` on a docker-save tar made here, with secrets planted in the history
// (created_by), the labels and the environment: no format may print any of them, nor a
// recognisable piece of a private key body.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { dockerSave, makeTar } from '../targets/image/build.js';
import { awsKeyId, awsSecretKey, githubToken, gitlabToken, jwt, npmToken, pemKey, slackBotToken, stripeLiveKey } from './fakes.js';
import { readReport } from '../helpers/json-report.js';

const KEY = pemKey(12, 'OPENSSH ');
const KEY_BODY = KEY.split('\n').slice(1, -2);
const PLANTED = {
  historyGithub: githubToken(1),
  historyNpm: npmToken(2),
  historyGitlab: gitlabToken(3),
  historyUrlPassword: 'Vq7-Lm2pXz9Rt4',
  historyBearer: jwt(4),
  labelSlack: slackBotToken(5),
  labelStripe: stripeLiveKey(6),
  envAwsId: awsKeyId(7),
  envAwsSecret: awsSecretKey(8),
  envPassword: 'Pw-8hT2qLx9Zr4mK',
  envToken: githubToken(9, 'ghs'),
};

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-image-redact-'));
  const layer = makeTar([{ name: 'etc/', type: '5' }, { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\n' }]);
  const layer2 = makeTar([{ name: 'root/.ssh/', type: '5' }, { name: 'root/.ssh/known_hosts', data: 'github.com ssh-ed25519 AAAA\n' }, { name: 'usr/local/bin/tool', mode: 0o4755, data: 'ELF' }]);
  const layer3 = makeTar([{ name: 'app/', type: '5' }, { name: 'app/server.js', data: 'x\n' }]);
  const layer4 = makeTar([{ name: 'app/run.sh', mode: 0o755, data: 'exec node server.js\n' }]);
  const escapedKey = KEY.trimEnd().replace(/\n/g, '\\n');
  writeFileSync(join(dir, 'planted.tar'), dockerSave([{
    layers: [layer, layer2, layer3, layer4],
    repoTags: ['planted:1'],
    config: {
      Env: ['PATH=/usr/bin', `AWS_ACCESS_KEY_ID=${PLANTED.envAwsId}`, `AWS_SECRET_ACCESS_KEY=${PLANTED.envAwsSecret}`,
        `DB_PASSWORD=${PLANTED.envPassword}`, `GH_TOKEN=${PLANTED.envToken}`],
      Labels: { 'org.example.slack': PLANTED.labelSlack, 'org.example.billing': `key=${PLANTED.labelStripe}` },
    },
    history: [
      { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
      { created_by: `/bin/sh -c mkdir -p /root/.ssh && printf '${escapedKey}' > /root/.ssh/id_ed25519 && git clone git@github.com:o/r && curl -fsS https://get.example.org | sh && rm /root/.ssh/id_ed25519` },
      { created_by: `|2 GH=${PLANTED.historyGithub} NPM=${PLANTED.historyNpm} /bin/sh -c git clone https://oauth2:${PLANTED.historyGitlab}@gitlab.com/o/r.git /app && curl -fsS -u deploy:${PLANTED.historyUrlPassword} https://deploy:${PLANTED.historyUrlPassword}@registry.example.org/x | sh` },
      { created_by: `/bin/sh -c curl -H "Authorization: Bearer ${PLANTED.historyBearer}" https://api.example.org/setup | sh` },
    ],
  }]));
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

describe('image history, labels and env are redacted in every format', () => {
  for (const format of ['pretty', 'json', 'sarif', 'github', 'cyclonedx']) {
    it(format, async () => {
      const r = await runCli(['image', 'planted.tar', '--format', format, '--fail-on', 'none'], dir);
      assert.equal(r.code, 0, r.stderr);
      const all = r.stdout + r.stderr;
      assert.ok(r.stdout.length > 100, 'a report was printed');
      for (const [where, secret] of Object.entries(PLANTED)) {
        assert.ok(!all.includes(secret), `${format}: the planted ${where} is printed in full`);
        // not a recognisable part of it either (the redacted form keeps at most 4 characters)
        assert.ok(!all.includes(secret.slice(-10)), `${format}: the end of the planted ${where} is printed`);
      }
      for (const line of KEY_BODY) {
        for (let i = 0; i + 12 <= line.length; i += 12) {
          assert.ok(!all.includes(line.slice(i, i + 12)), `${format}: a piece of the private key body is printed`);
        }
      }
    });
  }
  it('the findings are there (the test plants what the rules see)', async () => {
    const r = await runCli(['image', 'planted.tar', '--format', 'json', '--fail-on', 'none'], dir);
    const res = readReport(r.stdout).results[0];
    const ids = res.findings.map((f) => f.ruleId);
    assert.ok(ids.filter((id) => id === 'image/secret-in-history').length >= 3, ids.join(', '));
    assert.ok(ids.includes('image/secret-in-env'), ids.join(', '));
  });
});
