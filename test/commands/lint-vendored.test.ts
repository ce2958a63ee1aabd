// `lint DIR` does not search vendored third-party trees (a Go module's vendor/, Composer's vendor/,
// Bundler's vendor/bundle, a Python virtualenv): they are listed under `skipped` with why, and
// a path named on the command line is still linted. Real trees in a temp dir.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { scanTree, vendoredTree } from '../../src/targets/project/tree.js';

const roots: string[] = [];
after(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tightship-vendor-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

interface Report { results: { target: { kind: string; path: string } }[]; skipped?: { path: string; reason: string }[] }

async function lint(cwd: string, args: string[]): Promise<Report> {
  const r = await runCli(['lint', ...args, '--format', 'json', '--fail-on', 'none'], cwd);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as Report;
}

const DF = 'FROM alpine:3.20\nCMD ["true"]\n';

describe('vendored trees', () => {
  it('a Go module vendor/ is skipped with its reason; a vendor/ without modules.txt is searched', async () => {
    const root = tree({
      'go.mod': 'module example.com/app\n',
      'vendor/modules.txt': '# github.com/x/y v1.0.0\n',
      'vendor/github.com/x/y/Dockerfile': DF,
      'vendor/github.com/x/y/docker-compose.yml': 'services:\n  a:\n    image: alpine\n    privileged: true\n',
      'Dockerfile': DF,
      'web/vendor/Dockerfile': DF,
    });
    const report = await lint(root, ['.']);
    const paths = report.results.map((r) => r.target.path).sort();
    assert.deepEqual(paths, ['Dockerfile', 'web/vendor/Dockerfile']);
    const skipped = (report.skipped ?? []).find((s) => s.path === 'vendor');
    assert.ok(skipped, JSON.stringify(report.skipped));
    assert.match(skipped.reason, /Go module's vendored dependencies/);
  });
  it('a vendored folder named on the command line is linted', async () => {
    const root = tree({ 'go.mod': 'module m\n', 'vendor/modules.txt': '\n', 'vendor/github.com/x/y/Dockerfile': DF });
    const report = await lint(root, ['vendor/github.com/x/y']);
    assert.deepEqual(report.results.map((r) => r.target.path), ['vendor/github.com/x/y/Dockerfile']);
    const whole = await lint(root, ['vendor']);
    assert.deepEqual(whole.results.map((r) => r.target.path), ['vendor/github.com/x/y/Dockerfile']);
  });
  it('knows Composer, Bundler and virtualenv trees, and nothing else', () => {
    const files = new Set(['composer.json', 'vendor/autoload.php', 'app/Gemfile', 'app/vendor/bundle/x', 'env/pyvenv.cfg', 'lib/vendor/modules.txt']);
    const has = (f: string) => files.has(f);
    assert.match(vendoredTree('vendor', has) ?? '', /Composer/);
    assert.match(vendoredTree('app/vendor/bundle', has) ?? '', /Bundler/);
    assert.match(vendoredTree('env', has) ?? '', /virtual environment/);
    assert.equal(vendoredTree('lib/vendor', has), null); // no go.mod beside it
    assert.equal(vendoredTree('app/vendor', has), null);
    assert.equal(vendoredTree('src', has), null);
  });
  it('the walk answers from the folders it lists: a marker that is a link to a file counts, one that is a folder or a dangling link does not', () => {
    const root = tree({
      'real.cfg': 'home = /usr\n',
      'go.mod': 'module m\n',
      'a/venv/keep': '',
      'b/venv/pyvenv.cfg/keep': '', // a folder named pyvenv.cfg
      'c/venv/keep': '',
      'deep/x/y/vendor/modules.txt': '\n',
      'deep/x/y/go.mod': 'module n\n',
      'deep/x/z/vendor/modules.txt': '\n', // no go.mod beside it
      'vendor/modules.txt': '\n',
      'shop/Gemfile': 'source "https://rubygems.org"\n',
      'shop/vendor/bundle/gems/keep': '',
    });
    fs.symlinkSync(path.join(root, 'real.cfg'), path.join(root, 'a/venv/pyvenv.cfg'));
    fs.symlinkSync(path.join(root, 'missing.cfg'), path.join(root, 'c/venv/pyvenv.cfg'));
    const t = scanTree(root);
    assert.deepEqual(t.vendored?.map((v) => v.path).sort(), ['a/venv', 'deep/x/y/vendor', 'shop/vendor/bundle', 'vendor']);
    assert.ok(t.dirs.has('b/venv') && t.dirs.has('c/venv') && t.dirs.has('deep/x/z/vendor') && t.dirs.has('shop/vendor'));
    assert.ok(t.files.includes('c/venv/pyvenv.cfg') && t.files.includes('deep/x/z/vendor/modules.txt'));
    assert.ok(!t.files.some((f) => f.startsWith('a/venv/') || f.startsWith('vendor/') || f.startsWith('shop/vendor/bundle/')));
  });
});
