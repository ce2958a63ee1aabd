import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, mkdtempSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/commands/migrate.js';
import { loadConfigFile } from '../../src/engine/config.js';
import { catalogue } from '../../src/rules/index.js';
import { UserError } from '../../src/engine/types.js';
import { captureIO } from '../helpers/cli-io.js';

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-migrate-')); });
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

let n = 0;
async function folder(files: Record<string, string>): Promise<string> {
  const dir = path.join(tmp, `case-${n++}`);
  await fs.mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  return dir;
}

async function migrate(dir: string, argv: string[], env: Record<string, string> = {}) {
  const io = captureIO(dir, env);
  const code = await run(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

async function rejects(dir: string, argv: string[], env: Record<string, string> = {}): Promise<UserError> {
  try { await migrate(dir, argv, env); } catch (err) { assert.ok(err instanceof UserError, String(err)); return err; }
  assert.fail('expected a UserError');
}

const HADOLINT = 'ignored: [DL3008]\noverride:\n  error: [DL3002]\ntrustedRegistries: [docker.io]\n';

describe('tightship migrate hadolint', () => {
  it('writes .tightship.yaml that the config loader reads back, and lists every setting', async () => {
    const dir = await folder({ '.hadolint.yaml': HADOLINT });
    const r = await migrate(dir, ['hadolint']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /wrote \.tightship\.yaml from \.hadolint\.yaml/);
    assert.match(r.stderr, /ignored: honoured/);
    assert.match(r.stderr, /trustedRegistries: honoured/);
    const loaded = await loadConfigFile(path.join(dir, '.tightship.yaml'), catalogue());
    assert.deepEqual(loaded.rules['dockerfile/apt-get-unpinned'], { severity: 'off' });
    assert.deepEqual(loaded.rules['dockerfile/last-user-root'], { severity: 'error' });
    assert.deepEqual(loaded.rules['dockerfile/untrusted-registry'], { options: { allowed: ['docker.io'] } });
    assert.deepEqual(readdirSync(dir).sort(), ['.hadolint.yaml', '.tightship.yaml']); // no temporary file left
  });

  it('reads .hadolint.yml too', async () => {
    const dir = await folder({ '.hadolint.yml': 'failure-threshold: warning\n' });
    await migrate(dir, ['hadolint']);
    assert.equal((await loadConfigFile(path.join(dir, '.tightship.yaml'), catalogue())).failOn, 'warning');
  });

  it('never writes over an existing config without --force', async () => {
    const dir = await folder({ '.hadolint.yaml': HADOLINT, '.tightship.yaml': 'failOn: info\n' });
    const e = await rejects(dir, ['hadolint']);
    assert.match(e.message, /^\.tightship\.yaml already exists; not overwriting it$/);
    assert.equal(await fs.readFile(path.join(dir, '.tightship.yaml'), 'utf8'), 'failOn: info\n');
  });

  it('an existing .tightship.yml also blocks, and --force replaces that file (not a second one)', async () => {
    const dir = await folder({ '.hadolint.yaml': HADOLINT, '.tightship.yml': 'failOn: info\n' });
    await rejects(dir, ['hadolint']);
    const r = await migrate(dir, ['hadolint', '--force']);
    assert.equal(r.code, 0);
    assert.deepEqual(readdirSync(dir).sort(), ['.hadolint.yaml', '.tightship.yml']);
    assert.match(await fs.readFile(path.join(dir, '.tightship.yml'), 'utf8'), /apt-get-unpinned: off/);
  });

  it('--dry-run prints the file and writes nothing', async () => {
    const dir = await folder({ '.hadolint.yaml': HADOLINT, '.tightship.yaml': 'failOn: info\n' });
    const r = await migrate(dir, ['hadolint', '--dry-run']);
    assert.match(r.stdout, /^# Translated from \.hadolint\.yaml/);
    assert.match(r.stdout, /dockerfile\/last-user-root: error/);
    assert.equal(await fs.readFile(path.join(dir, '.tightship.yaml'), 'utf8'), 'failOn: info\n');
  });

  it('HADOLINT_* variables alone are enough', async () => {
    const dir = await folder({});
    const r = await migrate(dir, ['hadolint', '--dry-run'], { HADOLINT_NOFAIL: '1' });
    assert.match(r.stdout, /Translated from HADOLINT_\* variables/);
    assert.match(r.stdout, /^failOn: none$/m);
  });

  it('clear errors: nothing to migrate, unknown source, bad YAML, stray argument', async () => {
    const empty = await folder({});
    assert.match((await rejects(empty, ['hadolint'])).message, /^no \.hadolint\.yaml or \.hadolint\.yml in /);
    assert.match((await rejects(empty, ['eslint'])).message, /^cannot migrate from 'eslint'$/);
    assert.match((await rejects(empty, [])).message, /missing what to migrate from/);
    assert.match((await rejects(empty, ['hadolint', 'x'])).message, /unexpected argument 'x'/);
    assert.match((await rejects(empty, ['hadolint', '--forse'])).message, /did you mean '--force'/);
    const bad = await folder({ '.hadolint.yaml': 'ignored: [DL3008\n' });
    assert.match((await rejects(bad, ['hadolint'])).message, /^invalid YAML in \.hadolint\.yaml/);
    assert.deepEqual(readdirSync(bad), ['.hadolint.yaml']);
  });

  it('--help prints the usage', async () => {
    const r = await migrate(tmp, ['--help']);
    assert.match(r.stdout, /^Usage: tightship migrate hadolint/);
  });
});
