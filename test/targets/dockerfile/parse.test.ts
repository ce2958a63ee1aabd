import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceRange } from '../../../src/engine/types.js';
import { expandVars, parseDockerfile } from '../../../src/targets/dockerfile/parse.js';
import type { DockerfileModel } from '../../../src/targets/dockerfile/model.js';
import {
  finalChain, isWindowsImage, isWindowsStage, lineRange, lineStart, positionAt, rangeAt, shellAt, stageChain,
} from '../../../src/targets/dockerfile/facts.js';

const parse = (text: string, buildArgs?: Record<string, string>): DockerfileModel =>
  parseDockerfile(text, { path: 'Dockerfile', buildArgs });

/** "line:col-line:col" */
const r = (x: SourceRange): string => `${x.start.line}:${x.start.column}-${x.end.line}:${x.end.column}`;

/** The source text a range covers. */
const at = (m: DockerfileModel, x: SourceRange): string => m.text.slice(x.start.offset, x.end.offset);

describe('parser directives', () => {
  const cases: { name: string; text: string; directives: string[]; escape: string; comments: number }[] = [
    { name: 'syntax and escape at the top', text: '# syntax=docker/dockerfile:1\n# escape=`\nFROM x\n', directives: ['syntax=docker/dockerfile:1', 'escape=`'], escape: '`', comments: 0 },
    { name: 'spaces and upper case', text: '#  ESCAPE = `\nFROM x\n', directives: ['escape=`'], escape: '`', comments: 0 },
    { name: 'check directive', text: '# check=skip=JSONArgsRecommended\nFROM x\n', directives: ['check=skip=JSONArgsRecommended'], escape: '\\', comments: 0 },
    { name: 'after a comment: a comment', text: '# hello\n# escape=`\nFROM x\n', directives: [], escape: '\\', comments: 2 },
    { name: 'after an empty line: a comment', text: '\n# escape=`\nFROM x\n', directives: [], escape: '\\', comments: 1 },
    { name: 'after an unknown directive: a comment', text: '# foo=bar\n# escape=`\nFROM x\n', directives: [], escape: '\\', comments: 2 },
    { name: 'after an instruction: a comment', text: 'FROM x\n# escape=`\n', directives: [], escape: '\\', comments: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = parse(c.text);
      assert.deepEqual(m.directives.map((d) => `${d.name}=${d.value}`), c.directives);
      assert.equal(m.escape, c.escape);
      assert.equal(m.comments.length, c.comments);
      assert.deepEqual(m.parseErrors, []);
    });
  }
  it('has exact ranges', () => {
    const m = parse('# syntax=docker/dockerfile:1\nFROM x\n');
    assert.equal(r(m.directives[0].range), '1:1-1:29');
  });
  it('reports a duplicate and an invalid escape', () => {
    const m = parse('# escape=`\n# escape=\\\nFROM x\n');
    assert.deepEqual(m.parseErrors.map((e) => [e.message, r(e.range)]), [['only one escape parser directive can be used', '2:1-2:11']]);
    assert.equal(m.escape, '`');
    const bad = parse('# escape=x\nFROM x\n');
    assert.match(bad.parseErrors[0].message, /invalid escape token 'x'/);
    assert.equal(bad.escape, '\\');
  });
});

