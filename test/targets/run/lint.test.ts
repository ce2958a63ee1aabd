// `tightship lint` over a project that writes docker run lines in a deploy script, a Makefile, a
// workflow and a README: each line is a target (file, line, image), graded; bad input is a located
// note and the rest of the batch is audited; --no-run-lines turns it off.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { runCli } from '../../helpers/cli-io.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PROJECT = path.join(ROOT, 'test/fixtures/run/project');

interface Result {
  target: { kind: string; path: string; line?: number; image?: string };
  level: string | null;
  findings: { ruleId: string; severity: string; message: string; location: { startLine: number; startColumn: number } }[];
}

async function lint(args: string[], env: Record<string, string> = {}) {
  const r = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', ...args], PROJECT, env);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { results: Result[] }).results.filter((x) => x.target.kind === 'run');
}

describe('lint: container command lines', () => {
  it('finds and grades every run line, with its file, line and image', async () => {
    const results = await lint([]);
    const graded = results.filter((r) => r.target.line !== undefined).map((r) => [r.target.path, r.target.line, r.target.image ?? null, r.level]);
    assert.deepEqual(graded, [
      ['.github/workflows/ci.yml', 11, 'app:ci', null],
      ['Makefile', 5, null, 'root'],
      ['deploy/deploy.sh', 6, 'registry.example.com/api:1.4.2', 'hardened'],
      ['docs/README.md', 4, 'nginx:1.27', 'root'],
      ['docs/README.md', 10, 'alpine:3.20', null],
    ]);
  });

  it('points at the flag, or at the docker word for a missing setting', async () => {
    const make = (await lint([])).find((r) => r.target.path === 'Makefile' && r.target.line === 5);
    assert.ok(make);
    const at = (id: string) => make.findings.filter((f) => f.ruleId === id).map((f) => [f.location.startLine, f.location.startColumn]);
    assert.deepEqual(at('run/privileged'), [[5, 19]]);
    assert.deepEqual(at('run/docker-socket-mounted'), [[5, 32]]);
    assert.deepEqual(at('run/read-only-missing'), [[5, 3]]);
    assert.deepEqual(at('run/restart-missing'), [], 'a one-off --rm run is not asked for a restart policy');
    assert.deepEqual(at('run/healthcheck-missing'), []);
    assert.ok(make.findings.some((f) => f.ruleId === 'run/unknown-flag' && /image position uncertain/.test(f.message)), '$(IMAGE) leaves the image uncertain');
  });

  it('never prints a secret in full', async () => {
    const r = await runCli(['lint', '.', '--fail-on', 'none'], PROJECT);
    assert.ok(!r.stdout.includes('tok-8f3kd93kfa0a'), 'the README token is redacted, in messages and in the source lines of other findings');
    assert.match(r.stdout, /\$ docker run -itd --user 0 -e API_TOKEN=tok-\*{12} \\/);
    assert.match(r.stdout, /API_TOKEN in plain text/);
  });

  it('bad input: located notes, the rest of the batch audited', async () => {
    const notes = (await lint([])).flatMap((r) => r.findings.filter((f) => f.ruleId === 'run/unreadable-command').map((f) => [r.target.path, f.location.startLine]));
    assert.deepEqual(notes, [['Makefile', 8], ['docs/README.md', 13]]);
  });

  it('--no-run-lines and TIGHTSHIP_NO_RUN_LINES turn it off', async () => {
    const off = await runCli(['lint', '.', '--format', 'json', '--no-run-lines', '--fail-on', 'none'], PROJECT);
    assert.match(off.stdout, /no Dockerfile or compose file found/);
    assert.deepEqual((JSON.parse(off.stdout) as { results: Result[] }).results.map((r) => r.level), [null], 'only the folder error');
    const env = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none'], PROJECT, { TIGHTSHIP_NO_RUN_LINES: '1' });
    assert.equal(env.stdout, off.stdout);
  });

  it('a named script is audited by itself', async () => {
    const r = await runCli(['lint', 'deploy/deploy.sh', '--format', 'json'], PROJECT);
    assert.equal(r.code, 0, r.stdout);
    const results = (JSON.parse(r.stdout) as { results: Result[] }).results;
    assert.deepEqual(results.map((x) => [x.target.kind, x.level]), [['run', 'hardened']]);
  });
});
