// The installed `tightship` command is a bundle of dist/src/cli.js (built by `npm run build`, see
// package.json "bundle"): fewer modules to resolve and load at start-up. It must behave exactly
// like the unbundled CLI.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const BUNDLE = path.join(ROOT, pkg.bin.tightship!);
const SOURCE = path.join(ROOT, 'dist/src/cli.js');

function run(bin: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('package.json bin points at the built bundle, a different file than the modules', () => {
  assert.ok(existsSync(BUNDLE), `${pkg.bin.tightship} exists (run npm run build)`);
  assert.notEqual(path.resolve(BUNDLE), path.resolve(SOURCE));
  assert.match(readFileSync(BUNDLE, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

it('the bundle gives the same reports, exit codes and errors as the modules', () => {
  const cases: string[][] = [
    ['lint', 'examples/secure-app', '--format', 'json'],
    ['lint', 'examples/secure-app', '--format', 'sarif'],
    ['lint', 'examples/secure-app/Dockerfile.root'],
    ['lint', 'test/fixtures/lint/root/Dockerfile', '--format', 'json', '--no-context'],
    ['lint', 'no/such/file'],
    ['lint', '--format'],
    ['rules', '--format', 'json'],
    ['--version'],
  ];
  for (const args of cases) {
    const a = run(BUNDLE, args);
    const b = run(SOURCE, args);
    assert.deepEqual(a, b, `tightship ${args.join(' ')}`);
  }
});