describe('instructions, continuations and comments', () => {
  it('joins continuation lines and keeps exact ranges', () => {
    const m = parse('FROM alpine\nRUN apk add \\\n    curl\n');
    const run = m.instructions[1];
    assert.equal(run.keyword, 'RUN');
    assert.equal(run.args, 'apk add     curl');
    assert.equal(r(run.range), '2:1-3:9');
    assert.equal(r(run.keywordRange), '2:1-2:4');
    assert.equal(r(run.argsRange), '2:5-3:9');
    assert.equal(run.raw, 'RUN apk add \\\n    curl');
    assert.equal(run.stageIndex, 0);
  });
  it('drops comment and empty lines inside a continuation, keeping the comments', () => {
    const m = parse('FROM a\nRUN echo 1 && \\\n  # explain\n\n  echo 2\n');
    const run = m.instructions[1];
    assert.equal(run.args, 'echo 1 &&   echo 2');
    assert.equal(r(run.range), '2:1-5:9');
    assert.deepEqual(m.comments.map((c) => [c.text, r(c.range)]), [['explain', '3:3-3:12']]);
  });
  it('accepts whitespace after the escape character', () => {
    const m = parse('FROM a\nRUN a \\  \n b\n');
    assert.equal(m.instructions[1].args, 'a  b');
  });
  it('uses the backtick escape of Windows Dockerfiles', () => {
    const m = parse('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\ `\n    && echo done\n');
    const run = m.instructions[1];
    assert.equal(run.args, 'dir c:\\     && echo done');
    assert.equal(r(run.range), '3:1-4:17');
  });
  it('handles CRLF line endings', () => {
    const m = parse('FROM a\r\nRUN b \\\r\n c\r\nUSER app\r\n');
    assert.deepEqual(m.instructions.map((i) => [i.keyword, i.args, r(i.range)]), [
      ['FROM', 'a', '1:1-1:7'], ['RUN', 'b  c', '2:1-3:3'], ['USER', 'app', '4:1-4:9'],
    ]);
    assert.ok(m.final); assert.ok(m.final.user);
    assert.equal(m.final.user.value, 'app');
  });
  it('strips a UTF-8 BOM', () => {
    const m = parse('\uFEFF# syntax=docker/dockerfile:1\nFROM a\n');
    assert.equal(m.text.charCodeAt(0), '#'.charCodeAt(0));
    assert.equal(m.directives.length, 1);
    assert.equal(r(m.instructions[0].range), '2:1-2:7');
  });
  it('upper-cases keywords and keeps leading whitespace out of ranges', () => {
    const m = parse('from a\n   run  echo hi  \n');
    assert.deepEqual(m.instructions.map((i) => [i.keyword, i.args, r(i.keywordRange), r(i.argsRange)]), [
      ['FROM', 'a', '1:1-1:5', '1:6-1:7'], ['RUN', 'echo hi', '2:4-2:7', '2:9-2:16'],
    ]);
  });
  it('a continuation swallows the next instruction, as Docker does', () => {
    const m = parse('FROM a\nRUN echo \\\n\nUSER app\n');
    assert.equal(m.instructions.length, 2);
    assert.equal(m.instructions[1].args, 'echo USER app');
  });
  it('keeps comments with their ranges', () => {
    const m = parse('FROM a\n  # hadolint ignore=DL3008\nRUN x\n');
    assert.deepEqual(m.comments.map((c) => [c.text, r(c.range)]), [['hadolint ignore=DL3008', '2:3-2:27']]);
  });
});

describe('flags', () => {
  it('reads every --name[=value] before the arguments, with ranges', () => {
    const m = parse('FROM a\nCOPY --from=build --chown=app:app --chmod=0755 --link src /dst\n');
    const c = m.instructions[1];
    assert.deepEqual(c.flags.map((f) => [f.name, f.value, r(f.range)]), [
      ['from', 'build', '2:6-2:18'], ['chown', 'app:app', '2:19-2:34'], ['chmod', '0755', '2:35-2:47'], ['link', null, '2:48-2:54'],
    ]);
    assert.equal(c.args, 'src /dst');
    assert.equal(r(c.argsRange), '2:55-2:63');
  });
  it('keeps repeated --mount flags and flags on continuation lines', () => {
    const m = parse('FROM a\nRUN --mount=type=cache,target=/root/.cache \\\n    --mount=type=secret,id=npm --network=none npm ci\n');
    const run = m.instructions[1];
    assert.deepEqual(run.flags.map((f) => [f.name, f.value, r(f.range)]), [
      ['mount', 'type=cache,target=/root/.cache', '2:5-2:43'],
      ['mount', 'type=secret,id=npm', '3:5-3:31'],
      ['network', 'none', '3:32-3:46'],
    ]);
    assert.equal(run.args, 'npm ci');
  });
  it('reads HEALTHCHECK options as flags and its CMD exec form as json', () => {
    const m = parse('FROM a\nHEALTHCHECK --interval=30s --start-period=5s CMD ["curl", "-f", "http://localhost/"]\n');
    const h = m.instructions[1];
    assert.deepEqual(h.flags.map((f) => f.name), ['interval', 'start-period']);
    assert.deepEqual(h.json, ['curl', '-f', 'http://localhost/']);
    assert.ok(m.final);
    assert.equal(m.final.healthcheck, h);
  });
  it('lower-cases names, removes quotes in values, stops at --', () => {
    const m = parse('FROM a\nCOPY --CHOWN="app:app" -- --weird /dst\n');
    const c = m.instructions[1];
    assert.deepEqual(c.flags.map((f) => [f.name, f.value]), [['chown', 'app:app']]);
    assert.equal(c.args, '--weird /dst');
  });
  it('reads FROM --platform and resolves it', () => {
    const m = parse('ARG P=linux/arm64\nFROM --platform=$P alpine:3.20 AS base\nFROM --platform=$BUILDPLATFORM alpine:3.20\n');
    assert.equal(m.stages[0].platform, 'linux/arm64');
    assert.equal(m.stages[1].platform, '$BUILDPLATFORM');
    assert.equal(m.stages[0].image, 'alpine:3.20');
  });
});

