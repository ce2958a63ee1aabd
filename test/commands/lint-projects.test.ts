// `tightship lint .` on real project layouts (test/fixtures/projects): each Dockerfile is audited
// with the context and stage the project builds it with, so the COPY sources that exist are found
// and the one that really is missing (missing.txt, in every fixture) is reported — an error when
// the context is known, a warning when it was guessed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli-io.js';
import { loadReportValidator } from '../report/validators.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PROJECTS = path.join(ROOT, 'test/fixtures/projects');

interface Result {
  target: { kind: string; path: string; context?: string; contextSource?: string; stage?: string };
  level: string | null;
  notes?: string[];
  findings: { ruleId: string; severity: string; message: string }[];
}
interface Report {
  results: Result[];
  builds: { dockerfile: string; context: string; target?: string; source: string; file: string; line: number }[];
  buildNotes?: { file: string; line: number; message: string }[];
  skipped?: { path: string; reason: string }[];
}

async function lint(project: string, extra: string[] = []): Promise<{ code: number; report: Report; stdout: string }> {
  const r = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', ...extra], path.join(PROJECTS, project));
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout) as Report;
  return { code: r.code, report, stdout: r.stdout };
}

function dockerfiles(report: Report): Result[] {
  return report.results.filter((r) => r.target.kind === 'dockerfile');
}

/** The COPY sources reported missing, with the severity: `"missing.txt" error`. */
function missing(r: Result): string[] {
  return r.findings.filter((f) => f.ruleId === 'context/copy-source-missing').map((f) => `${/"([^"]+)"/.exec(f.message)?.[1]} ${f.severity}`).sort();
}

function only(report: Report, file: string, stage?: string): Result {
  const hits = dockerfiles(report).filter((r) => r.target.path === file && (stage === undefined || r.target.stage === stage));
  assert.equal(hits.length, 1, `one result of ${file}${stage ? ` (stage ${stage})` : ''}: ${JSON.stringify(dockerfiles(report).map((r) => r.target))}`);
  return hits[0];
}

