// A --config that is not a regular file (a FIFO blocked forever), a device, and YAML that reuses
// one anchor many times (legitimate) or nests aliases without bound (an alias bomb).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFile } from '../../src/engine/config.js';
import { catalogue } from '../../src/rules/index.js';
import { UserError } from '../../src/engine/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-config-hostile-'));
after(() => { rmSync(tmp, { recursive: true, force: true }); });

async function refusal(file: string): Promise<UserError> {
  try {
    await loadConfigFile(file, catalogue());
  } catch (err) {
    assert.ok(err instanceof UserError, `expected a UserError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the config to be refused');
}

describe('config readers', () => {
  it('a FIFO --config is refused without blocking', { timeout: 30_000 }, async () => {
    const p = path.join(tmp, 'fifo.yaml');
    assert.equal(spawnSync('mkfifo', [p]).status, 0);
    assert.match((await refusal(p)).message, /is not a regular file \(a named pipe\)/);
  });
  it('a --config linked to /dev/zero is refused, not read without end', { timeout: 30_000 }, async () => {
    const p = path.join(tmp, 'zero.yaml');
    symlinkSync('/dev/zero', p);
    assert.match((await refusal(p)).message, /is not a regular file \(a device/);
  });
  it('an anchor reused 150 times is fine', async () => {
    const p = path.join(tmp, 'anchors.yaml');
    writeFileSync(p, `ignore:\n  - &g vendor/**\n${Array.from({ length: 150 }, () => '  - *g').join('\n')}\n`);
    const c = await loadConfigFile(p, catalogue());
    assert.equal(c.ignore?.length, 151);
  });
  it('an alias bomb is a clear error', async () => {
    const lines = ['ignore:', '  - &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`  - &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const p = path.join(tmp, 'bomb.yaml');
    writeFileSync(p, `${lines.join('\n')}\n`);
    assert.match((await refusal(p)).message, /YAML aliases in .* expand too much/);
  });
});
