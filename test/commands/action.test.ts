// The GitHub Action: action.yml's wiring read with the yaml package (a composite action whose
// inputs reach scripts/action.sh, whose outputs the script writes, whose SARIF goes to GitHub's
// upload action), and the script run for real on a fixture project with the environment the
// action gives it: a SARIF file valid against the official schema, and annotations that point
// at real lines.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadSarifValidator } from '../report/validators.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'dist/bin/cli.js');

interface Step { name?: string; id?: string; if?: string; uses?: string; shell?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }
interface Action {
  name: string; description: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean } | undefined>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const actionText = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const script = readFileSync(join(ROOT, 'scripts/action.sh'), 'utf8');
const lintStep = action.runs.steps.find((s) => s.id === 'lint');

/** The step's env as GitHub would give it: `${{ inputs.X }}` replaced by `with` or the default. */
function stepEnv(step: Step, withInputs: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) {
    const m = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(v);
    assert.ok(m?.[1], `${k}: ${v} is not an input`);
    out[k] = withInputs[m[1]] ?? action.inputs[m[1]]?.default ?? '';
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'tightship-action-'));
after(() => { rmSync(work, { recursive: true, force: true }); });

function fixture(): string {
  const dir = join(work, `project-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeFileSync(join(dir, 'app/Dockerfile'), 'FROM ubuntu:latest\nRUN apt-get update && apt-get install -y curl\nUSER root\nCMD ["curl", "--version"]\n');
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
  return dir;
}

function runAction(dir: string, withInputs: Partial<Record<string, string>>) {
  assert.ok(lintStep);
  const outputFile = join(dir, 'github-output');
  const summaryFile = join(dir, 'step-summary');
  writeFileSync(outputFile, '');
  const env = { ...process.env, ...stepEnv(lintStep, withInputs), TIGHTSHIP_CLI: CLI, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTION_PATH: ROOT };
  // the step's own command line, as the runner would run it (GITHUB_ACTION_PATH is this checkout)
  const r = spawnSync('bash', ['-c', lintStep.run ?? ''], { cwd: dir, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const l of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
    const eq = l.indexOf('=');
    outputs[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : null };
}

describe('action.yml', () => {
  it('is a composite action: setup-node, the script, then upload-sarif with the SARIF the script wrote', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    assert.ok(lintStep);
    assert.equal(lintStep.shell, 'bash');
    assert.equal(lintStep.run, 'bash "$GITHUB_ACTION_PATH/scripts/action.sh"');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload);
    assert.match(upload.uses ?? '', /@v3$/);
    assert.equal(upload.with?.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
    assert.equal(upload.with.category, '${{ inputs.category }}');
    assert.match(upload.if ?? '', /!cancelled\(\)/, 'the report is uploaded when the lint step fails on findings');
    assert.ok(action.runs.steps.indexOf(upload) > action.runs.steps.indexOf(lintStep));
  });

  it('every input it uses is declared and documented; every input declared is used', () => {
    const used = new Set([...actionText.matchAll(/\$\{\{[^}]*?inputs\.([a-z-]+)/g)].map((m) => m[1]));
    assert.deepEqual([...used].sort(), Object.keys(action.inputs).sort());
    for (const [name, input] of Object.entries(action.inputs)) assert.ok((input?.description.length ?? 0) > 10, name);
  });

  it("the script reads every variable the step passes, and writes the action's outputs", () => {
    for (const name of Object.keys(lintStep?.env ?? {})) assert.match(script, new RegExp(`\\$\\{${name}[:}]`), name);
    for (const [name, out] of Object.entries(action.outputs)) {
      assert.equal(out.value, `\${{ steps.lint.outputs.${name} }}`);
      assert.match(script, new RegExp(`echo "${name}=`), name);
    }
  });
});

describe('scripts/action.sh on a fixture project', () => {
  it('writes a valid SARIF file and annotates the findings; exit code 1 on errors', async () => {
    const dir = fixture();
    const r = runAction(dir, { path: '.', args: '--no-run-lines' });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.outputs, { 'sarif-file': 'tightship.sarif', 'exit-code': '1' });

    const sarif = JSON.parse(readFileSync(join(dir, 'tightship.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const validate = await loadSarifValidator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const ruleIds = sarif.runs.flatMap((run) => run.results.map((x) => x.ruleId));
    for (const id of ['dockerfile/last-user-root', 'dockerfile/base-image-latest', 'compose/privileged']) assert.ok(ruleIds.includes(id), id);
    const uris = new Set(sarif.runs.flatMap((run) => run.results.map((x) => x.locations[0]?.physicalLocation.artifactLocation.uri)));
    assert.deepEqual([...uris].sort(), ['app/Dockerfile', 'compose.yaml']);

    // every annotation is a workflow command on a line that exists in a file of the project
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.ok(annotations.length >= 4, r.stdout);
    for (const a of annotations) {
      const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=\d+,endLine=\d+,endColumn=\d+,title=([a-z-]+\/[a-z0-9-]+)::\S/.exec(a);
      assert.ok(m, a);
      const [, , file, line] = m;
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').length;
      assert.ok(Number(line) >= 1 && Number(line) <= lines, a);
    }
    assert.ok(annotations.some((a) => a.startsWith('::error file=app/Dockerfile,line=3,') && a.includes('title=dockerfile/last-user-root::')));
    assert.ok(annotations.some((a) => a.includes('file=compose.yaml') && a.includes('title=compose/privileged::')));
    assert.match(r.summary ?? '', /^### tightship\n\n- app\/Dockerfile: level root/m);
  });

  it('fail-on none: exit code 0 and the same report; the sarif-file input moves the file', () => {
    const dir = fixture();
    const r = runAction(dir, { 'fail-on': 'none', 'sarif-file': 'reports/out.sarif', path: 'app' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.outputs['sarif-file'], 'reports/out.sarif');
    assert.ok(existsSync(join(dir, 'reports/out.sarif')));
    assert.equal(existsSync(join(dir, 'tightship.sarif')), false);
    assert.doesNotMatch(r.stdout, /compose\.yaml/, 'only the path given is audited');
  });

  it('bad inputs: one error annotation and exit code 2, no report', () => {
    const dir = fixture();
    for (const [inputs, message] of [
      [{ 'fail-on': 'sometimes' }, "fail-on must be error, warning, info or none, not 'sometimes'"],
      [{ args: '--format json' }, "args: '--format' is set by the action"],
      [{ path: 'nowhere' }, "path 'nowhere' does not exist"],
      [{ args: '--no-such-flag' }, 'tightship lint exited 2 while writing tightship.sarif'],
    ] as const) {
      const r = runAction(dir, inputs);
      assert.equal(r.code, 2, JSON.stringify(inputs));
      assert.ok(r.stdout.startsWith(`::error title=tightship action::${message}`), r.stdout);
      assert.deepEqual(r.outputs, {});
    }
  });

  it('args one per line keep a value with a space whole', () => {
    const dir = fixture();
    writeFileSync(join(dir, 'app/Dockerfile.alt'), 'FROM scratch\nCOPY x /x\n');
    const r = runAction(dir, { path: 'app/Dockerfile.alt', args: '--build-arg\nNOTE=two words\n--no-context', 'fail-on': 'none' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^app\/Dockerfile\.alt: level /m);
  });
});
