// The real-world corpus's .dockerignore files all parse; and no report format ever prints a
// secret planted in a build context in full.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDockerignore, IgnoreMatcher } from '../../../src/targets/context/ignore.js';
import { runCli } from '../../helpers/cli-io.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/real-world');

function findIgnoreFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findIgnoreFiles(p, out);
    else if (e.name === '.dockerignore') out.push(p);
  }
  return out;
}

describe('real-world .dockerignore files', () => {
  it('the corpus is there', () => assert.ok(fs.existsSync(corpus), `missing corpus at ${corpus} (../shared/corpus/real-world from the repository root)`));
  const files = fs.existsSync(corpus) ? findIgnoreFiles(corpus).sort() : [];
  it('holds the 43 files', () => assert.equal(files.length, 43));
  for (const f of files) {
    it(`parses ${path.relative(corpus, f)}`, () => {
      const parsed = parseDockerignore(fs.readFileSync(f, 'utf8'));
      const m = new IgnoreMatcher(parsed);
      assert.deepEqual(m.problems, []);
      assert.equal(m.rules.length, parsed.rules.length, 'every pattern compiles');
      m.excludes('some/deep/path/file.txt');
    });
  }
});

describe('reports never print a planted secret in full', () => {
  const j = (...p: string[]): string => p.join('');
  const secrets = [
    j('gh', 'p_', 'R4nd0mV4lu3F0rT3st1ngOnly0123456789ab'),
    j('AK', 'IA', 'Z7Q3M2PX5RT8VWNK'),
    j('Hunter', '2-', 'Plant3d-Pw-91'),
    j('a1b2c3d4', '-e5f6-', 'a7b8-c9d0-e1f2a3b4c5d6'),
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  ];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tightship-leak-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'Dockerfile': 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nUSER 10001\n',
    '.env': `GITHUB_TOKEN=${secrets[0]}\nDB_PASSWORD=${secrets[2]}\n`,
    'config/settings.py': `AWS_KEY = "${secrets[1]}"\nDATABASE = "postgres://app:${secrets[2]}@db/app"\n`,
    '.npmrc': `//registry.npmjs.org/:_authToken=${secrets[3]}\n`,
    'deploy/id_ed25519': `${j('-----BEGIN ', 'OPENSSH PRIVATE KEY-----')}\n${secrets[4]}\n${j('-----END ', 'OPENSSH PRIVATE KEY-----')}\n`,
  };
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  for (const format of ['pretty', 'json', 'sarif', 'github']) {
    it(`${format}`, async () => {
      const r = await runCli(['lint', '.', '--format', format, '--fail-on', 'none'], root, { NO_COLOR: '1' });
      const out = r.stdout + r.stderr;
      assert.match(out, /credentials-copied/, 'the secrets are reported');
      assert.match(out, /private-key-copied/);
      for (const s of secrets) assert.ok(!out.includes(s), `${format} output holds a planted secret (${s.slice(0, 4)}…)`);
      for (const s of secrets) assert.ok(!out.includes(s.slice(0, 12)), `${format} output holds 12 characters of a planted secret`);
    });
  }
});
