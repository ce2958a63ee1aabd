// The display flags and JUnit's --fail-on mapping on `tightship image`, over a real docker-save
// tar; a file name inside the image cannot act on the terminal.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type Captured } from '../helpers/cli-io.js';
import { dockerSave, makeTar } from '../targets/image/build.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-image-flags-'));
  writeFileSync(join(dir, 'app.tar'), dockerSave([{
    layers: [makeTar([
      { name: 'etc/', type: '5' },
      { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\n' },
      { name: 'usr/bin/\u001b[2Jevil\nname', mode: 0o4755, data: 'ELF' },
    ])],
    repoTags: ['app:1'],
    config: { ExposedPorts: { '22/tcp': {} } },
  }]));
});
after(() => { rmSync(dir, { recursive: true, force: true }); });

interface Report { results: { level: string | null; findings: { ruleId: string; severity: string }[] }[] }
const findings = (r: Captured) => (JSON.parse(r.stdout) as Report).results.flatMap((x) => x.findings);

describe('tightship image: display flags', () => {
  it('--severity and --quiet filter what is shown, not the level or the exit code', async () => {
    const every = await runCli(['image', 'app.tar', '--format', 'json', '--no-verify'], dir);
    assert.ok(new Set(findings(every).map((f) => f.severity)).size > 1, every.stdout);
    const quiet = await runCli(['image', 'app.tar', '--format', 'json', '--no-verify', '--quiet'], dir);
    assert.deepEqual([...new Set(findings(quiet).map((f) => f.severity))], ['error']);
    assert.equal((JSON.parse(quiet.stdout) as Report).results[0].level, (JSON.parse(every.stdout) as Report).results[0].level);
    assert.equal(quiet.code, every.code);
  });

  it('--ignore-rule turns an image rule off; an unknown id is an error', async () => {
    const r = await runCli(['image', 'app.tar', '--format', 'json', '--no-verify', '--ignore-rule', 'image/setuid-files'], dir);
    assert.ok(!findings(r).some((f) => f.ruleId === 'image/setuid-files'));
    assert.ok(findings(r).some((f) => f.ruleId === 'image/user-root'));
    const bad = await runCli(['image', 'app.tar', '--ignore-rule', 'image/setuid-file'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule 'image\/setuid-file' \(did you mean 'image\/setuid-files'\?\)/);
  });

  it('junit fails what --fail-on counts', async () => {
    const count = async (failOn: string) => {
      const r = await runCli(['image', 'app.tar', '--format', 'junit', '--no-verify', '--fail-on', failOn], dir);
      return { code: r.code, failures: Number(/<testsuites[^>]* failures="(\d+)"/.exec(r.stdout)?.[1]) };
    };
    const none = await count('none');
    assert.deepEqual(none, { code: 0, failures: 0 });
    const info = await count('info');
    assert.equal(info.code, 1);
    assert.equal(info.failures, findings(await runCli(['image', 'app.tar', '--format', 'json', '--no-verify'], dir)).length);
  });

  it('a file name with an escape sequence and a newline is shown inertly', async () => {
    const r = await runCli(['image', 'app.tar', '--no-verify', '--no-color'], dir);
    assert.ok(!r.stdout.includes('\u001b'), JSON.stringify(r.stdout));
    assert.match(r.stdout, /usr\/bin\/\u241b\[2Jevil\u240aname/);
  });
});
