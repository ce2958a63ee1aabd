// The shared options read one way by every command: an empty or blank variable is unset.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { dockerSave, makeTar } from '../targets/image/build.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-options-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nUSER 1000\n');
  const layer = makeTar([{ name: 'etc/', type: '5' }, { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\n' }]);
  writeFileSync(join(dir, 'app.tar'), dockerSave([{ repoTags: ['app:1'], layers: [layer], config: { User: '1000' } }]));
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

describe('shared options', () => {
  for (const value of ['', '  ']) {
    it(`TIGHTSHIP_FORMAT=${JSON.stringify(value)} is unset for lint and image (pretty output)`, async () => {
      const lint = await runCli(['lint', 'Dockerfile', '--fail-on', 'none'], dir, { TIGHTSHIP_FORMAT: value });
      assert.equal(lint.code, 0, lint.stderr);
      assert.match(lint.stdout, /level: /);
      const image = await runCli(['image', 'app.tar', '--fail-on', 'none', '--no-verify'], dir, { TIGHTSHIP_FORMAT: value });
      assert.equal(image.code, 0, image.stderr);
      assert.match(image.stdout, /level: /);
      assert.doesNotMatch(image.stdout, /^\{/);
    });
    it(`TIGHTSHIP_FAIL_ON=${JSON.stringify(value)} is unset`, async () => {
      const r = await runCli(['lint', 'Dockerfile', '--format', 'json'], dir, { TIGHTSHIP_FAIL_ON: value });
      assert.notEqual(r.code, 2, r.stderr);
    });
  }

  it('verify rejects a bad TIGHTSHIP_FORMAT before touching the engine, naming the variable', async () => {
    const r = await runCli(['verify', 'app:1'], dir, { TIGHTSHIP_FORMAT: 'yaml' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format 'yaml' \(from TIGHTSHIP_FORMAT\)/);
  });

  it('cyclonedx is an image format only', async () => {
    const lint = await runCli(['lint', 'Dockerfile', '--format', 'cyclonedx'], dir);
    assert.equal(lint.code, 2);
    assert.match(lint.stderr, /unknown format 'cyclonedx'/);
    const image = await runCli(['image', 'app.tar', '--format', 'cyclonedx', '--no-verify'], dir);
    assert.match(image.stdout, /"bomFormat": "CycloneDX"/);
  });

  it('--output into a missing folder fails before any work, for image as for lint', async () => {
    for (const argv of [['lint', 'Dockerfile'], ['image', 'app.tar']]) {
      const r = await runCli([...argv, '--output', 'nowhere/report.json'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /folder nowhere does not exist/);
    }
  });
});
