import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { catalogue } from '../../src/rules/index.js';

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-rules-')); });
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe('tightship rules', () => {
  it('text: one line per rule with severity and level', async () => {
    const r = await runCli(['rules'], tmp);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^dockerfile\/last-user-root\s+error\s+nonroot\s+\S/m);
    assert.match(r.stdout, /^tightship\/unused-ignore\s+info\s+-\s+/m);
    assert.match(r.stdout, new RegExp(`^${catalogue().length} rules\\.`, 'm'));
  });

  it('json: [{id, target, title, severity, level, equivalents, …}] for every rule, sorted', async () => {
    const r = await runCli(['rules', '--format', 'json'], tmp);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(list.length, catalogue().length);
    assert.deepEqual(list.map((x) => x.id), [...list.map((x) => x.id as string)].sort());
    const root = list.find((x) => x.id === 'dockerfile/last-user-root');
    assert.ok(root);
    for (const key of ['id', 'target', 'title', 'severity', 'level', 'equivalents']) assert.ok(key in root, key);
    assert.equal(root.target, 'dockerfile');
    assert.equal(root.level, 'nonroot');
    assert.ok((root.equivalents as { hadolint: string[] }).hadolint.includes('DL3002'));
  });

  it('markdown --output DIR: one page per rule in folders by target, and an index', async () => {
    const out = path.join(tmp, 'docs');
    const r = await runCli(['rules', '--format', 'markdown', '--output', out], tmp);
    assert.equal(r.code, 0);
    const page = await fs.readFile(path.join(out, 'dockerfile/last-user-root.md'), 'utf8');
    assert.match(page, /^# dockerfile\/last-user-root\n/);
    for (const section of ['## Why it matters', '## How to fix', '## Examples', '## Equivalents', '## References']) assert.ok(page.includes(section), section);
    assert.match(page, /```dockerfile\n/);
    assert.match(page, /\| hadolint \| `DL3002` \|/);
    const index = await fs.readFile(path.join(out, 'README.md'), 'utf8');
    assert.match(index, /\[dockerfile\/last-user-root\]\(dockerfile\/last-user-root\.md\)/);
    const upgrade = await fs.readFile(path.join(out, 'dockerfile/package-upgrade.md'), 'utf8');
    assert.match(upgrade, /## Options[\s\S]*`packageUpgrades` \| `"ignore"` \| `forbid`, `require`, `ignore`/);
    const again = await runCli(['rules', '--format', 'markdown', '--output', out], tmp);
    assert.match(again.stderr, /, 0 updated\n/);
    // a page of a rule that no longer exists is removed; a hand-written page is kept
    const stale = page.replace(/dockerfile\/last-user-root/g, 'dockerfile/retired-rule');
    await fs.writeFile(path.join(out, 'dockerfile/retired-rule.md'), stale);
    await fs.writeFile(path.join(out, 'dockerfile/notes.md'), '# my notes\n');
    const third = await runCli(['rules', '--format', 'markdown', '--output', out], tmp);
    assert.match(third.stderr, /, 1 stale page\(s\) removed/);
    assert.deepEqual((await fs.readdir(path.join(out, 'dockerfile'))).filter((n) => n === 'retired-rule.md' || n === 'notes.md'), ['notes.md']);
  });

  it('bad format or a file as the output folder: exit 2', async () => {
    assert.equal((await runCli(['rules', '--format', 'yaml'], tmp)).code, 2);
    const file = path.join(tmp, 'a-file');
    await fs.writeFile(file, 'x');
    const r = await runCli(['rules', '--format', 'markdown', '--output', file], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a file/);
  });
});

describe('main', () => {
  it('--version, --help, unknown command', async () => {
    assert.match((await runCli(['--version'], tmp)).stdout, /^\d+\.\d+\.\d+\n$/);
    const help = await runCli(['--help'], tmp);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /lint PATH\.\.\./);
    const unknown = await runCli(['lnit'], tmp);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'lnit'/);
  });
});
