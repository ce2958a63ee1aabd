import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import { parseShell, shellCommands } from '../../../src/targets/dockerfile/shell.js';
import type { ShellCommand } from '../../../src/targets/dockerfile/model.js';

const argvs = (cmds: ShellCommand[]) => cmds.map((c) => c.argv);
const runCmds = (text: string) => {
  const m = parseDockerfile(text, { path: 'Dockerfile' });
  const run = m.instructions.find((i) => i.keyword === 'RUN');
  assert.ok(run);
  return shellCommands(run, m);
};

describe('splitting on operators', () => {
  const table: [string, string[][], (string | null)[]][] = [
    ['a && b || c; d | e & f', [['a'], ['b'], ['c'], ['d'], ['e'], ['f']], ['&&', '||', ';', '|', '&', null]],
    ['a\nb\n\nc', [['a'], ['b'], ['c']], ['\n', '\n', null]],
    ['a;', [['a']], [null]],
    ['a &', [['a']], ['&']],
    ['a |& b', [['a'], ['b']], ['|', null]],
    ['a&&b||c', [['a'], ['b'], ['c']], ['&&', '||', null]],
    ['echo a#b # comment && no', [['echo', 'a#b']], [null]],
  ];
  for (const [src, argv, next] of table) {
    it(JSON.stringify(src), () => {
      const cmds = parseShell(src);
      assert.deepEqual(argvs(cmds), argv);
      assert.deepEqual(cmds.map((c) => c.next), next);
    });
  }
});

describe('words: quotes and escapes', () => {
  const table: [string, string[]][] = [
    [`echo 'a b' "c d" e\\ f`, ['echo', 'a b', 'c d', 'e f']],
    [`echo "a \\"q\\" \\$x \\\\ \\n"`, ['echo', 'a "q" $x \\ \\n']],
    [`echo 'it'"'"'s'`, ['echo', "it's"]],
    [`echo $'a\\tb\\x41'`, ['echo', 'a\tbA']],
    [`echo pre"mid"'post'`, ['echo', 'premidpost']],
    [`echo a\\\nb`, ['echo', 'ab']],
    [`echo "" ''`, ['echo', '', '']],
    [`echo $HOME "\${X:-y}" $x$y`, ["echo", "$HOME", "${X:-y}", "$x$y"]],
    [`echo {a,b} *.txt ~/x [ab]`, ['echo', '{a,b}', '*.txt', '~/x', '[ab]']],
  ];
  for (const [src, argv] of table) {
    it(JSON.stringify(src), () => { assert.deepEqual(argvs(parseShell(src, 1, { unwrap: false })), [argv]); });
  }
});

describe('assignments and redirections', () => {
  it('strips leading assignments; assignment-only commands have an empty name', () => {
    const cmds = parseShell('A=1 B="x y" make install; C=2; echo D=3');
    assert.deepEqual(cmds.map((c) => [c.name, c.assignments, c.argv]), [
      ['make', ['A=1', 'B=x y'], ['make', 'install']],
      ['', ['C=2'], []],
      ['echo', [], ['echo', 'D=3']],
    ]);
  });
  it('keeps redirections out of argv', () => {
    const cmds = parseShell('echo hi > /tmp/x 2>&1 &>>log <in; cat <<< "s"; >empty');
    assert.deepEqual(argvs(cmds), [['echo', 'hi'], ['cat']]);
  });
  it('strips paths from the name', () => {
    assert.equal(parseShell('/usr/bin/apt-get update')[0].name, 'apt-get');
  });
  it('array assignments', () => {
    assert.deepEqual(parseShell('a=(1 2 3) b+=x cmd')[0].assignments, ['a=(1 2 3)', 'b+=x']);
  });
});

