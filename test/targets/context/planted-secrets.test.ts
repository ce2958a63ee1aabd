// No report format ever prints a secret planted in a build context in full.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../helpers/cli-io.js';

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
  after(() => { fs.rmSync(root, { recursive: true, force: true }); });
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
    it(format, async () => {
      const r = await runCli(['lint', '.', '--format', format, '--fail-on', 'none'], root, { NO_COLOR: '1' });
      const out = r.stdout + r.stderr;
      assert.match(out, /credentials-copied/, 'the secrets are reported');
      assert.match(out, /private-key-copied/);
      for (const s of secrets) assert.ok(!out.includes(s), `${format} output holds a planted secret (${s.slice(0, 4)}…)`);
      for (const s of secrets) assert.ok(!out.includes(s.slice(0, 12)), `${format} output holds 12 characters of a planted secret`);
    });
  }
});