describe('JSON and shell forms', () => {
  const cases: { args: string; kw: string; json: string[] | null; error: boolean }[] = [
    { kw: 'CMD', args: '["node", "server.js"]', json: ['node', 'server.js'], error: false },
    { kw: 'ENTRYPOINT', args: '[ "tini", "--" ]', json: ['tini', '--'], error: false },
    { kw: 'CMD', args: '[]', json: [], error: false },
    { kw: 'RUN', args: '[ -f /etc/x ] || touch /etc/x', json: null, error: false },
    { kw: 'RUN', args: '[ "$A" = "b" ] && echo', json: null, error: false },
    { kw: 'CMD', args: 'node server.js', json: null, error: false },
    { kw: 'CMD', args: '["node", "server.js"', json: null, error: true },
    { kw: 'CMD', args: "['node', 'server.js']", json: null, error: true },
    { kw: 'ENTRYPOINT', args: '["a", 1]', json: null, error: true },
    { kw: 'COPY', args: '["a b", "/dst/"]', json: ['a b', '/dst/'], error: false },
    { kw: 'SHELL', args: '["/bin/bash", "-o", "pipefail", "-c"]', json: ['/bin/bash', '-o', 'pipefail', '-c'], error: false },
    { kw: 'LABEL', args: '["a"]', json: null, error: false },
  ];
  for (const c of cases) {
    it(`${c.kw} ${c.args}`, () => {
      const m = parse(`FROM a\n${c.kw} ${c.args}\n`);
      assert.deepEqual(m.instructions[1].json, c.json);
      assert.equal(m.parseErrors.length, c.error ? 1 : 0, JSON.stringify(m.parseErrors));
      if (c.error) assert.equal(r(m.parseErrors[0].range), `2:${c.kw.length + 2}-2:${c.kw.length + 2 + c.args.length}`);
    });
  }
  it('SHELL in shell form is an error', () => {
    const m = parse('FROM a\nSHELL /bin/bash -c\n');
    assert.match(m.parseErrors[0].message, /SHELL requires the arguments in JSON form/);
  });
});

