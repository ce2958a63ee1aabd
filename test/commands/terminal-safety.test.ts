// Nothing in an audited file or a file name acts on the terminal: escape sequences, carriage
// returns and newlines from Dockerfiles and paths reach the pretty report (and the error lines)
// as visible characters, on real files through main().
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli-io.js';
import { terminalText } from '../../src/report/terminal.js';
import { useTempDir } from '../helpers/temp-dir.js';

let tmp = '';
const write = useTempDir('tightship-tty-', (dir) => { tmp = dir; });

/** The report's own SGR colour sequences. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');

/** Every ESC in the text starts one of the report's own SGR colour sequences. */
function onlyOwnEscapes(text: string): boolean {
  return !text.replace(SGR, '').includes('\u001b');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('pretty output is inert on a terminal', () => {
  it('a Dockerfile line with \\x1b[2J, an OSC 52 clipboard write, a CR and a bidi override', async () => {
    await write('app/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl \u001b[2J\u001b]52;c;ZXZpbA==\u0007 \rUSER fake \u202e\nUSER root\n');
    for (const color of ['--no-color', '--color']) {
      const r = await runCli(['lint', 'app/Dockerfile', color], tmp);
      assert.equal(r.code, 1);
      assert.ok(onlyOwnEscapes(r.stdout), JSON.stringify(r.stdout));
      assert.ok(!r.stdout.includes('\r') && !r.stdout.includes('\u0007') && !r.stdout.includes('\u202e'));
      // the line is shown, its controls as visible pictures, and the caret still under the command
      const frame = r.stdout.split('\n').find((l) => l.includes('apk add curl'));
      assert.ok(frame?.includes('\u241b[2J\u241b]52;c;ZXZpbA==\u2407 \u240dUSER fake \ufffd'), frame);
      const lines = r.stdout.replace(SGR, '').split('\n');
      const at = lines.findIndex((l) => l.includes('apk add curl'));
      assert.equal(lines[at].indexOf('apk add'), lines[at + 1].indexOf('^'), 'columns are kept');
    }
  });

  it('a folder whose name holds a newline and an escape sequence cannot forge report lines', async () => {
    const name = 'svc\n\u001b[32m✔ 0 targets\u001b[0m';
    await write(`${name}/Dockerfile`, 'FROM alpine:3.20\nUSER root\n');
    const r = await runCli(['lint', '.', '--no-color'], tmp);
    assert.ok(!r.stdout.includes('\u001b'), JSON.stringify(r.stdout));
    assert.ok(!r.stdout.split('\n').some((l) => l.startsWith('\u001b[32m✔') || l.startsWith('✔ 0 targets')), 'no forged summary line');
    assert.ok(r.stdout.includes(`svc\u240a\u241b[32m✔ 0 targets\u241b[0m/Dockerfile`), r.stdout);
    // every report line stays one line: the summary is the only line starting with a mark
    assert.equal(r.stdout.split('\n').filter((l) => /^[✖!✔] /.test(l)).length, 1);
    // JSON keeps the real name (it is escaped by JSON itself)
    const json = await runCli(['lint', '.', '--format', 'json'], tmp);
    assert.ok((JSON.parse(json.stdout) as { results: { target: { path: string } }[] }).results.some((x) => x.target.path === `${name}/Dockerfile`));
  });

  it('error lines name hostile paths inertly', async () => {
    const bad = 'no\u001b[2Jsuch\nfile';
    const missing = await runCli(['lint', bad, '--no-color'], tmp);
    assert.ok(!CONTROL.test(missing.stdout.replace(/\n/g, '')), JSON.stringify(missing.stdout));
    assert.match(missing.stdout, /no\u241b\[2Jsuch\u240afile/);
    const config = await runCli(['lint', '.', '--config', bad], tmp);
    assert.equal(config.code, 2);
    assert.equal(config.stderr.split('\n').filter(Boolean).length, 2, JSON.stringify(config.stderr));
    assert.ok(!CONTROL.test(config.stderr.replace(/\n/g, '')), JSON.stringify(config.stderr));
    const command = await runCli([`lnt\u001b[2J`], tmp);
    assert.ok(!command.stderr.includes('\u001b'));
  });

  it('terminalText maps each control to one visible character and keeps text alone', () => {
    assert.equal(terminalText('plain text, ünïcode ✔'), 'plain text, ünïcode ✔');
    assert.equal(terminalText('a\u0000b\u001bc\u007fd\u009be\nf\tg'), 'a\u2400b\u241bc\u2421d\ufffde\u240af\u2409g');
    assert.equal(terminalText('a\tb', true), 'a\tb');
    assert.equal(terminalText('x\u2028y\u2066z').length, 5);
  });
});
