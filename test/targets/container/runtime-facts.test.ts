// verify's facts for comparing a command line with its container: memory-swap, the AppArmor
// profile, network mode none — read from the inspect of a container the local engine creates.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hostConfigFacts } from '../../../src/targets/container/inspect.js';

function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

it('memory-swap, AppArmor profile and network none come from the container inspect', (t) => {
  try { docker('image', 'inspect', 'local/debian:bookworm-slim'); } catch { t.skip('no docker engine or no local/debian:bookworm-slim'); return; }
  const id = docker('create', '--memory=512m', '--memory-swap=512m', '--network=none', 'local/debian:bookworm-slim', 'true');
  try {
    const facts = hostConfigFacts((JSON.parse(docker('inspect', id)) as unknown[])[0]);
    assert.equal(facts.memory, 512 * 1024 * 1024);
    assert.equal(facts.memorySwap, 512 * 1024 * 1024);
    assert.equal(facts.networkNone, true);
    assert.equal(typeof facts.apparmorProfile, 'string');
    const other = docker('create', '--memory=512m', 'local/debian:bookworm-slim', 'true');
    try {
      const f2 = hostConfigFacts((JSON.parse(docker('inspect', other)) as unknown[])[0]);
      assert.equal(f2.networkNone, false);
      assert.notEqual(f2.memorySwap, f2.memory);
    } finally { docker('rm', other); }
  } finally {
    docker('rm', id);
  }
});