describe('descending into compound commands and substitutions', () => {
  const table: [string, string[][]][] = [
    ['(cd /x && make) | tee log', [['cd', '/x'], ['make'], ['tee', 'log']]],
    ['{ a; b; } > out', [['a'], ['b']]],
    ['echo $(whoami) `id -u` "$(hostname -f)"', [['echo', '$(whoami)', '`id -u`', '$(hostname -f)'], ['whoami'], ['id', '-u'], ['hostname', '-f']]],
    ['x=$(cat $(ls))', [[], ['cat', '$(ls)'], ['ls']]],
    ['if [ -f a ]; then b; elif c; then d; else e; fi', [['[', '-f', 'a', ']'], ['b'], ['c'], ['d'], ['e']]],
    ['for f in $(ls) a b; do rm "$f"; done', [['ls'], ['rm', '$f']]],
    ['while read l; do echo "$l"; done < file', [['read', 'l'], ['echo', '$l']]],
    ['until a; do b; done', [['a'], ['b']]],
    ['case "$x" in a|b) one ;; (c) two; three ;; *) ;; esac; after', [['one'], ['two'], ['three'], ['after']]],
    ['f() { inner; }; f', [['inner'], ['f']]],
    ['function g { inner; }', [['inner']]],
    ['! grep -q x file', [['grep', '-q', 'x', 'file']]],
    ['time make -j4', [['make', '-j4']]],
    ['[[ -n $(a) ]] && b', [['a'], ['b']]],
    ['echo $((1 + $(nproc)))', [['echo', '$((1 + $(nproc)))'], ['nproc']]],
    ['diff <(sort a) >(cat)', [['diff', '<(sort a)', '>(cat)'], ['sort', 'a'], ['cat']]],
    ['for ((i=0; i<3; i++)); do x; done', [['x']]],
    ['echo done fi then', [['echo', 'done', 'fi', 'then']]],
  ];
  for (const [src, argv] of table) {
    it(JSON.stringify(src), () => { assert.deepEqual(argvs(parseShell(src, 1, { unwrap: false })), argv); });
  }
  it('reads shell heredocs inside scripts', () => {
    const cmds = parseShell('cat <<EOF > /etc/x\nnot a command\nEOF\necho after\n');
    assert.deepEqual(argvs(cmds), [['cat'], ['echo', 'after']]);
    assert.deepEqual(cmds.map((c) => c.line), [1, 4]);
  });
  it('never throws on broken or hostile input', () => {
    for (const src of ['echo "unterminated', "echo 'x", 'a $(b', 'if then fi', '))) ;;', 'case', '`', '$(('.repeat(5000), '('.repeat(10000), '{ '.repeat(5000), '$('.repeat(20000), 'if '.repeat(20000), '`\\`'.repeat(5000), 'sh -c "'.repeat(200), '\u0000\uFFFD']) {
      assert.ok(Array.isArray(parseShell(src)));
    }
  });
  it('ends on a for/select word list holding a redirection or a parenthesis', () => {
    // each of these looped forever: the word list stopped on a character no word starts with
    assert.deepEqual(argvs(runCmds('FROM alpine\nRUN for f in *.txt 2>/dev/null; do echo $f; done\n')), [['echo', '$f']]);
    for (const kw of ['for', 'select']) {
      for (const odd of ['2>/dev/null', '<in', '>out', 'a(b', '(', ')x', '<(ls)', '>>x 2>&1']) {
        const cmds = parseShell(`${kw} f in a ${odd} b; do echo $f; done; tail`);
        assert.deepEqual(argvs(cmds).at(-1), ['tail'], `${kw} … ${odd}`);
      }
    }
    // and a generated script of many such loops is read in one pass
    const many = Array.from({ length: 2000 }, (_, i) => `for f${i} in x 2>/dev/null <y (z; do echo ${i}; done`).join('\n');
    assert.equal(parseShell(many).length, 2000);
  });
});

describe('unwrapping wrappers', () => {
  const table: [string, string, string[], string[], string[]][] = [
    ['sudo apt-get install -y curl', 'apt-get', ['apt-get', 'install', '-y', 'curl'], ['sudo'], []],
    ['sudo -E -u root -- npm i', 'npm', ['npm', 'i'], ['sudo'], []],
    ['sudo --user=app make', 'make', ['make'], ['sudo'], []],
    ['env -i PATH=/bin DEBIAN_FRONTEND=noninteractive apt-get update', 'apt-get', ['apt-get', 'update'], ['env'], ['PATH=/bin', 'DEBIAN_FRONTEND=noninteractive']],
    ['exec -a name gunicorn app', 'gunicorn', ['gunicorn', 'app'], ['exec'], []],
    ['command -p ls', 'ls', ['ls'], ['command'], []],
    ['nohup ./server &', 'server', ['./server'], ['nohup'], []],
    ['sudo sh -c "apt-get update"', 'apt-get', ['apt-get', 'update'], ['sudo', 'sh -c'], []],
    ['/bin/bash -euxo pipefail -c \'curl -fsSL x | sh\'', 'curl', ['curl', '-fsSL', 'x'], ['bash -c'], []],
  ];
  for (const [src, name, argv, via, assigns] of table) {
    it(src, () => {
      const [c] = parseShell(src);
      assert.deepEqual([c.name, c.argv, c.via, c.assignments], [name, argv, via, assigns]);
    });
  }
  it('keeps what is not a wrapped command', () => {
    assert.deepEqual(argvs(parseShell('command -v git; sudo -v; env; sh script.sh; exec')),
      [['command', '-v', 'git'], ['sudo', '-v'], ['env'], ['sh', 'script.sh'], ['exec']]);
  });
  it('sh -c script yields each command, the last taking the outer operator', () => {
    const cmds = parseShell('sh -c "a && b" && c');
    assert.deepEqual(cmds.map((c) => [c.argv[0], c.via, c.next]), [['a', ['sh -c'], '&&'], ['b', ['sh -c'], '&&'], ['c', [], null]]);
  });
});

