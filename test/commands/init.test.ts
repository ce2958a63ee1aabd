// tightship init: per stack, the files it writes lint hardened with no finding at all (the real
// lint over the real files); it detects what it should, refuses what it cannot tell, and never
// writes over a file without --force.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli-io.js';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';

const work = mkdtempSync(join(tmpdir(), 'tightship-init-'));
after(() => { rmSync(work, { recursive: true, force: true }); });

function project(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const LOCK = (name: string) => JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name, version: '1.0.0' } } });

const STACKS: { name: string; files: Record<string, string>; title: string; cmd: string[]; healthTool: string; from: string[] }[] = [
  {
    name: 'node', title: 'Node.js (npm)', cmd: ['node', 'dist/server.js'], healthTool: 'node', from: ['${NODE_IMAGE}', '${NODE_IMAGE}'],
    files: {
      'package.json': JSON.stringify({ name: '@acme/Web-App', version: '1.0.0', main: 'dist/server.js', scripts: { build: 'tsc' }, repository: 'git+https://github.com/acme/web-app.git' }),
      'package-lock.json': LOCK('@acme/web-app'),
      'src/server.ts': 'export {};\n',
    },
  },
  {
    name: 'python-req', title: 'Python', cmd: ['python', 'app.py'], healthTool: 'python', from: ['${PYTHON_IMAGE}', '${PYTHON_IMAGE}'],
    files: { 'requirements.txt': 'flask==3.0.3\n', 'app.py': 'print("hi")\n' },
  },
  {
    name: 'python-pyproject', title: 'Python', cmd: ['serve-api'], healthTool: 'python', from: ['${PYTHON_IMAGE}', '${PYTHON_IMAGE}'],
    files: { 'pyproject.toml': '[project]\nname = "api"\nversion = "1.0"\n\n[project.scripts]\nserve-api = "api.main:run"\n', 'api/__init__.py': '', 'api/main.py': 'def run(): pass\n' },
  },
  {
    name: 'go', title: 'Go', cmd: ['/usr/local/bin/app'], healthTool: 'wget', from: ['${GO_IMAGE}', '${RUNTIME_IMAGE}'],
    files: { 'go.mod': 'module github.com/acme/svc\n\ngo 1.22\n', 'go.sum': '', 'cmd/svc/main.go': 'package main\n\nfunc main() {}\n', 'internal/x.go': 'package internal\n' },
  },
  {
    name: 'static', title: 'static site', cmd: ['nginx', '-g', 'daemon off;'], healthTool: 'wget', from: ['${ALPINE_IMAGE}', '${NGINX_IMAGE}'],
    files: { 'dist/index.html': '<!doctype html><title>x</title>\n', 'README.md': '# site\n' },
  },
];

interface LintReport { results: { target: { kind: string; path: string }; level: string | null; findings: { ruleId: string; severity: string }[] }[] }

describe('tightship init: one stack at a time', () => {
  for (const s of STACKS) {
    it(`${s.name}: detected as ${s.title}; Dockerfile, .dockerignore, compose.yaml lint hardened with no findings`, async () => {
      const dir = project(s.name, s.files);
      const r = await runCli(['init', dir], work);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`^tightship: ${s.title.replace(/[()]/g, '\\$&')} project; wrote Dockerfile, .dockerignore, compose.yaml\\n`));

      const lint = await runCli(['lint', dir, '--format', 'json', '--fail-on', 'info'], dir);
      assert.equal(lint.code, 0, lint.stdout + lint.stderr);
      const report = JSON.parse(lint.stdout) as LintReport;
      const kinds = report.results.map((t) => t.target.kind).sort();
      assert.deepEqual(kinds, ['compose', 'dockerfile']);
      for (const t of report.results) {
        assert.equal(t.level, 'hardened', `${t.target.path}: ${JSON.stringify(t.findings)}`);
        assert.deepEqual(t.findings, [], t.target.path);
      }

      const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      const model = parseDockerfile(text, { path: 'Dockerfile' });
      assert.deepEqual(model.stages.map((st) => st.image), s.from, 'multi-stage, bases from build arguments');
      for (const m of text.matchAll(/^ARG [A-Z_]+_IMAGE=(\S+)$/gm)) assert.match(m.at(1) ?? '', /^[a-z0-9./-]+:[\w.-]+@sha256:[0-9a-f]{64}$/, 'pinned by digest');
      const runtime = model.stages.at(-1);
      assert.ok(runtime);
      const cmd = runtime.instructions.find((i) => i.keyword === 'CMD');
      assert.deepEqual(cmd?.json, s.cmd, 'exec-form CMD');
      const health = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK');
      assert.match(health?.args ?? '', new RegExp(`CMD \\["${s.healthTool}"`));
      const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1);
      assert.match(user?.args ?? '', /^[1-9]\d*:[1-9]\d*$/, 'a fixed numeric UID:GID');
      if (s.name !== 'static') assert.match(text, /--shell \/usr\/sbin\/nologin|-s \/sbin\/nologin/);

      const compose = parse(readFileSync(join(dir, 'compose.yaml'), 'utf8')) as { services: Record<string, Record<string, unknown>> };
      const [service] = Object.values(compose.services);
      assert.ok(service);
      assert.equal(service.read_only, true);
      assert.deepEqual(service.cap_drop, ['ALL']);
      assert.deepEqual(service.security_opt, ['no-new-privileges:true']);
      assert.equal(service.user, user?.args);
      assert.ok(readFileSync(join(dir, '.dockerignore'), 'utf8').split('\n').includes('.env'));
    });
  }

  it('node: name, source label and build step come from package.json', () => {
    const text = readFileSync(join(work, 'node', 'Dockerfile'), 'utf8');
    assert.match(text, /^ARG SOURCE_URL=https:\/\/github\.com\/acme\/web-app$/m);
    assert.match(text, /org\.opencontainers\.image\.title="web-app"/);
    assert.match(text, /^RUN npm run build$/m);
    assert.match(text, /^COPY package\.json package-lock\.json \.\/$/m);
    const compose = parse(readFileSync(join(work, 'node', 'compose.yaml'), 'utf8')) as { services: Record<string, { image: string; ports: string[] } | undefined> };
    assert.deepEqual(Object.keys(compose.services), ['web-app']);
    assert.deepEqual(compose.services['web-app']?.ports, ['127.0.0.1:3000:3000']);
  });

  it('go: builds the one main package under cmd/; static: serves the folder that holds index.html', () => {
    assert.match(readFileSync(join(work, 'go', 'Dockerfile'), 'utf8'), /-o \/out\/app \.\/cmd\/svc$/m);
    assert.match(readFileSync(join(work, 'static', 'Dockerfile'), 'utf8'), /^COPY dist\/ \.\/$/m);
  });
});