describe('heredocs', () => {
  it('RUN <<EOF: body, range, instruction range', () => {
    const m = parse('FROM a\nRUN <<EOF\nset -e\necho hi\nEOF\nUSER app\n');
    const run = m.instructions[1];
    assert.equal(run.args, '<<EOF');
    assert.equal(run.heredocs.length, 1);
    const h = run.heredocs[0];
    assert.deepEqual([h.delimiter, h.body, h.expand, h.stripTabs, h.bodyStartLine, r(h.range)],
      ['EOF', 'set -e\necho hi', true, false, 3, '3:1-5:4']);
    assert.equal(r(run.range), '2:1-5:4');
    assert.equal(m.instructions[2].keyword, 'USER');
    assert.equal(m.instructions.length, 3);
  });
  it('<<-EOF strips leading tabs, quoted delimiters do not expand', () => {
    const m = parse('FROM a\nRUN <<-"EOT"\n\techo $HOME\n\tEOT\nRUN <<\'X\'\nb\nX\n');
    const [h1] = m.instructions[1].heredocs;
    assert.deepEqual([h1.delimiter, h1.body, h1.expand, h1.stripTabs], ['EOT', 'echo $HOME', false, true]);
    const [h2] = m.instructions[2].heredocs;
    assert.deepEqual([h2.delimiter, h2.body, h2.expand], ['X', 'b', false]);
  });
  it('several heredocs on one line read their bodies in order', () => {
    const m = parse('FROM a\nCOPY <<A <<B /dst/\none\nA\ntwo\nB\nCMD ["x"]\n');
    const c = m.instructions[1];
    assert.deepEqual(c.heredocs.map((h) => [h.delimiter, h.body, r(h.range)]), [['A', 'one', '3:1-4:2'], ['B', 'two', '5:1-6:2']]);
    assert.equal(c.args, '<<A <<B /dst/');
    assert.deepEqual(m.instructions[2].json, ['x']);
  });
  it('COPY <<EOF /dst with a heredoc after a continuation', () => {
    const m = parse('FROM a\nCOPY --chmod=0644 \\\n  <<EOF /etc/app.conf\nkey=1\nEOF\n');
    const c = m.instructions[1];
    assert.deepEqual(c.heredocs.map((h) => [h.body, h.bodyStartLine]), [['key=1', 4]]);
    assert.equal(r(c.range), '2:1-5:4');
  });
  it('an empty body', () => {
    const m = parse('FROM a\nRUN <<EOF\nEOF\n');
    assert.deepEqual(m.instructions[1].heredocs.map((h) => [h.body, r(h.range)]), [['', '3:1-3:4']]);
  });
  it('no heredoc: quoted <<, cat<<EOF in one word, CMD', () => {
    const m = parse('FROM a\nRUN echo "<<EOF"\nCMD <<EOF\n');
    assert.deepEqual(m.instructions.map((i) => i.heredocs.length), [0, 0, 0]);
  });
  it('unterminated heredoc: a parse error at the <<EOF token, the body kept', () => {
    const m = parse('FROM a\nRUN <<EOF\necho hi\n');
    assert.deepEqual(m.parseErrors.map((e) => r(e.range)), ['2:5-2:10']);
    assert.match(m.parseErrors[0].message, /unterminated heredoc/);
    assert.equal(m.instructions[1].heredocs[0].body, 'echo hi');
  });
});

describe('problems are parse errors, never exceptions', () => {
  const cases: { name: string; text: string; errors: [RegExp, string][] }[] = [
    { name: 'empty file', text: '', errors: [[/empty Dockerfile/, '1:1-1:1']] },
    { name: 'only blank lines', text: '\n\n  \n', errors: [[/empty Dockerfile/, '1:1-1:1']] },
    { name: 'only comments', text: '# nothing\n', errors: [[/only comments/, '1:1-1:10']] },
    { name: 'no FROM', text: 'ARG A=1\n', errors: [[/no FROM instruction/, '1:1-1:1']] },
    { name: 'instruction before FROM', text: 'RUN x\nFROM a\n', errors: [[/RUN before the first FROM/, '1:1-1:4']] },
    { name: 'unknown instruction', text: 'FROM a\nFOO bar\n', errors: [[/unknown instruction: FOO/, '2:1-2:4']] },
    { name: 'FROM without image', text: 'FROM\n', errors: [[/FROM requires an image/, '1:1-1:5']] },
    { name: 'ENV without value', text: 'FROM a\nENV A\n', errors: [[/ENV A has no value/, '2:1-2:6']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = parse(c.text);
      assert.deepEqual(m.parseErrors.map((e) => r(e.range)), c.errors.map((e) => e[1]));
      c.errors.forEach(([re], k) => { assert.match(m.parseErrors[k].message, re); });
    });
  }
  it('keeps an unknown instruction as an instruction', () => {
    const m = parse('FROM a\nFOO bar\n');
    assert.deepEqual(m.instructions.map((i) => i.keyword), ['FROM', 'FOO']);
    assert.equal(m.instructions[1].args, 'bar');
  });
  it('survives NUL bytes, replacement characters from invalid UTF-8, and lone surrogates', () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0xff, 0xfe, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xc3, 0x28, 0]).toString('utf8');
    for (const text of [binary, 'FROM a\nRUN echo \u0000\uFFFD\uD800 && x\n', '\u0000'.repeat(1000)]) {
      const m = parse(text);
      assert.ok(Array.isArray(m.parseErrors));
      assert.equal(m.text, text);
    }
  });
  it('survives hostile nesting of variables and very long lines', () => {
    const deep = '${A:-'.repeat(20000) + 'x' + '}'.repeat(20000);
    for (const text of [`FROM a\nARG A\nENV B=${deep}\nRUN echo ${deep}\n`, `FROM a\nENV B=${'${'.repeat(50000)}\n`, `FROM a\nRUN ${'x'.repeat(3_000_000)}\n`]) {
      const m = parse(text);
      assert.deepEqual(m.parseErrors.filter((e) => e.message.startsWith('internal')), []);
      assert.equal(m.instructions.length, text.split('\n').filter(Boolean).length);
    }
  });
  it('parses a 10 MB file', () => {
    const line = 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates # x\n';
    const text = 'FROM debian:12\n' + line.repeat(Math.ceil(10_000_000 / line.length));
    const m = parse(text);
    assert.equal(m.instructions.length, Math.ceil(10_000_000 / line.length) + 1);
    assert.deepEqual(m.parseErrors, []);
  });
  it('parses a single 10 MB continued instruction', () => {
    const text = 'FROM a\nRUN ' + 'echo x && \\\n'.repeat(800_000) + 'true\n';
    const m = parse(text);
    assert.equal(m.instructions[1].range.end.line, 800_002);
  });
});