describe('RUN instructions', () => {
  it('shell form with continuation lines: line numbers of the Dockerfile', () => {
    const cmds = runCmds('FROM a\nRUN apt-get update \\\n  && apt-get install -y \\\n     curl \\\n  && rm -rf /var/lib/apt/lists/*\n');
    assert.deepEqual(cmds.map((c) => [c.argv.join(' '), c.line]), [
      ['apt-get update', 2], ['apt-get install -y curl', 3], ['rm -rf /var/lib/apt/lists/*', 5],
    ]);
  });
  it('exec form: argv as written, sh -c unwrapped', () => {
    assert.deepEqual(argvs(runCmds('FROM a\nRUN ["apt-get", "install", "-y", "a b"]\n')), [['apt-get', 'install', '-y', 'a b']]);
    const cmds = runCmds('FROM a\nRUN ["/bin/sh", "-c", "useradd app && chown app /x"]\n');
    assert.deepEqual(cmds.map((c) => [c.argv, c.via]), [[['useradd', 'app'], ['sh -c']], [['chown', 'app', '/x'], ['sh -c']]]);
  });
  it('RUN <<EOF: the body is the script, with its own line numbers', () => {
    const cmds = runCmds('FROM a\nRUN <<EOF\nset -eux\napt-get update\nsudo apt-get install -y x\nEOF\n');
    assert.deepEqual(cmds.map((c) => [c.argv.join(' '), c.line, c.via]), [
      ['set -eux', 3, []], ['apt-get update', 4, []], ['apt-get install -y x', 5, ['sudo']],
    ]);
  });
  it('RUN bash <<EOF and RUN --mount… <<-EOF parse the body', () => {
    assert.deepEqual(argvs(runCmds('FROM a\nRUN bash -e <<EOF\nmake\nEOF\n')), [['make']]);
    assert.deepEqual(argvs(runCmds('FROM a\nRUN --mount=type=cache,target=/x <<-EOF\n\tmake\n\tEOF\n')), [['make']]);
  });
  it('RUN cat <<EOF > file: the body is data', () => {
    assert.deepEqual(argvs(runCmds('FROM a\nRUN cat <<EOF > /etc/app.conf\nrm -rf /\nEOF\n')), [['cat']]);
  });
  it('RUN python3 <<EOF and a non-shell shebang are not shell', () => {
    assert.deepEqual(argvs(runCmds('FROM a\nRUN python3 <<EOF\nimport os\nEOF\n')), [['python3']]);
    assert.deepEqual(argvs(runCmds('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n')), []);
    assert.deepEqual(argvs(runCmds('FROM a\nRUN <<EOF\n#!/bin/bash\necho 1\nEOF\n')), [['echo', '1']]);
  });
  it('a PowerShell or cmd SHELL: no POSIX commands', () => {
    assert.deepEqual(runCmds('FROM w\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest x; echo y\n'), []);
    assert.deepEqual(argvs(runCmds('FROM w\nSHELL ["/bin/bash", "-c"]\nRUN echo y\n')), [['echo', 'y']]);
    // Docker's default shell on Windows images is cmd /S /C
    assert.deepEqual(runCmds('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app && echo y\n'), []);
    assert.deepEqual(runCmds('FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-1809 AS b\nFROM b\nRUN dir\n'), []);
    assert.deepEqual(argvs(runCmds('FROM mcr.microsoft.com/dotnet/sdk:8.0-bookworm-slim\nRUN dir\n')), [['dir']]);
  });
  it('is split once by the parser (instr.commands) and empty for other instructions', () => {
    const m = parseDockerfile('FROM a\nRUN echo 1\nCMD echo 2\nONBUILD RUN echo 3\n', { path: 'Dockerfile' });
    const [, run, cmd, onbuild] = m.instructions;
    assert.deepEqual(argvs(run.commands), [['echo', '1']]);
    assert.equal(shellCommands(run, m), run.commands);
    assert.deepEqual(cmd.commands, []);
    assert.deepEqual(onbuild.commands, []);
  });
});