describe('tightship init: never loses a file', () => {
  it('lists the existing files, writes nothing, exit code 2; --force replaces them', async () => {
    const dir = project('existing', { 'requirements.txt': 'x==1\n', 'main.py': '', 'Dockerfile': 'FROM mine\n', 'compose.yaml': 'services: {}\n' });
    const r = await runCli(['init'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "tightship: not overwriting Dockerfile, compose.yaml in .; nothing was written\nhint: use --dry-run to see the files, or --force to replace them\n");
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), 'FROM mine\n');
    assert.equal(existsSync(join(dir, '.dockerignore')), false, 'not even the file that did not exist');
    const forced = await runCli(['init', '--force'], dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /\(replaced Dockerfile, compose\.yaml\)/);
    assert.match(readFileSync(join(dir, 'Dockerfile'), 'utf8'), /^ARG PYTHON_IMAGE=/m);
  });

  it('--dry-run prints the three files and writes nothing, even over existing ones', async () => {
    const dir = project('dry', { 'go.mod': 'module example.com/dry\n', 'main.go': 'package main\nfunc main() {}\n', 'Dockerfile': 'FROM mine\n' });
    const r = await runCli(['init', '.', '--dry-run', '--port', '9090'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([...r.stdout.matchAll(/^==> (\S+) <==$/gm)].map((m) => m[1]), ['Dockerfile', '.dockerignore', 'compose.yaml']);
    assert.match(r.stdout, /^EXPOSE 9090$/m);
    assert.match(r.stdout, /127\.0\.0\.1:9090:9090/);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), 'FROM mine\n');
    assert.equal(existsSync(join(dir, 'compose.yaml')), false);
  });
});

describe('tightship init: what it cannot tell is a one-line error', () => {
  const cases: [string, Record<string, string>, string[], RegExp][] = [
    ['no lockfile', { 'package.json': '{"name":"x","main":"a.js"}' }, [], /^tightship: package\.json has no lockfile beside it/],
    ['yarn', { 'package.json': '{"name":"x","main":"a.js"}', 'yarn.lock': '' }, [], /^tightship: yarn\.lock found: init writes Dockerfiles for npm lockfiles only/],
    ['bad json', { 'package.json': '{"name":', 'package-lock.json': '{}' }, [], /^tightship: package\.json is not valid JSON/],
    ['no entry', { 'package.json': '{"name":"x","scripts":{"start":"next start"}}', 'package-lock.json': '{}' }, [], /^tightship: cannot tell how the service starts/],
    ['bad toml', { 'pyproject.toml': '[project\nname = 1' }, [], /^tightship: pyproject\.toml does not parse/],
    ['two commands', { 'go.mod': 'module m\n', 'cmd/a/main.go': 'package main\n', 'cmd/b/main.go': 'package main\n' }, [], /^tightship: several commands under cmd\/ \(a, b\)/],
    ['nothing', { 'notes.txt': 'hi' }, [], /^tightship: no project found in /],
    ['bad port', { 'index.html': '' }, ['--port', '70000'], /^tightship: --port must be a number from 1 to 65535, not '70000'/],
    ['bad name', { 'index.html': '' }, ['--name', 'My App'], /^tightship: --name 'My App' is not an image name/],
    ['extra argument', { 'index.html': '' }, ['.', 'more'], /^tightship: unexpected argument 'more'/],
  ];
  for (const [name, files, argv, message] of cases) {
    it(name, async () => {
      const dir = project(`bad-${name.replace(/\s/g, '-')}`, files);
      const r = await runCli(['init', ...argv], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.equal(existsSync(join(dir, 'Dockerfile')), false);
    });
  }
});
