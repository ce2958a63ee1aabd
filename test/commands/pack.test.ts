// The npm package as users get it: `npm pack` of this checkout (after the build), installed into
// an empty project with `npm ci --offline` — the consumer's lockfile names the tarball and takes
// the production dependencies' entries (resolved URL, integrity) from this repository's lockfile,
// so npm fetches them from its cache, never from the network. Then the installed bin runs, the
// library entry imports, and TypeScript finds its types through `exports`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../../src/version.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

interface Manifest { name: string; version: string; license: string; engines: { node: string }; bin: Record<string, string>; dependencies: Record<string, string>; exports: Record<string, unknown>; files: string[] }
interface LockEntry { version?: string; dev?: boolean; link?: boolean; resolved?: string; integrity?: string }

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const work = mkdtempSync(join(tmpdir(), 'tightship-pack-'));
const app = join(work, 'app');
let files: string[] = [];
let tarball = '';

function npm(args: string[], cwd: string): string {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 300_000 });
  assert.equal(r.status, 0, `npm ${args.join(' ')}:\n${r.stderr}`);
  return r.stdout;
}

describe('npm pack → npm ci --offline in an empty project', { timeout: 600_000 }, () => {
  before(() => {
    // the build is npm test's first step; --ignore-scripts: no second build through `prepare`
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
    const [info] = packed;
    assert.ok(info);
    files = info.files.map((f) => f.path);
    tarball = info.filename;

    const spec = `file:../${tarball}`;
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const packages: Record<string, unknown> = {
      '': { name: 'consumer', version: '1.0.0', dependencies: { tightship: spec } },
      'node_modules/tightship': { version: manifest.version, resolved: spec, license: manifest.license, dependencies: manifest.dependencies, bin: manifest.bin, engines: manifest.engines },
    };
    for (const [key, entry] of Object.entries(lock.packages)) if (key && !entry.dev && !entry.link) packages[key] = entry;
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies: { tightship: spec } }, null, 2));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2));
    npm(['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app);
  });
  after(() => { rmSync(work, { recursive: true, force: true }); });

  it('the tarball holds the bundle, the library with its types, the schemas and docs; no sources or tests', () => {
    for (const f of ['package.json', 'README.md', 'dist/bin/cli.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'schema/report.schema.json', 'schema/tightship.schema.json', 'docs/formats.md']) {
      assert.ok(files.includes(f), f);
    }
    const stray = files.filter((f) => /^(src|test|test-corpus|e2e|bench|scripts|examples)\//.test(f) || f.startsWith('dist/test') || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    assert.deepEqual(stray, []);
    assert.ok(files.some((f) => f.startsWith('dist/bin/tightship.cjs')), 'the one-file bundle the bin loads');
  });

  it('package.json: exports with types for the library entry, engines met by this node', () => {
    assert.deepEqual(manifest.exports['.'], { types: './dist/src/index.d.ts', import: './dist/src/index.js' });
    assert.equal(manifest.engines.node, '>=20');
    assert.ok(Number(process.versions.node.split('.')[0]) >= 20);
    assert.equal(manifest.bin.tightship, 'dist/bin/cli.js');
  });

  it('the installed bin runs: --version and a lint that loads the YAML and schema dependencies', () => {
    const bin = join(app, 'node_modules/.bin/tightship');
    assert.equal(execFileSync(bin, ['--version'], { cwd: app, encoding: 'utf8' }), `${VERSION}\n`);
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'Dockerfile'), 'FROM alpine:3.20\nUSER root\n');
    writeFileSync(join(project, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
    const r = spawnSync(bin, ['lint', '.', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { results: { target: { kind: string }; findings: { ruleId: string }[] }[] };
    const ids = report.results.flatMap((t) => t.findings.map((f) => f.ruleId));
    assert.ok(ids.includes('dockerfile/last-user-root'));
    assert.ok(ids.includes('compose/privileged'));
  });

  it("the library entry imports from the installed package, and its types check in a consumer's TypeScript", () => {
    const script = [
      "import { audit, catalogue, targets, VERSION, main } from 'tightship';",
      "import { createRequire } from 'node:module';",
      "const pkg = createRequire(import.meta.url)('tightship/package.json');",
      'process.stdout.write(JSON.stringify({ audit: typeof audit, main: typeof main, rules: catalogue().length, targets: targets.length, VERSION, pkg: pkg.version }));',
    ].join('\n');
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' })) as Record<string, unknown>;
    assert.equal(out.audit, 'function');
    assert.equal(out.main, 'function');
    assert.equal(out.VERSION, VERSION);
    assert.equal(out.pkg, VERSION);
    assert.ok(Number(out.rules) > 100 && Number(out.targets) > 3, JSON.stringify(out));

    writeFileSync(join(app, 'use.ts'), [
      "import { gradeLevel, VERSION, type Finding, type TargetResult } from 'tightship';",
      "const f: Finding = { ruleId: 'dockerfile/last-user-root', severity: 'error', message: 'x', location: { path: 'Dockerfile', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } };",
      'const r: TargetResult[] = [];',
      'export const out: string = `${VERSION} ${f.ruleId} ${r.length} ${typeof gradeLevel}`;',
      '// a wrong type must be an error: the types are really there',
      '// @ts-expect-error severity is a union of known names',
      "export const bad: Finding['severity'] = 'fatal';",
      '',
    ].join('\n'));
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] }, files: ['use.ts'] }));
    const tsc = spawnSync(process.execPath, [TSC, '-p', app], { cwd: app, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
});