describe('lint on project layouts: the build map gives each Dockerfile its real context', () => {
  it('compose with context: .. and dockerfile: docker/Dockerfile; remote and outside contexts are notes', async () => {
    const { report } = await lint('compose-context-up');
    const r = only(report, 'docker/Dockerfile');
    assert.deepEqual(r.target, { kind: 'dockerfile', path: 'docker/Dockerfile', context: '.', contextSource: 'compose', stage: 'release' });
    assert.deepEqual(missing(r), ['missing.txt error']);
    assert.equal(r.level, null); // a known context: a missing source breaks the build
    assert.ok(report.builds.some((b) => b.dockerfile === 'docker/Dockerfile' && b.context === '.' && b.source === 'compose' && b.target === 'release' && b.file === 'docker/compose.yaml'));
    const notes = (report.buildNotes ?? []).map((n) => n.message).join('\n');
    assert.match(notes, /service remote: context https:\/\/github\.com\/acme\/tools\.git#main is remote/);
    assert.match(notes, /service outside: context \.\.\/\.\.\/elsewhere is outside the project/);
    const validate = await loadReportValidator();
    assert.ok(validate(report), JSON.stringify(validate.errors));
  });

  it('bake with inherits, variables and named contexts; a bake file that does not parse is a note', async () => {
    const { report } = await lint('bake-inherits');
    const r = only(report, 'build/Dockerfile');
    assert.equal(r.target.context, '.');
    assert.equal(r.target.contextSource, 'bake');
    assert.equal(r.target.stage, 'release');
    assert.deepEqual(missing(r), ['missing.txt error']);
    assert.ok((report.buildNotes ?? []).some((n) => n.file === 'broken/docker-bake.hcl'), JSON.stringify(report.buildNotes));
  });

  it('a workflow with build-push-action and a buildx run step: one result per stage built', async () => {
    const { report } = await lint('workflow-action');
    const release = only(report, 'deploy/Dockerfile', 'release');
    const debug = only(report, 'deploy/Dockerfile', 'debug');
    for (const r of [release, debug]) {
      assert.equal(r.target.context, '.');
      assert.equal(r.target.contextSource, 'workflow');
      assert.deepEqual(missing(r), ['missing.txt error']);
    }
    assert.ok((report.buildNotes ?? []).some((n) => n.file === '.github/workflows/broken.yml'));
  });

  it('a package.json script: docker build -f docker/Dockerfile --target release .', async () => {
    const { report } = await lint('package-script');
    const r = only(report, 'docker/Dockerfile');
    assert.deepEqual([r.target.context, r.target.contextSource, r.target.stage], ['.', 'script', 'release']);
    assert.deepEqual(missing(r), ['missing.txt error']);
  });

  it('a Makefile with make variables', async () => {
    const { report } = await lint('makefile');
    const r = only(report, 'build/Dockerfile');
    assert.deepEqual([r.target.context, r.target.contextSource], ['.', 'script']);
    assert.deepEqual(missing(r), ['missing.txt error']);
  });

  it('a symlinked root Dockerfile: audited once, at its target, with the root as guessed context', async () => {
    const { report } = await lint('symlink-root');
    assert.deepEqual(dockerfiles(report).map((r) => r.target.path), ['docker/Dockerfile']);
    const r = only(report, 'docker/Dockerfile');
    assert.deepEqual([r.target.context, r.target.contextSource], ['.', 'guess']);
    // guessed: the missing source is a warning, and the target is still graded
    assert.deepEqual(missing(r), ['missing.txt warning']);
    assert.equal(r.level, 'nonroot');
    assert.ok(r.notes);
    assert.match(r.notes.join('\n'), /guessed .*Dockerfile links to it/);
    assert.deepEqual(report.skipped, [{ path: 'Dockerfile', reason: 'symbolic link to docker/Dockerfile, audited there' }]);
  });

  it('Containerfiles are found; one built by a podman script, one guessed', async () => {
    const { report } = await lint('containerfile');
    assert.deepEqual(dockerfiles(report).map((r) => r.target.path).sort(), ['Containerfile', 'images/worker.Containerfile']);
    const worker = only(report, 'images/worker.Containerfile');
    assert.deepEqual([worker.target.context, worker.target.contextSource], ['.', 'script']);
    assert.deepEqual(missing(worker), []);
    const main = only(report, 'Containerfile');
    assert.equal(main.target.contextSource, 'guess');
    assert.deepEqual(missing(main), ['missing.txt warning']);
  });

  it('a template beside a Dockerfile is skipped with its reason (JSON and pretty)', async () => {
    const { report } = await lint('template');
    assert.deepEqual(dockerfiles(report).map((r) => r.target.path), ['Dockerfile']);
    assert.deepEqual(report.skipped, [{ path: 'Dockerfile.j2', reason: 'a .j2 template, not a Dockerfile: it is rendered before it is built' }]);
    assert.ok(!report.results.some((r) => r.findings.some((f) => f.ruleId === 'tightship/parse-error')));
    assert.deepEqual(missing(only(report, 'Dockerfile')), ['missing.txt warning']);
    const pretty = await runCli(['lint', '.', '--fail-on', 'none'], path.join(PROJECTS, 'template'));
    assert.match(pretty.stdout, /^Dockerfile {2}context \. \(guessed\)$/m);
    assert.match(pretty.stdout, /^skipped {2}Dockerfile\.j2: a \.j2 template/m);
  });

  it('a test stage after the release stage: the release build is graded as release, the test build says it tests', async () => {
    const { report } = await lint('test-stage-last');
    const release = only(report, 'Dockerfile', 'release');
    const test = only(report, 'Dockerfile', 'test');
    // the release stage ends as USER node; the test stage as USER root
    assert.ok(!release.findings.some((f) => f.ruleId === 'dockerfile/last-user-root'));
    assert.ok(test.findings.some((f) => f.ruleId === 'dockerfile/last-user-root'));
    assert.equal(release.notes, undefined);
    assert.ok(test.notes);
    assert.match(test.notes.join('\n'), /stage test is the last stage and is built only as a test\/CI stage .*the image that ships is stage release/);
    const app = report.results.find((r) => r.target.kind === 'compose' && (r.target as { service?: string }).service === 'app') as unknown as { facts: { imageUser: string } };
    assert.equal(app.facts.imageUser, 'node');
  });

  it('--target and --context on the command line apply to the Dockerfile named (source cli)', async () => {
    const dir = path.join(PROJECTS, 'test-stage-last');
    const r = await runCli(['lint', 'Dockerfile', '--target', 'release', '--format', 'json', '--fail-on', 'none'], dir);
    const rep = JSON.parse(r.stdout) as Report;
    assert.deepEqual(dockerfiles(rep).map((x) => [x.target.stage, x.target.contextSource]), [['release', 'compose']]);
    const c = await runCli(['lint', 'docker/Dockerfile', '--context', '.', '--format', 'json', '--fail-on', 'none'], path.join(PROJECTS, 'compose-context-up'));
    const crep = JSON.parse(c.stdout) as Report;
    const only1 = dockerfiles(crep);
    assert.equal(only1.length, 1);
    assert.deepEqual([only1[0].target.context, only1[0].target.contextSource, only1[0].target.stage], ['.', 'cli', undefined]);
    assert.deepEqual(missing(only1[0]), ['missing.txt error']);
    const bad = await runCli(['lint', 'docker/Dockerfile', '--context', '.', '--context', 'src'], path.join(PROJECTS, 'compose-context-up'));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--context given 2 times for 1 Dockerfile\(s\) named/);
  });

  it('the pretty header names the context, where it was read and the stage', async () => {
    const r = await runCli(['lint', '.', '--fail-on', 'none'], path.join(PROJECTS, 'package-script'));
    assert.match(r.stdout, /^docker\/Dockerfile {2}context \. \(from script\) · target release$/m);
  });
});