describe('stages and ARG/ENV resolution', () => {
  it('global ARGs resolve FROM; --build-arg overrides the default', () => {
    const text = 'ARG NODE=20\nARG VARIANT\nFROM node:${NODE}-${VARIANT:-alpine} AS build\n';
    const m = parse(text);
    assert.equal(m.globalArgs.length, 2);
    assert.equal(m.stages[0].resolvedImage, 'node:20-alpine');
    assert.equal(m.stages[0].image, 'node:${NODE}-${VARIANT:-alpine}');
    assert.deepEqual(m.stages[0].ref, { name: 'node:20-alpine', registry: null, repository: 'node', tag: '20-alpine', digest: null });
    const o = parse(text, { NODE: '22', VARIANT: 'slim' });
    assert.equal(o.stages[0].resolvedImage, 'node:22-slim');
    assert.deepEqual(o.buildArgs, { NODE: '22', VARIANT: 'slim' });
  });
  it('an unresolvable FROM stays as written', () => {
    const m = parse('ARG TAG\nFROM node:$TAG\n');
    assert.deepEqual([m.stages[0].resolvedImage, m.stages[0].unresolved, m.stages[0].ref], ['node:$TAG', true, null]);
    assert.ok(m.final);
    assert.equal(m.final.baseImage, null);
  });
  it('a build arg not declared as ARG does not apply', () => {
    const m = parse('FROM node:$TAG\n', { TAG: '20' });
    assert.equal(m.stages[0].resolvedImage, 'node:$TAG');
  });
  it('a stage sees a global ARG only when it re-declares it', () => {
    const m = parse('ARG V=1\nFROM a\nRUN echo $V\nARG V\nRUN echo $V ${V}\n');
    assert.deepEqual(m.instructions.slice(2).map((i) => i.expanded), ['echo $V', 'V', 'echo 1 1']);
    assert.deepEqual(m.stages[0].args, { V: '1' });
  });
  it('stage ARG defaults, --build-arg over defaults, ARG without a value', () => {
    const text = 'FROM a\nARG A=x B C=${A}y\nRUN echo $A $B $C\n';
    assert.equal(parse(text).instructions[2].expanded, 'echo x $B xy');
    assert.equal(parse(text, { A: 'q', B: 'w' }).instructions[2].expanded, 'echo q w qy');
  });
  it('ENV: both forms, values from earlier ENV only, quotes removed', () => {
    const m = parse('FROM a\nENV A=1\nENV A=2 B=$A C="x y" D=\'$A\'\nENV PATH /opt/bin:$PATH\n');
    assert.deepEqual(m.stages[0].env, { A: '2', B: '1', C: 'x y', D: '$A', PATH: '/opt/bin:$PATH' });
  });
  it('ENV overrides ARG of the same name', () => {
    const m = parse('FROM a\nENV U=envuser\nARG U=arguser\nUSER $U\n');
    assert.ok(m.final); assert.ok(m.final.user);
    assert.equal(m.final.user.value, 'envuser');
  });
  it('ENV is inherited through FROM <stage>, ARG is not', () => {
    const m = parse('FROM a AS base\nARG X=1\nENV HOME=/home/app\nFROM base\nRUN echo $HOME $X\n');
    assert.deepEqual(m.stages[1].env, { HOME: '/home/app' });
    assert.deepEqual(m.stages[1].args, {});
    assert.equal(m.instructions[4].expanded, 'echo /home/app $X');
  });
  it('expansion forms', () => {
    const vars: Record<string, string> = { SET: 'v', EMPTY: '' };
    const look = (n: string) => vars[n];
    const table: [string, string, boolean][] = [
      ['$SET ${SET}', 'v v', false],
      ['${SET:-d} ${EMPTY:-d} ${NOPE:-d}', 'v d d', false],
      ['${SET-d} ${EMPTY-d} ${NOPE-d}', 'v  d', false],
      ['${SET:+a} ${EMPTY:+a} ${NOPE:+a}', 'a  ', false],
      ['${SET+a} ${EMPTY+a} ${NOPE+a}', 'a a ', false],
      ['${NOPE:-${SET}x}', 'vx', false],
      ['$NOPE ${NOPE} ${SET#x}', '$NOPE ${NOPE} ${SET#x}', true],
      ["'$SET' \"$SET\" \\$SET", "'$SET' \"v\" \\$SET", false],
      ['$ $1 a$', '$ $1 a$', false],
    ];
    for (const [input, out, unresolved] of table) {
      assert.deepEqual(expandVars(input, look), { text: out, unresolved }, input);
    }
    assert.equal(expandVars("'$SET' \"$SET\" \\$SET", look, '\\', false).text, '$SET v $SET');
  });
  it('stage names, FROM <stage> by name (any case) or index, scratch', () => {
    const m = parse('FROM golang:1.22 AS Build\nFROM scratch AS out\nFROM BUILD\nFROM 1\n');
    assert.deepEqual(m.stages.map((s) => [s.name, s.baseStage, s.isScratch, s.ref?.repository ?? null]), [
      ['build', null, false, 'golang'], ['out', null, true, null], [null, 0, false, null], [null, 1, false, null],
    ]);
    assert.ok(m.final);
    assert.equal(m.final.baseImage, null);
    assert.equal(m.final.stageCount, 4);
  });
  it('stageIndex of each instruction', () => {
    const m = parse('ARG A\nFROM a\nRUN x\nFROM b\nRUN y\n');
    assert.deepEqual(m.instructions.map((i) => i.stageIndex), [-1, 0, 0, 1, 1]);
    assert.deepEqual(m.stages.map((s) => s.instructions.length), [1, 1]);
  });
});

