import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderTightshipYaml, summarizeNotes, translateHadolintConfig, type HadolintNote } from '../../src/engine/hadolint-config.js';
import { loadConfigFile } from '../../src/engine/config.js';
import { catalogue } from '../../src/rules/index.js';
import { UserError } from '../../src/engine/types.js';

const rules = catalogue();
const t = (yaml: string | null, env: Record<string, string> = {}) => translateHadolintConfig({ yaml, env, rules, file: '.hadolint.yaml' });
const noteOf = (notes: HadolintNote[], key: string) => {
  const n = notes.find((x) => x.key === key);
  assert.ok(n, `no note for ${key}: ${JSON.stringify(notes)}`);
  return n;
};
function userError(fn: () => unknown): UserError {
  try { fn(); } catch (err) { assert.ok(err instanceof UserError, String(err)); return err; }
  assert.fail('expected a UserError');
}

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-hadolint-config-')); });
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe('hadolint config: ignored', () => {
  it('a DL id claimed by one rule turns that rule off', () => {
    const r = t('ignored:\n  - DL3008\n');
    assert.deepEqual(r.config.rules, { 'dockerfile/apt-get-unpinned': 'off' });
    const n = noteOf(r.notes, 'ignored');
    assert.equal(n.status, 'honoured');
    assert.match(n.message, /DL3008 → dockerfile\/apt-get-unpinned/);
  });

  it('a rule that also stands for DL ids still in force stays on, and the note says so', () => {
    const r = t('ignored: [DL3033]\n'); // rpm-unpinned also covers DL3037 and DL3041
    assert.equal(r.config.rules?.['dockerfile/rpm-unpinned'], undefined);
    const n = noteOf(r.notes, 'ignored');
    assert.equal(n.status, 'no-equivalent');
    assert.match(n.message, /rpm-unpinned also covers DL3037, DL3041; it stays on/);
  });

  it('ignoring every DL id of a rule turns it off', () => {
    const r = t('ignored: [DL3033, DL3037, dl3041]\n');
    assert.equal(r.config.rules?.['dockerfile/rpm-unpinned'], 'off');
  });

  it('DL ids without a rule are named as not honoured; ShellCheck codes become the shellcheck rule\'s exclusions', () => {
    const r = t('ignored: [DL3008, DL3059, SC2086]\n');
    const n = noteOf(r.notes, 'ignored');
    assert.equal(n.status, 'partial');
    assert.match(n.message, /no tightship rule yet for DL3059/);
    assert.match(n.message, /ShellCheck codes SC2086 → dockerfile\/shellcheck options.exclude/);
    assert.deepEqual(r.config.rules?.['dockerfile/shellcheck'], { options: { exclude: ['SC2086'] } });
    const only = t('ignored: [sc2046, SC1000]\n');
    assert.equal(noteOf(only.notes, 'ignored').status, 'honoured');
    assert.deepEqual(only.config.rules?.['dockerfile/shellcheck'], { options: { exclude: ['SC1000', 'SC2046'] } });
  });

  it('HADOLINT_IGNORE adds to the file, comma-separated, spaces allowed', () => {
    const r = t('ignored: [DL3033, DL3037]\n', { HADOLINT_IGNORE: 'DL3041, DL3008' });
    assert.equal(r.config.rules?.['dockerfile/rpm-unpinned'], 'off');
    assert.equal(r.config.rules['dockerfile/apt-get-unpinned'], 'off');
    assert.equal(noteOf(r.notes, 'HADOLINT_IGNORE').status, 'honoured');
  });
});

describe('hadolint config: override', () => {
  it('maps each severity through equivalents; style becomes info', () => {
    const r = t('override:\n  error: [DL3002]\n  warning: [DL3042]\n  style: [DL3015]\n');
    assert.deepEqual(r.config.rules, {
      'dockerfile/apt-get-no-install-recommends': 'info',
      'dockerfile/last-user-root': 'error',
      'dockerfile/pip-no-cache-dir': 'warning',
    });
    assert.match(noteOf(r.notes, 'override.style').message, /no style severity: style is info/);
    assert.equal(noteOf(r.notes, 'override.error').status, 'honoured');
  });

  it('different severities for DL ids of one rule: the most severe wins, with a note', () => {
    const r = t('override:\n  info: [DL3033]\n  error: [DL3041]\n');
    assert.equal(r.config.rules?.['dockerfile/rpm-unpinned'], 'error');
    assert.match(noteOf(r.notes, 'override').message, /rpm-unpinned/);
  });

  it('an ignored DL id is not turned back on by an override', () => {
    const r = t('ignored: [DL3008]\noverride:\n  error: [DL3008]\n');
    assert.equal(r.config.rules?.['dockerfile/apt-get-unpinned'], 'off');
  });

  it('HADOLINT_OVERRIDE_* variables', () => {
    const r = t(null, { HADOLINT_OVERRIDE_ERROR: 'DL3008', HADOLINT_OVERRIDE_INFO: 'DL3002,DL9999' });
    assert.equal(r.config.rules?.['dockerfile/apt-get-unpinned'], 'error');
    assert.equal(r.config.rules['dockerfile/last-user-root'], 'info');
    const n = noteOf(r.notes, 'HADOLINT_OVERRIDE_INFO');
    assert.equal(n.status, 'partial');
    assert.match(n.message, /no tightship rule yet for DL9999/);
  });

  it('an unknown severity is a one-line error', () => {
    const e = userError(() => t('override:\n  fatal: [DL3008]\n'));
    assert.match(e.message, /^override\.fatal in \.hadolint\.yaml: is not a severity/);
  });
});

