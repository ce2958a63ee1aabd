// Hostile compose input: nesting that would exhaust the stack, files that are not regular files
// (a FIFO would block forever, /dev/zero would be read forever), and a large file without aliases.
// The inputs are large enough that the old behaviour fails or hangs; `timeout` only turns a hang
// into a failure, nothing here measures speed.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { interpolate, MAX_INTERPOLATION_DEPTH } from '../../../src/targets/compose/interpolate.js';
import { auditCompose } from '../../../src/targets/compose/audit.js';
import { readRegularFileSync } from '../../../src/targets/compose/read-file.js';
import { allRules } from '../../../src/rules/index.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import type { TargetResult } from '../../../src/engine/types.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'tightship-compose-hostile-'));
after(() => { rmSync(tmp, { recursive: true, force: true }); });
const opts = { cwd: tmp, config: defaultConfig(), rules: allRules, today: '2026-01-01' };
const HANG = { timeout: 60_000 };

function dir(name: string): string {
  const d = path.join(tmp, name);
  spawnSync('mkdir', ['-p', d]);
  return d;
}
function fifo(p: string): string {
  const r = spawnSync('mkfifo', [p]);
  assert.equal(r.status, 0, String(r.stderr));
  return p;
}
const messages = (rs: TargetResult[]): string[] => rs.flatMap((r) => r.findings.map((f) => `${f.ruleId} ${f.message}`).concat(r.error ? [`error ${r.error}`] : []));

describe('interpolation nesting is bounded', () => {
  it('650,000 nested ${A:- give one clear error, not a stack overflow', HANG, () => {
    const n = 650_000;
    const r = interpolate(`${'${A:-'.repeat(n)}x${'}'.repeat(n)}`, {});
    assert.equal(r.issues.length, 1);
    assert.match(r.issues[0].message, new RegExp(`nested more than ${MAX_INTERPOLATION_DEPTH} levels`));
  });
  it('as deep as allowed still interpolates', () => {
    const n = MAX_INTERPOLATION_DEPTH;
    assert.deepEqual(interpolate(`${'${A:-'.repeat(n)}x${'}'.repeat(n)}`, {}), { value: 'x', issues: [] });
    assert.equal(interpolate('${A:-${B:-${C}}}-$$-$D', { C: 'c', D: 'd' }).value, 'c-$-d');
  });
  it('200,000 variables in one string are interpolated in one pass', HANG, () => {
    const r = interpolate('$A${B}'.repeat(100_000), { A: 'a', B: 'b' });
    assert.equal(r.value, 'ab'.repeat(100_000));
  });
});

describe('readers refuse what is not a regular file', () => {
  it('a FIFO compose file is refused without blocking', HANG, async () => {
    const p = fifo(path.join(dir('fifo-compose'), 'compose.yaml'));
    const m = messages(await auditCompose([p], opts));
    assert.equal(m.length, 1);
    assert.match(m[0], /^error is a named pipe \(FIFO\), not a regular file/);
  });
  it('a compose file linked to /dev/zero is refused, not read without end', HANG, async () => {
    const p = path.join(dir('zero'), 'compose.yaml');
    symlinkSync('/dev/zero', p);
    assert.match(messages(await auditCompose([p], opts))[0], /^error is a device, not a regular file/);
  });
  it('a FIFO .env is reported and the project still audited', HANG, async () => {
    const d = dir('fifo-env');
    writeFileSync(path.join(d, 'compose.yaml'), 'services:\n  api:\n    image: nginx:1.27\n');
    fifo(path.join(d, '.env'));
    const rs = await auditCompose([path.join(d, 'compose.yaml')], opts);
    assert.ok(rs.some((r) => r.target.service === 'api'), 'the service is audited');
    assert.ok(messages(rs).some((m) => /\.env is a named pipe/.test(m)), messages(rs).join('\n'));
  });
  it('an env_file linked to /dev/zero or a FIFO is not read', HANG, async () => {
    const d = dir('env-file');
    writeFileSync(path.join(d, 'compose.yaml'), 'services:\n  api:\n    image: nginx:1.27\n    env_file: [zero.env, pipe.env]\n');
    symlinkSync('/dev/zero', path.join(d, 'zero.env'));
    fifo(path.join(d, 'pipe.env'));
    const m = messages(await auditCompose([path.join(d, 'compose.yaml')], opts));
    assert.equal(m.filter((x) => /env_file "(zero|pipe)\.env" of service api cannot be read/.test(x)).length, 2, m.join('\n'));
  });
  it('a file that is larger than the limit is refused after reading at most the limit', () => {
    const p = path.join(tmp, 'big');
    writeFileSync(p, 'x'.repeat(5000));
    const r = readRegularFileSync(p, 4096);
    assert.ok('error' in r);
    assert.match(r.error, /too large/);
    assert.equal((readRegularFileSync(p, 5000) as { data: Buffer }).data.length, 5000);
  });
  it('a file reads as its bytes, empty or not, and one that is longer than its size said is read to its end or refused', { skip: process.platform !== 'linux' }, () => {
    for (const text of ['', 'a', 'services: {}\n', 'é'.repeat(3000)]) {
      const p = path.join(tmp, 'exact');
      writeFileSync(p, text);
      assert.equal((readRegularFileSync(p, 1 << 20) as { data: Buffer }).data.toString('utf8'), text);
    }
    // a /proc file is a regular file whose size is 0 whatever it holds
    const proc = readRegularFileSync('/proc/self/cmdline', 1 << 20) as { data: Buffer };
    assert.ok(proc.data.length > 0);
    assert.deepEqual(proc.data, readFileSync('/proc/self/cmdline'));
    const short = readRegularFileSync('/proc/self/cmdline', 3);
    assert.ok('error' in short && /too large/.test(short.error));
  });
});

describe('a large file without aliases is not an alias bomb', () => {
  it('250,000 written nodes and no alias: too large, and said so', HANG, async () => {
    const d = dir('large');
    const p = path.join(d, 'compose.yaml');
    writeFileSync(p, `x-big: [${Array(250_000).fill('1').join(',')}]\nservices:\n  api:\n    image: nginx:1.27\n`);
    const m = messages(await auditCompose([p], opts));
    assert.ok(!m.some((x) => /alias bomb/.test(x)), m.join('\n'));
    assert.ok(m.some((x) => /more than 200000 nodes as written: too large for a compose file/.test(x)), m.join('\n'));
  });
});