describe('final facts', () => {
  it('user, shell, healthcheck and base image follow FROM <stage> chains', () => {
    const m = parse([
      'FROM node:20-alpine@sha256:' + 'a'.repeat(64) + ' AS base',
      'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
      'ARG APP_USER=node',
      'USER ${APP_USER}:app',
      'HEALTHCHECK CMD wget -q -O- http://localhost/health',
      'FROM base AS final',
      'RUN echo',
    ].join('\n'));
    const f = m.final;
    assert.ok(f);
    assert.equal(f.stage.index, 1);
    assert.ok(f.user);
    assert.deepEqual([f.user.raw, f.user.value, f.user.user, f.user.group], ['${APP_USER}:app', 'node:app', 'node', 'app']);
    assert.equal(f.user.instruction, m.instructions[3]);
    assert.deepEqual(f.shell, ['/bin/ash', '-eo', 'pipefail', '-c']);
    assert.equal(f.healthcheck, m.instructions[4]);
    assert.ok(f.baseImage);
    assert.equal(f.baseImage.repository, 'node');
    assert.equal(f.baseImage.digest, 'sha256:' + 'a'.repeat(64));
  });
  it('a USER of an unrelated build stage does not count', () => {
    const m = parse('FROM a AS build\nUSER app\nFROM debian:12\nCOPY --from=build /x /x\n');
    assert.ok(m.final);
    assert.equal(m.final.user, null);
    assert.deepEqual(m.final.shell, ['/bin/sh', '-c']);
    assert.equal(m.final.healthcheck, null);
    assert.ok(m.final.baseImage);
    assert.equal(m.final.baseImage.tag, '12');
  });
  it('the last USER wins; an empty file has no final facts', () => {
    const m = parse('FROM a\nUSER app\nUSER root\n');
    assert.ok(m.final); assert.ok(m.final.user);
    assert.equal(m.final.user.user, 'root');
    assert.equal(m.final.user.group, null);
    assert.equal(parse('').final, null);
  });
});

describe('argsRange maps back to the source', () => {
  it('covers the arguments across lines', () => {
    const m = parse('FROM a\nRUN echo a \\\n  && echo b\n');
    assert.equal(at(m, m.instructions[1].argsRange), 'echo a \\\n  && echo b');
  });
});