describe('hadolint config: thresholds, pragmas, labels, registries', () => {
  for (const [v, failOn] of [['error', 'error'], ['warning', 'warning'], ['info', 'info'], ['style', 'info'], ['none', 'none']] as const) {
    it(`failure-threshold: ${v} → failOn: ${failOn}`, () => {
      const r = t(`failure-threshold: ${v}\n`);
      assert.equal(r.config.failOn, failOn);
      assert.equal(noteOf(r.notes, 'failure-threshold').status, 'honoured');
    });
  }

  it('HADOLINT_FAILURE_THRESHOLD beats the file; a bad value is an error', () => {
    assert.equal(t('failure-threshold: error\n', { HADOLINT_FAILURE_THRESHOLD: 'warning' }).config.failOn, 'warning');
    assert.match(userError(() => t(null, { HADOLINT_FAILURE_THRESHOLD: 'loud' })).message, /'loud' is not a threshold/);
  });

  it('no-fail and HADOLINT_NOFAIL (hadolint\'s truthy words) give failOn: none', () => {
    assert.equal(t('no-fail: true\n').config.failOn, 'none');
    assert.equal(t(null, { HADOLINT_NOFAIL: 'yes' }).config.failOn, 'none');
    assert.equal(t(null, { HADOLINT_NOFAIL: 'nope' }).config.failOn, undefined);
  });

  it('disable-ignore-pragma → inlineIgnores: false, and says it covers tightship comments too', () => {
    const r = t('disable-ignore-pragma: true\n');
    assert.equal(r.config.inlineIgnores, false);
    assert.match(noteOf(r.notes, 'disable-ignore-pragma').message, /tightship ignore/);
    assert.equal(t(null, { HADOLINT_DISABLE_IGNORE_PRAGMA: '1' }).config.inlineIgnores, false);
  });

  it('label-schema names become the required labels, and their types the label schema', () => {
    const r = t('label-schema:\n  author: text\n  version: semver\n');
    assert.deepEqual(r.config.rules?.['dockerfile/missing-oci-labels'], { options: { required: ['author', 'version'] } });
    assert.deepEqual(r.config.rules['dockerfile/label-schema'], { options: { labels: { author: 'text', version: 'semver' } } });
    const n = noteOf(r.notes, 'label-schema');
    assert.equal(n.status, 'honoured');
    assert.match(n.message, /DL3049.*DL3051/);
  });

  it('HADOLINT_REQUIRE_LABELS reads name:type pairs and drops unreadable ones', () => {
    const r = t(null, { HADOLINT_REQUIRE_LABELS: 'maintainer:text,bad,version:nope' });
    assert.deepEqual(r.config.rules?.['dockerfile/missing-oci-labels'], { options: { required: ['maintainer'] } });
    assert.deepEqual(r.config.rules['dockerfile/label-schema'], { options: { labels: { maintainer: 'text' } } });
  });

  it('a label-schema with an unknown type is an error', () => {
    assert.match(userError(() => t('label-schema:\n  a: number\n')).message, /label-schema\.a in \.hadolint\.yaml: must be one of text/);
  });

  it('trustedRegistries (string or list) and strict-labels become rule options', () => {
    const r = t('trustedRegistries: docker.io\nstrict-labels: true\n');
    assert.equal(noteOf(r.notes, 'trustedRegistries').status, 'honoured');
    assert.match(noteOf(r.notes, 'trustedRegistries').message, /DL3026.*dockerfile\/untrusted-registry.*docker\.io/);
    assert.equal(noteOf(r.notes, 'strict-labels').status, 'honoured');
    assert.deepEqual(r.config.rules, {
      'dockerfile/label-schema': { options: { strict: true } },
      'dockerfile/untrusted-registry': { options: { allowed: ['docker.io'] } },
    });
    const env = t(null, { HADOLINT_TRUSTED_REGISTRIES: 'a.io,b.io' });
    assert.deepEqual(env.config.rules?.['dockerfile/untrusted-registry'], { options: { allowed: ['a.io', 'b.io'] } });
  });

  it('an ignored rule stays off when its options are set too', () => {
    const r = t('ignored: [DL3026]\ntrustedRegistries: [x.io]\n');
    assert.equal(r.config.rules?.['dockerfile/untrusted-registry'], 'off');
  });

  it('output settings and unknown keys are named, not applied', () => {
    const r = t('format: json\nno-color: true\nfancy: 1\n');
    assert.equal(noteOf(r.notes, 'format').status, 'not-a-lint-setting');
    assert.match(noteOf(r.notes, 'fancy').message, /not a hadolint setting/);
  });
});

