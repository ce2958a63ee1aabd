// Runs the real ShellCheck (Debian's shellcheck package; CI installs it); the tests that need it
// are skipped, with the reason, where it is not installed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import {
  dialectOfShebang, dialectOfShell, dockerfileScripts, prepareScript, runShellcheck,
  type ShellScript, type ShellcheckFinding, type ShellDialect,
} from '../../../src/targets/dockerfile/shellcheck.js';
import { SHELLCHECK_MISSING as skip } from '../../helpers/shellcheck.js';

/** The scripts of a Dockerfile as the target's load step would build them: each RUN in shell form
 *  from its arguments to the end of the instruction, and each heredoc body. */
function scriptsOf(text: string, dialect: ShellDialect = 'sh', variables: string[] = []): ShellScript[] {
  const m = parseDockerfile(text, { path: 'Dockerfile', buildArgs: {} });
  const lineStart = (line: number) => text.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const out: ShellScript[] = [];
  for (const i of m.instructions) {
    if (i.keyword !== 'RUN' || i.json) continue;
    if (i.heredocs.length) {
      for (const h of i.heredocs) out.push({ text: h.body, dialect, heredoc: true, variables, start: { line: h.bodyStartLine, column: 1, offset: lineStart(h.bodyStartLine) } });
      continue;
    }
    out.push({ text: text.slice(i.argsRange.start.offset, i.range.end.offset), dialect, variables, start: i.argsRange.start });
  }
  return out;
}

async function check(text: string, opts: Parameters<typeof runShellcheck>[1] = {}, dialect: ShellDialect = 'sh', variables: string[] = []) {
  const r = await runShellcheck(scriptsOf(text, dialect, variables), opts);
  assert.equal(r.status, 'ok', JSON.stringify(r));
  return r.findings;
}
const codes = (fs: ShellcheckFinding[]) => fs.map((f) => f.code).sort();
const at = (text: string, f: ShellcheckFinding) => text.slice(f.range.start.offset, f.range.end.offset);

describe('shellcheck: positions in the Dockerfile', { skip }, () => {
  it('maps line, column and offset through flags, continuations and a dropped comment line', async () => {
    const text = 'FROM debian:12\nRUN --mount=type=cache,target=/a echo $foo \\\n  # a comment Docker drops\n  && echo done $1\n';
    const fs = await check(text, { exclude: [] });
    const sc2154 = fs.find((f) => f.code === 'SC2154');
    assert.ok(sc2154);
    assert.deepEqual(sc2154.range.start, { line: 2, column: 39, offset: 53 });
    assert.equal(at(text, sc2154), '$foo');
    const dollar1 = fs.find((f) => f.code === 'SC2086' && f.range.start.line === 4);
    assert.ok(dollar1);
    assert.equal(dollar1.range.start.column, 16);
    assert.equal(at(text, dollar1), '$1');
  });

  it('counts columns in UTF-16 units, like the rest of tightship', async () => {
    const text = 'FROM debian:12\nRUN echo "😀é" $x\n';
    const f = (await check(text)).find((x) => x.code === 'SC2086');
    assert.ok(f);
    assert.equal(at(text, f), '$x');
    assert.equal(f.range.start.column, 'RUN echo "😀é" '.length + 1);
  });

  it('heredoc bodies are checked line for line', async () => {
    const text = 'FROM debian:12\nRUN <<EOF\nset -e\necho $x\nEOF\n';
    const f = (await check(text)).find((x) => x.code === 'SC2086');
    assert.ok(f);
    assert.deepEqual([f.range.start.line, f.range.start.column, at(text, f)], [4, 6, '$x']);
  });

  it('CRLF line endings and trailing blanks after the escape are read as Docker reads them', async () => {
    const text = 'FROM debian:12\r\nRUN echo a \\  \r\n  && echo $y\r\n';
    const fs = await check(text);
    assert.ok(!fs.some((f) => f.code === 'SC1017'), 'no carriage-return finding');
    assert.ok(!fs.some((f) => f.code === 'SC1004' || f.level === 'error'), JSON.stringify(fs));
    const y = fs.find((f) => f.code === 'SC2086');
    assert.ok(y);
    assert.equal(at(text, y), '$y');
  });

  it('a backtick escape (# escape=`) still continues the line', async () => {
    const text = '# escape=`\nFROM debian:12\nRUN echo a `\n  && echo $Z\n';
    const m = parseDockerfile(text, { path: 'Dockerfile', buildArgs: {} });
    const run = m.instructions.find((i) => i.keyword === 'RUN');
    assert.ok(run);
    const r = await runShellcheck([{ text: text.slice(run.argsRange.start.offset, run.range.end.offset), dialect: 'sh', start: run.argsRange.start, escape: '`' }]);
    assert.equal(r.status, 'ok');
    const fs = r.findings;
    assert.deepEqual(codes(fs), ['SC2086']);
    assert.equal(at(text, fs[0]), '$Z');
  });
});

