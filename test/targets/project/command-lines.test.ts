import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommandLines, maskMake, makeVariables, expandMake, commandFileKind } from '../../../src/targets/project/command-lines.js';
import type { CommandLine } from '../../../src/targets/project/types.js';

const T = '\t';

function brief(c: CommandLine): string {
  return `${c.line}:${c.column} ${c.argv.join(' ')}${c.via.length ? ` [${c.via.join(',')}]` : ''}`;
}

function linesOf(path: string, text: string): string[] {
  return findCommandLines([{ path, text }]).commands.map(brief);
}

test('shell script: commands with line and column, wrappers unwrapped', () => {
  const text = '#!/bin/bash\nset -e\nsudo docker run --rm -it alpine sh && echo done\nif true; then\n  docker build -t x . ; fi\n';
  assert.deepEqual(linesOf('deploy.sh', text), [
    '2:1 set -e',
    '3:1 docker run --rm -it alpine sh [sudo]',
    '3:39 echo done',
    '4:4 true',
    '5:3 docker build -t x .',
  ]);
});

test('a file without extension is read only with a sh/bash/zsh shebang', () => {
  assert.deepEqual(linesOf('bin/deploy', '#!/usr/bin/env bash\ndocker ps\n'), ['2:1 docker ps']);
  assert.deepEqual(linesOf('bin/tool', '#!/usr/bin/env python3\nprint(1)\n'), []);
  assert.equal(commandFileKind('bin/deploy'), 'maybe-shell');
  assert.equal(commandFileKind('Dockerfile'), null);
});

test('Makefile: recipes only, $(VAR) kept, $$ is the shell\'s $, prefixes dropped, continuations joined', () => {
  const text = [
    'IMAGE ?= acme/x',
    'all: image',
    '',
    'image:',
    `${T}@echo "building $(IMAGE)"`,
    `${T}-docker build -f $(DF) \\`,
    `${T}${T}--build-arg V=$\{VERSION} .`,
    `push: image ; docker push $(IMAGE)`,
    'run:',
    `${T}docker run $$(cat id) $(IMAGE)`,
  ].join('\n');
  const { commands, notes } = findCommandLines([{ path: 'sub/Makefile', text }]);
  assert.deepEqual(notes, []);
  assert.deepEqual(commands.map(brief), [
    '5:3 echo building $(IMAGE)',
    '6:3 docker build -f $(DF) --build-arg V=${VERSION} .',
    '8:15 docker push $(IMAGE)',
    '10:2 docker run $(cat id) $(IMAGE)',
    '10:16 cat id',
  ]);
  assert.ok(commands.every((c) => c.origin === 'make' && c.cwd === 'sub'));
  assert.deepEqual(commands.map((c) => c.where), ['image', 'image', 'push', 'run', 'run']);
});

test('Makefile: a recipe line indented with spaces is a located note', () => {
  const text = `build:\n${T}echo one\n    docker build .\n`;
  const { commands, notes } = findCommandLines([{ path: 'Makefile', text }]);
  assert.deepEqual(commands.map(brief), ['2:2 echo one']);
  assert.deepEqual(notes, [{ file: 'Makefile', line: 3, column: 1, message: `recipe line of 'build' starts with spaces, not a tab: make stops here with "missing separator"` }]);
});

test('make variables: simple ones expand, functions and unknowns do not', () => {
  const vars = makeVariables('A = x\nB := $(A)/y\nC ?= c\nC ?= d\n\tD = no\n');
  assert.deepEqual(vars, { A: 'x', B: '$(A)/y', C: 'c' });
  assert.equal(expandMake('$(B):${C}', vars), 'x/y:c');
  assert.equal(expandMake('$(shell git rev-parse HEAD)', vars), null);
  assert.equal(expandMake('$(NOPE)', vars), null);
  const m = maskMake('a $(X) $$b ${Y}');
  assert.equal(m.masked.length, 'a $(X) \uE002$b ${Y}'.length);
  assert.equal(m.restore(m.masked), 'a $(X) $b ${Y}');
});

