// verify --output on the real engine: the report goes to the file (atomically, in the format
// asked), stdout stays empty, JUnit's failures follow --fail-on, and the container is removed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli } from '../../test/helpers/cli-io.js';
import { idleServiceDockerfile } from '../docker.js';

const TAG = `tightship-e2e-verify-output:${randomBytes(4).toString('hex')}`;
let dir = '';

function docker(args: string[], cwd?: string): string {
  return execFileSync('docker', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tightship-verify-output-'));
  writeFileSync(join(dir, 'Dockerfile'), idleServiceDockerfile());
  docker(['build', '-q', '--network=none', '-t', TAG, '.'], dir);
});

after(() => {
  try { docker(['rmi', '-f', TAG]); } catch { /* already gone */ }
  rmSync(dir, { recursive: true, force: true });
});

describe('verify --output', () => {
  it('writes the report to the file, nothing to stdout, and removes its container', async () => {
    const r = await runCli(['verify', TAG, '--format', 'json', '--output', 'verify.json', '--timeout', '60s', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote json report of 1 target\(s\)/);
    const report = JSON.parse(readFileSync(join(dir, 'verify.json'), 'utf8')) as { results: { target: { kind: string } }[] };
    assert.equal(report.results[0].target.kind, 'container');
    const junit = await runCli(['verify', TAG, '--format', 'junit', '--output', 'verify.xml', '--timeout', '60s', '--fail-on', 'info'], dir);
    const xml = readFileSync(join(dir, 'verify.xml'), 'utf8');
    const failures = Number(/<testsuites[^>]* failures="(\d+)"/.exec(xml)?.[1]);
    assert.equal(junit.code, failures > 0 ? 1 : 0, 'the exit code and the failures count the same findings');
    assert.equal(docker(['ps', '-a', '--filter', `ancestor=${TAG}`, '--format', '{{.ID}}']).trim(), '');
  });
});