describe('word offsets in the Dockerfile', () => {
  const wordsOf = (text: string) => {
    const m = parseDockerfile(text, { path: 'Dockerfile' });
    return m.instructions.filter((i) => i.keyword === 'RUN').flatMap((i) => i.commands)
      .map((c) => c.spans.map((s) => (s ? m.text.slice(s.start, s.end) : null)));
  };
  it('through continuation lines, quotes, sudo and sh -c', () => {
    assert.deepEqual(wordsOf('FROM a\nRUN apt-get update && \\\n    sudo apt-get install -y "curl" \\\n  git\n'),
      [['apt-get', 'update'], ['apt-get', 'install', '-y', '"curl"', 'git']]);
    assert.deepEqual(wordsOf(`FROM a\nRUN sh -c 'pip install x && echo "$y"'\n`), [['pip', 'install', 'x'], ['echo', '"$y"']]);
    // a script built with escapes: its words are where their characters are written
    assert.deepEqual(wordsOf('FROM a\nRUN sh -c "pip install \\"x\\""\n'), [['pip', 'install', '\\"x\\"']]);
    // a script given as $'…' is not written as such: no offsets for its words
    assert.deepEqual(wordsOf("FROM a\nRUN sh -c $'pip install x'\n"), [[null, null, null]]);
  });
  it('past a continuation line that starts with a non-ASCII blank (placed as the parser reads the arguments)', () => {
    // the parser keeps the line (a word "\u00a0#"); the places were once taken from a reading that dropped it
    assert.deepEqual(wordsOf('FROM a\nRUN apk add \\\n  \u00a0# x \\\n  curl\n'), [['apk', 'add', '\u00a0#', 'x', 'curl']]);
  });
  it('in the JSON form: the string literals, through JSON escapes and continuations', () => {
    assert.deepEqual(wordsOf('FROM a\nRUN ["apt-get", "install", \\\n  "x\\u0079"]\n'), [['"apt-get"', '"install"', '"x\\u0079"']]);
    const m = parseDockerfile('FROM a\nRUN ["apk", "add", "x\\"y"]\n', { path: 'Dockerfile' });
    const spans = m.instructions[1].commands[0].spans;
    // the value is verbatim inside the quotes unless an escape changes it
    assert.deepEqual(spans.map((s) => s && (s.value === null ? null : m.text.slice(s.value, s.end - 1))), ['apk', 'add', null]);
    assert.ok(spans.every((s) => s?.json === true));
    // a script given to sh -c as a JSON string
    assert.deepEqual(wordsOf('FROM a\nRUN ["sh", "-c", "apk add \\"x\\" && echo \\u0079"]\n'), [['apk', 'add', '\\"x\\"'], ['echo', '\\u0079']]);
  });
  it('in backticks, nested ones included', () => {
    assert.deepEqual(wordsOf('FROM a\nRUN echo `apk add \\`which x\\``\n'),
      [['echo', '`apk add \\`which x\\``'], ['apk', 'add', '\\`which x\\`'], ['which', 'x']]);
  });
  it('keeps the wrapper words it drops, with their places', () => {
    const wrappers = (text: string) => {
      const m = parseDockerfile(text, { path: 'Dockerfile' });
      return m.instructions.filter((i) => i.keyword === 'RUN').flatMap((i) => i.commands)
        .map((c) => c.wrappers.map((w) => [w.word, w.span ? m.text.slice(w.span.start, w.span.end) : null]));
    };
    assert.deepEqual(wrappers('FROM a\nRUN sudo -u app env A=1 sh -c "exec make"\n'),
      [[['sudo', 'sudo'], ['env', 'env'], ['sh', 'sh'], ['exec', 'exec']]]);
    assert.deepEqual(wrappers('FROM a\nRUN ["/usr/bin/sudo", "apk", "add", "x"]\n'), [[['/usr/bin/sudo', '"/usr/bin/sudo"']]]);
    assert.deepEqual(wrappers("FROM a\nRUN sudo sh -c 'a; b'\n"), [[['sudo', 'sudo'], ['sh', 'sh']], [['sudo', 'sudo'], ['sh', 'sh']]]);
    // and their own arguments
    const m = parseDockerfile('FROM a\nRUN sudo -u app env A=1 sh -e -c "exec make"\n', { path: 'Dockerfile' });
    assert.deepEqual(m.instructions[1].commands[0].wrappers.map((w) => w.args), [['-u', 'app'], ['A=1'], ['-e', '-c'], []]);
  });
  it('in heredoc bodies and with the backtick escape', () => {
    assert.deepEqual(wordsOf('FROM a\nRUN <<EOF\napk add curl\nEOF\n'), [['apk', 'add', 'curl']]);
    assert.deepEqual(wordsOf('# escape=`\nFROM a\nRUN apk add `\n  curl\n'), [['apk', 'add', 'curl']]);
    assert.deepEqual(wordsOf('FROM a\r\nRUN apk add \\\r\n  curl\r\n'), [['apk', 'add', 'curl']]);
    // line by line: a <<- body without its leading tabs, a body with \r\n line ends
    assert.deepEqual(wordsOf('FROM a\nRUN <<-EOF\n\tapk add curl\n\t\tapk del x\n\tEOF\n'), [['apk', 'add', 'curl'], ['apk', 'del', 'x']]);
    assert.deepEqual(wordsOf('FROM a\r\nRUN <<EOF\r\napk add curl\r\napk del x\r\nEOF\r\n'), [['apk', 'add', 'curl'], ['apk', 'del', 'x']]);
  });
});