describe('shellcheck: dialects, variables, exclusions', { skip }, () => {
  const BASHISM = 'FROM debian:12\nRUN if [[ -n "$HOME" ]]; then echo yes; fi\n';
  it('bash syntax is reported under sh and accepted under bash', async () => {
    assert.ok((await check(BASHISM, {}, 'sh')).some((f) => f.code === 'SC3010'));
    assert.deepEqual(await check(BASHISM, {}, 'bash'), []);
  });

  it('ARG/ENV names and the proxy variables in force are not "referenced but not assigned"', async () => {
    const text = 'FROM debian:12\nRUN echo "$version" "$http_proxy" "$other"\n';
    const fs = await check(text, {}, 'sh', ['version']);
    assert.deepEqual(fs.filter((f) => f.code === 'SC2154').map((f) => at(text, f)), ['$other']);
  });

  it("hadolint's exclusions apply by default and can be replaced", async () => {
    const text = 'FROM debian:12\nRUN . /etc/os-release && echo "$ID"\n';
    assert.ok(!(await check(text)).some((f) => f.code === 'SC1091'));
    assert.ok((await check(text, { exclude: [] })).some((f) => f.code === 'SC1091'));
  });

  it('a heredoc with its own shebang uses it; one for another interpreter is skipped', async () => {
    const text = 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nif [[ -n "$HOME" ]]; then echo $Q; fi\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint("$not shell")\nEOF\n';
    const scripts = scriptsOf(text, 'sh');
    const r = await runShellcheck(scripts);
    assert.equal(r.status, 'ok');
    const ok = r;
    assert.deepEqual(ok.skipped, [1]);
    assert.deepEqual(codes(ok.findings), ['SC2086']);
    assert.equal(at(text, ok.findings[0]), '$Q');
    assert.equal(ok.findings[0].range.start.line, 4);
  });

  it('dialectOfShell and dialectOfShebang', () => {
    assert.equal(dialectOfShell(null), 'sh');
    assert.equal(dialectOfShell(['/bin/bash', '-o', 'pipefail', '-c']), 'bash');
    assert.equal(dialectOfShell(['/usr/bin/env', 'bash', '-c']), 'bash');
    assert.equal(dialectOfShell(['/bin/ash', '-c']), 'sh');
    assert.equal(dialectOfShell(['dash', '-c']), 'dash');
    assert.equal(dialectOfShell(['/bin/mksh', '-c']), 'ksh');
    assert.equal(dialectOfShell(['pwsh', '-Command']), null);
    assert.equal(dialectOfShell(['cmd', '/S', '/C']), null);
    assert.equal(dialectOfShell(['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe']), null);
    assert.equal(dialectOfShebang('#!/usr/bin/env ksh\n'), 'ksh');
    assert.equal(dialectOfShebang('#!/usr/bin/python3\n'), null);
    assert.equal(dialectOfShebang('echo hi\n'), undefined);
  });

  it('prepareScript declares the variables on one line after the shebang and maps no finding there', () => {
    const p = prepareScript({ text: 'echo $a', dialect: 'bash', start: { line: 3, column: 5, offset: 20 }, variables: ['a', 'not-a-name'] });
    assert.ok(p);
    const lines = p.script.split('\n');
    assert.equal(lines[0], '#!/bin/bash');
    assert.match(lines[1], /^export HTTP_PROXY=1 .* a=1$/);
    assert.ok(!lines[1].includes('not-a-name'));
    assert.equal(lines[2], 'echo $a');
    assert.deepEqual(p.lines.slice(0, 2), [null, null]);
    assert.deepEqual(p.lines[2], { line: 3, column0: 4, offset: 20, text: 'echo $a' });
  });
});