describe('hadolint config: bad input', () => {
  it('invalid YAML names the file and line', () => {
    assert.match(userError(() => t('ignored: [DL3008\n')).message, /^invalid YAML in \.hadolint\.yaml at line \d+/);
  });
  it('a list where a mapping belongs, and a non-boolean flag', () => {
    assert.match(userError(() => t('- DL3008\n')).message, /must be a mapping of settings/);
    assert.match(userError(() => t('no-fail: sometimes\n')).message, /no-fail in \.hadolint\.yaml: must be true or false/);
    assert.match(userError(() => t('ignored: {a: 1}\n')).message, /must be a list of strings/);
  });
  it('an empty file and no variables give an empty config and no notes', () => {
    assert.deepEqual(t(''), { config: {}, notes: [] });
    assert.deepEqual(t(null), { config: {}, notes: [] });
  });
});

describe('hadolint config: rendering', () => {
  it('the rendered .tightship.yaml loads with the real config loader and keeps every setting', async () => {
    const r = t('ignored: [DL3008]\noverride:\n  error: [DL3002]\nfailure-threshold: warning\ndisable-ignore-pragma: true\n' +
      'label-schema:\n  author: text\ntrustedRegistries: [docker.io]\n');
    const text = renderTightshipYaml(r, '.hadolint.yaml');
    assert.match(text, /^# Translated from \.hadolint\.yaml/);
    assert.match(text, /# trustedRegistries: honoured/);
    const file = path.join(tmp, 'a', '.tightship.yaml');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    const loaded = await loadConfigFile(file, rules);
    assert.equal(loaded.failOn, 'warning');
    assert.equal(loaded.inlineIgnores, false);
    assert.deepEqual(loaded.rules['dockerfile/apt-get-unpinned'], { severity: 'off' });
    assert.deepEqual(loaded.rules['dockerfile/last-user-root'], { severity: 'error' });
    assert.deepEqual(loaded.rules['dockerfile/missing-oci-labels'], { options: { required: ['author'] } });
    assert.deepEqual(loaded.rules['dockerfile/untrusted-registry'], { options: { allowed: ['docker.io'] } });
  });

  it('a translation with no settings renders a file the loader accepts', async () => {
    const text = renderTightshipYaml(t('trustedRegistries: []\n'), '.hadolint.yaml');
    const file = path.join(tmp, 'b', '.tightship.yaml');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    const loaded = await loadConfigFile(file, rules);
    assert.deepEqual(loaded.rules, {});
  });

  it('summarizeNotes groups the keys by outcome', () => {
    const r = t('ignored: [DL3008]\noverride:\n  error: [DL3059]\nformat: json\n');
    assert.equal(summarizeNotes('.hadolint.yaml', r.notes),
      'using hadolint settings from .hadolint.yaml (honoured: ignored; no equivalent yet: override.error; ignored: format)');
  });
});

describe('hadolint config: as the engine configuration', () => {
  it('hadolintResolvedConfig carries every translated setting and the source', async () => {
    const { hadolintResolvedConfig } = await import('../../src/engine/hadolint-config.js');
    const c = hadolintResolvedConfig(t('ignored: [DL3008]\nno-fail: true\ndisable-ignore-pragma: true\nlabel-schema:\n  a: text\n'), '/x/.hadolint.yaml');
    assert.equal(c.source, '/x/.hadolint.yaml');
    assert.equal(c.baseDir, '/x');
    assert.equal(c.failOn, 'none');
    assert.equal(c.inlineIgnores, false);
    assert.deepEqual(c.rules['dockerfile/apt-get-unpinned'], { severity: 'off' });
    assert.deepEqual(c.rules['dockerfile/missing-oci-labels'], { options: { required: ['a'] } });
    assert.deepEqual(c.buildArgs, {});
  });
  it('hasHadolintEnv ignores output-only variables', async () => {
    const { hasHadolintEnv } = await import('../../src/engine/hadolint-config.js');
    assert.equal(hasHadolintEnv({ HADOLINT_FORMAT: 'json', PATH: '/bin' }), false);
    assert.equal(hasHadolintEnv({ HADOLINT_IGNORE: 'DL3008' }), true);
  });
});

describe('hadolint config: read by the config loader when there is no .tightship.yaml', () => {
  const DOCKERFILE = 'FROM alpine:3.20\nUSER root\nCMD ["true"]\n';
  async function tree(files: Record<string, string>): Promise<string> {
    const dir = mkdtempSync(path.join(tmp, 'loader-'));
    for (const [rel, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await fs.writeFile(path.join(dir, rel), content);
    }
    return dir;
  }
  const loader = async (env: Record<string, string> = {}) =>
    (await import('../../src/engine/config.js')).createConfigLoader({ env, overrides: {}, catalogue: rules });

  it('the loader and the translator agree on the file names', async () => {
    const { HADOLINT_CONFIG_FILE_NAMES: a } = await import('../../src/engine/config.js');
    const { HADOLINT_CONFIG_FILE_NAMES: b } = await import('../../src/engine/hadolint-config.js');
    assert.deepEqual(a, b);
  });

  it('.hadolint.yaml found upward is translated, with a notice', async () => {
    const dir = await tree({ '.hadolint.yaml': 'ignored: [DL3002]\noverride:\n  info: [DL3059]\n', 'svc/Dockerfile': DOCKERFILE });
    const c = await (await loader()).forDir(path.join(dir, 'svc'));
    assert.deepEqual(c.rules['dockerfile/last-user-root'], { severity: 'off' });
    assert.equal(c.source, path.join(dir, '.hadolint.yaml'));
    assert.match(c.notice ?? '', /honoured: ignored; no equivalent yet: override.info/);
  });

  it('a .tightship.yaml anywhere upward wins over a nearer .hadolint.yaml', async () => {
    const dir = await tree({ '.tightship.yaml': 'failOn: info\n', 'svc/.hadolint.yml': 'ignored: [DL3002]\n' });
    const c = await (await loader()).forDir(path.join(dir, 'svc'));
    assert.equal(c.failOn, 'info');
    assert.equal(c.rules['dockerfile/last-user-root'], undefined);
    assert.equal(c.notice, undefined);
  });

  it('HADOLINT_* variables alone apply when no config file exists; output-only ones do not', async () => {
    const dir = await tree({ 'Dockerfile': DOCKERFILE });
    assert.equal((await (await loader({ HADOLINT_NOFAIL: 'true' })).forDir(dir)).failOn, 'none');
    const plain = await (await loader({ HADOLINT_FORMAT: 'json' })).forDir(dir);
    assert.equal(plain.source, null);
    assert.equal(plain.notice, undefined);
  });

  it('lint honours the translated settings end to end', async () => {
    const { runCli } = await import('../helpers/cli-io.js');
    const dir = await tree({ '.hadolint.yaml': 'ignored: [DL3002]\n', 'Dockerfile': DOCKERFILE });
    const without = await runCli(['lint', 'Dockerfile', '--format', 'json'], await tree({ 'Dockerfile': DOCKERFILE }));
    assert.match(without.stdout, /dockerfile\/last-user-root/);
    const r = await runCli(['lint', 'Dockerfile', '--format', 'json'], dir);
    assert.doesNotMatch(r.stdout, /dockerfile\/last-user-root/);
  });

  it('a broken .hadolint.yaml is a one-line error from lint', async () => {
    const { runCli } = await import('../helpers/cli-io.js');
    const dir = await tree({ '.hadolint.yaml': 'ignored: [DL3002\n', 'Dockerfile': DOCKERFILE });
    const r = await runCli(['lint', 'Dockerfile'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^tightship: invalid YAML in .*\.hadolint\.yaml at line \d+/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });

  it('tightship migrate is in the command table', async () => {
    const { runCli } = await import('../helpers/cli-io.js');
    const dir = await tree({ '.hadolint.yaml': 'ignored: [DL3002]\n' });
    const r = await runCli(['migrate', 'hadolint', '--dry-run'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /dockerfile\/last-user-root: off/);
  });
});