describe('facts on the model', () => {
  it('the target option picks the final stage; every final fact follows it', () => {
    const text = 'FROM node:22 AS build\nUSER builder\nHEALTHCHECK CMD true\nFROM build AS release\nUSER app\n' +
      'FROM debian:12 AS debug\nUSER root\n';
    const last = parseDockerfile(text, { path: 'Dockerfile' });
    assert.equal(last.target, null);
    assert.ok(last.final);
    assert.equal(last.final.stage.name, 'debug');
    assert.ok(last.final.user);
    assert.equal(last.final.user.user, 'root');
    const release = parseDockerfile(text, { path: 'Dockerfile', target: 'Release' });
    assert.ok(release.final);
    assert.equal(release.final.stage.name, 'release');
    assert.ok(release.final.user);
    assert.equal(release.final.user.user, 'app');
    assert.deepEqual(release.final.chain.map((s) => s.name), ['build', 'release']);
    assert.equal(release.final.healthcheck?.args, 'CMD true');
    assert.equal(release.final.baseImage?.repository, 'node');
    assert.deepEqual([...finalChain(release)], [0, 1]);
    assert.equal(release.parseErrors.length, 0);
    const missing = parseDockerfile(text, { path: 'Dockerfile', target: 'prod' });
    assert.ok(missing.final);
    assert.equal(missing.final.stage.name, 'debug');
    assert.match(missing.parseErrors[0].message, /target stage "prod" is not defined/);
  });
  it('stage chains: one order (oldest first), the root and Windows-ness inherited', () => {
    const m = parse('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS a\nFROM a AS b\nSHELL ["pwsh", "-c"]\nRUN x\n' +
      'FROM b AS c\nRUN y\nFROM alpine\nRUN z\n');
    assert.deepEqual(stageChain(m, m.stages[2]).map((s) => s.index), [0, 1, 2]);
    assert.deepEqual(m.stages.map((s) => [s.root, s.windows]), [[0, true], [0, true], [0, true], [3, false]]);
    assert.deepEqual(m.stages.map((s) => isWindowsStage(m, s)), [true, true, true, false]);
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    assert.deepEqual(runs.map((i) => shellAt(m, i)), [['pwsh', '-c'], ['pwsh', '-c'], ['/bin/sh', '-c']]);
    assert.deepEqual(m.stages[1].from.shell, ['cmd', '/S', '/C']);
    assert.ok(isWindowsImage('mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-1809'));
    assert.ok(!isWindowsImage('docker.io/library/windowsfoo:1'));
  });
  it('a line index: offsets to line and column', () => {
    const m = parse('FROM a\r\nRUN b \\\n  c\n');
    assert.deepEqual(m.lineStarts, [0, 8, 16, 20]);
    assert.deepEqual(positionAt(m, 18), { line: 3, column: 3, offset: 18 });
    assert.equal(r(rangeAt(m, 8, 19)), '2:1-3:4');
    assert.equal(lineStart(m, 3), 16);
    assert.equal(r(lineRange(m, 2)), '2:1-2:6');
  });
});

describe('ONBUILD triggers', () => {
  it('parses the trigger instruction with source positions and split commands', () => {
    const m = parse('FROM debian:12\nENV A=1\nONBUILD RUN --mount=type=cache,target=/x apt-get install -y $A\n');
    const t = m.instructions[2].trigger;
    assert.ok(t);
    assert.equal(t.keyword, 'RUN');
    assert.equal(t.flags[0].name, 'mount');
    assert.equal(t.args, 'apt-get install -y $A');
    assert.equal(t.expanded, 'apt-get install -y 1');
    assert.equal(t.stageIndex, 0);
    assert.deepEqual(t.commands.map((c) => c.name), ['apt-get']);
    assert.equal(m.text.slice(t.argsRange.start.offset, t.argsRange.end.offset), 'apt-get install -y $A');
    assert.equal(m.parseErrors.length, 0);
  });
  it('rejects the triggers the builder rejects, located at the inner keyword', () => {
    for (const kw of ['ONBUILD', 'FROM', 'MAINTAINER', 'BOGUS']) {
      const m = parse(`FROM debian:12\nONBUILD ${kw} x\n`);
      assert.equal(m.instructions[1].trigger, undefined);
      assert.equal(m.parseErrors.length, 1, kw);
      assert.equal(m.parseErrors[0].range.start.column, 9, kw);
    }
  });
});