describe('shellcheck: batches and failures', () => {
  const text = Array.from({ length: 25 }, (_, i) => `RUN echo $v${i} && cd /tmp/${i}`).join('\n');
  const many = `FROM debian:12\n${text}\n`;

  it('one process for the whole batch gives the same findings as one process per script', { skip }, async () => {
    const scripts = scriptsOf(many);
    const batch = await runShellcheck(scripts);
    const single = await runShellcheck(scripts, { batchSize: 1, fresh: true });
    assert.equal(batch.status, 'ok');
    assert.equal(single.status, 'ok');
    const b = batch, s = single;
    assert.equal(b.processes, 1);
    assert.equal(s.processes, 25);
    assert.deepEqual(b.findings, s.findings);
    assert.equal(b.findings.filter((f) => f.code === 'SC2086').length, 25);
    assert.deepEqual([...new Set(b.findings.map((f) => f.script))].length, 25);
    const r = await runShellcheck(scripts, { batchSize: 10, fresh: true });
    assert.equal((r as Extract<typeof r, { status: 'ok' }>).processes, 3);
    // batches run side by side give the same findings, in the same order
    const side = await runShellcheck(scripts, { batchSize: 10, parallel: 3 });
    const one = await runShellcheck(scripts, { batchSize: 10, parallel: 1 });
    assert.deepEqual(side, one);
    assert.deepEqual((side as typeof b).findings, b.findings);
  });

  it('no scripts: no process at all', async () => {
    assert.deepEqual(await runShellcheck([]), { status: 'ok', findings: [], processes: 0, skipped: [] });
  });

  it('a missing binary is a clear "not installed" result', async () => {
    const r = await runShellcheck(scriptsOf('FROM debian:12\nRUN echo $x\n'), { binary: '/nonexistent/shellcheck' });
    assert.equal(r.status, 'not-installed');
    assert.match((r as { message: string }).message, /ShellCheck is not installed .*--no-shellcheck/);
  });

  it('a temporary folder that cannot be written (a read-only root) is a one-line failure, not a crash', async () => {
    // TMPDIR names a regular file: mkdtemp fails for real (ENOTDIR), as it does (EROFS) on a
    // container's read-only root; /bin/sh stands in for a binary that exists
    const file = path.join(os.tmpdir(), `tightship-not-a-dir-${process.pid}`);
    writeFileSync(file, 'x');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = file;
    try {
      const r = await runShellcheck(scriptsOf('FROM debian:12\nRUN echo $x\n'), { binary: '/bin/sh' });
      assert.equal(r.status, 'failed');
      assert.match((r as { message: string }).message, /^ShellCheck was not run: its scripts cannot be written under .* \(ENOTDIR\); set TMPDIR .*--no-shellcheck$/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved;
      rmSync(file, { force: true });
    }
  });

  it('a name not found on PATH is "not installed" before anything is written', async () => {
    const r = await runShellcheck(scriptsOf('FROM debian:12\nRUN echo $x\n'), { binary: 'tightship-no-such-shellcheck' });
    assert.equal(r.status, 'not-installed');
  });

  it('a binary that gives no JSON is a failure with a one-line reason', async () => {
    const r = await runShellcheck(scriptsOf('FROM debian:12\nRUN echo $x\n'), { binary: '/bin/false' });
    assert.equal(r.status, 'failed');
    assert.match((r as { message: string }).message, /^\/bin\/false exited with 1: /);
  });
});

describe('shellcheck: the scripts of a Dockerfile', () => {
  const text = [
    'ARG BASE=debian:12',
    'FROM $BASE AS build',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'ARG version',
    'RUN [[ -n "$version" ]] && echo $v',
    'RUN ["echo", "exec form"]',
    'FROM build AS child',
    'ENV A=1 b=2',
    'RUN [[ -n "$b" ]] && echo $w',
    'ONBUILD RUN echo $o',
    'FROM debian:12',
    'RUN echo $s',
    'SHELL ["pwsh", "-Command"]',
    'RUN Write-Host $env:x',
    '',
  ].join('\n');
  const model = parseDockerfile(text, { path: 'Dockerfile', buildArgs: {} });
  const scripts = dockerfileScripts(model);

  it('takes the SHELL in force (inherited by a child stage), skips exec form and non-POSIX shells', () => {
    assert.deepEqual(scripts.map((s) => [s.instruction.range.start.line, s.dialect]), [[5, 'bash'], [9, 'bash'], [10, 'bash'], [12, 'sh']]);
  });

  it('declares the ARG/ENV names seen so far, inherited from the base stage', () => {
    assert.deepEqual(scripts[0].variables, ['version']);
    assert.deepEqual(scripts[1].variables, ['version', 'A', 'b']);
    assert.deepEqual(scripts[3].variables, []);
  });

  it('ONBUILD RUN in exec form, with or without a blank before it, gives no script (and no crash)', () => {
    for (const line of ['ONBUILD RUN["echo", "x"]', 'ONBUILD RUN ["echo", "x"]', 'ONBUILD RUN --network=none ["echo"]']) {
      assert.deepEqual(dockerfileScripts(parseDockerfile(`FROM alpine\n${line}\n`, { path: 'Dockerfile' })), [], line);
    }
    assert.equal(dockerfileScripts(parseDockerfile('FROM alpine\nONBUILD RUN echo x\n', { path: 'Dockerfile' })).length, 1);
  });

  it('ONBUILD RUN starts after its RUN keyword; every finding lands on the right text', { skip }, async () => {
    assert.deepEqual(scripts[2].start, { line: 10, column: 13, offset: text.indexOf('echo $o') });
    const r = await runShellcheck(scripts);
    assert.equal(r.status, 'ok');
    const fs = r.findings;
    assert.deepEqual(fs.filter((f) => f.code === 'SC2154').map((f) => at(text, f)), ['$v', '$w', '$o', '$s']);
    assert.ok(!fs.some((f) => f.code.startsWith('SC3')), 'bash scripts are not read as sh');
  });
});