test('GitHub Actions: run steps with columns, working-directory, non-POSIX shells skipped', () => {
  const text = [
    'defaults:',
    '  run:',
    '    working-directory: app',
    'jobs:',
    '  build:',
    '    steps:',
    '      - run: docker build -t "${{ env.IMAGE }}" .',
    '      - name: two',
    '        working-directory: deploy',
    '        run: |',
    '          echo one',
    '          docker push x',
    '      - shell: pwsh',
    '        run: Write-Host hi',
  ].join('\n');
  const { commands } = findCommandLines([{ path: '.github/workflows/ci.yml', text }]);
  assert.deepEqual(commands.map(brief), ['7:14 docker build -t ${{ env.IMAGE }} .', '11:11 echo one', '12:11 docker push x']);
  assert.deepEqual(commands.map((c) => c.cwd), ['app', 'deploy', 'deploy']);
  assert.equal(commands[1].where, 'jobs.build: two');
});

test('GitLab CI: script, before_script (list or string), default section', () => {
  const text = [
    'default:',
    '  before_script:',
    '    - docker login -u x',
    'stages: [build]',
    'image-job:',
    '  script:',
    '    - docker build -f docker/Dockerfile .',
    '    - >',
    '      echo done',
    'lint:',
    '  script: make lint',
  ].join('\n');
  const { commands } = findCommandLines([{ path: '.gitlab-ci.yml', text }]);
  assert.deepEqual(commands.map((c) => `${c.where} ${brief(c)}`), [
    'default.before_script 3:7 docker login -u x',
    'image-job.script 7:7 docker build -f docker/Dockerfile .',
    'image-job.script 9:7 echo done',
    'lint.script 11:11 make lint',
  ]);
});

test('package.json scripts: line and column of each command', () => {
  const text = '{\n  "scripts": {\n    "build": "tsc",\n    "image": "npm run build && docker build -f docker/Dockerfile ."\n  }\n}\n';
  assert.deepEqual(linesOf('web/package.json', text), ['3:15 tsc', '4:15 npm run build', '4:32 docker build -f docker/Dockerfile .']);
  const bad = findCommandLines([{ path: 'package.json', text: '{ "scripts": ' }]);
  assert.equal(bad.notes.length, 1);
  assert.match(bad.notes[0].message, /does not parse/);
});

test('systemd: Exec lines, prefixes and continuations', () => {
  const text = '[Service]\nExecStartPre=-/usr/bin/docker rm -f web\nExecStart=/usr/bin/docker run --name web \\\n  --read-only acme/web\nRestart=always\n';
  assert.deepEqual(linesOf('deploy/web.service', text), ['2:15 /usr/bin/docker rm -f web', '3:11 /usr/bin/docker run --name web --read-only acme/web']);
});

test('Markdown: shell fences, console prompts, other languages ignored, an unclosed fence noted', () => {
  const text = [
    '# Run',
    '```bash',
    'docker build -t app .',
    '```',
    '```console',
    '$ docker run --rm \\',
    '    app',
    'hello from app',
    '```',
    '```python',
    'print("docker run")',
    '```',
    '- step:',
    '  ```sh',
    '  $ make image',
    '  ```',
    '```shell',
    'echo never closed',
  ].join('\n');
  const { commands, notes } = findCommandLines([{ path: 'README.md', text }]);
  assert.deepEqual(commands.map(brief), ['3:1 docker build -t app .', '6:3 docker run --rm app', '15:5 make image']);
  assert.deepEqual(notes, [{ file: 'README.md', line: 17, column: 1, message: 'code fence is never closed: its commands are not read' }]);
});

test('an unclosed quote is a located note, not a crash', () => {
  const { commands, notes } = findCommandLines([{ path: 'x.sh', text: 'echo ok\ndocker run -e "A=1 alpine\n' }]);
  assert.deepEqual(notes, [{ file: 'x.sh', line: 2, column: 15, message: 'unclosed double quote: the commands after it are not read' }]);
  assert.ok(commands.length >= 1);
});

test('YAML that does not parse is a note', () => {
  const { commands, notes } = findCommandLines([{ path: '.github/workflows/x.yml', text: 'jobs:\n  a:\n    steps: [\n' }]);
  assert.deepEqual(commands, []);
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /does not parse as YAML/);
});
