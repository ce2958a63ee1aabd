// .pre-commit-hooks.yaml: its `files` / `exclude` regexes (Python `re.search`, as pre-commit
// applies them) select the names tightship discovers, and Containerfiles, which it audits when named.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isDockerfileName } from '../../src/targets/dockerfile/target.js';
import { isComposeFile } from '../../src/targets/compose/target.js';
import { commandFileKind } from '../../src/targets/project/command-files.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const NAMES = [
  'Dockerfile', 'dockerfile', 'docker/Dockerfile', 'Dockerfile.dev', 'api/app.Dockerfile', 'prod.dockerfile',
  'compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'sub/compose.override.yml',
  'docker-compose.override.yaml',
  'Dockerfile.dockerignore', '.dockerignore', 'README.md', 'src/Dockerfile.ts.bak/x', 'mycompose.yaml',
  'compose.json', 'notDockerfile', 'values.yaml',
];
const CONTAINERFILES = ['Containerfile', 'build/Containerfile.prod', 'app.containerfile'];

it('.pre-commit-hooks.yaml: hook tightship, node, file names passed; its regexes select what tightship audits', () => {
  const hooks = parse(readFileSync(`${ROOT}.pre-commit-hooks.yaml`, 'utf8')) as { id: string; language: string; entry: string; files: string; exclude: string; pass_filenames: boolean }[];
  const hook = hooks.find((h) => h.id === 'tightship');
  assert.ok(hook);
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, true);
  assert.match(hook.entry, /^tightship lint\b/);
  const all = [...NAMES, ...CONTAINERFILES];
  const script = 'import json,re,sys\nh=json.load(sys.stdin)\nprint(json.dumps([bool(re.search(h["files"],n)) and not re.search(h["exclude"],n) for n in h["names"]]))';
  const selected = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify({ ...hook, names: all }) }).toString()) as boolean[];
  const table = all.map((n, i) => ({ name: n, hook: selected[i], tightship: CONTAINERFILES.includes(n) || isDockerfileName(n) || isComposeFile(n) }));
  assert.deepEqual(table.filter((r) => r.hook !== r.tightship), [], 'hook and discovery disagree');
  assert.ok(table.filter((r) => r.hook).length >= 12);
});

const COMMAND_FILES = [
  'deploy.sh', 'scripts/run.bash', 'Makefile', 'sub/GNUmakefile', 'build/rules.mk', 'package.json', 'web/package.json',
  '.github/workflows/ci.yml', '.github/workflows/release.yaml', '.gitlab-ci.yml', 'ci/app.gitlab-ci.yml', 'action.yml',
  'deploy/app.service', 'Dockerfile', 'compose.yaml', 'values.yaml', 'src/main.ts', 'package-lock.json', 'docs/ci.yml',
];

it('.pre-commit-hooks.yaml: tightship-run-lines selects the command-line files discovery reads (Markdown left to the user)', () => {
  const hooks = parse(readFileSync(`${ROOT}.pre-commit-hooks.yaml`, 'utf8')) as { id: string; entry: string; files?: string; types?: string[]; pass_filenames: boolean }[];
  const hook = hooks.find((h) => h.id === 'tightship-run-lines');
  assert.ok(hook);
  assert.match(hook.entry, /^tightship lint\b/);
  assert.equal(hook.pass_filenames, true);
  const script = 'import json,re,sys\nh=json.load(sys.stdin)\nprint(json.dumps([bool(re.search(h["files"],n)) for n in h["names"]]))';
  const selected = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify({ ...hook, names: COMMAND_FILES }) }).toString()) as boolean[];
  const table = COMMAND_FILES.map((n, i) => {
    const kind = commandFileKind(n);
    return { name: n, hook: selected[i], tightship: kind !== null && kind !== 'markdown' && kind !== 'maybe-shell' };
  });
  assert.deepEqual(table.filter((r) => r.hook !== r.tightship), [], 'hook and discovery disagree');
  const byShebang = hooks.find((h) => h.id === 'tightship-shell-scripts');
  assert.ok(byShebang);
  assert.deepEqual(byShebang.types, ['shell']);
});
