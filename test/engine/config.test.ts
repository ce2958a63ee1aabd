import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compileConfigGlob, createConfigLoader, isIgnoredPath, loadConfigFile } from '../../src/engine/config.js';
import { defaultConfig } from '../../src/engine/config-types.js';
import { catalogue } from '../../src/rules/index.js';
import { UserError } from '../../src/engine/types.js';
import { runCli } from '../helpers/cli-io.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { readReport } from '../helpers/json-report.js';

let tmp = '';
const write = useTempDir('tightship-config-', (dir) => { tmp = dir; });

async function configError(yaml: string): Promise<UserError> {
  const file = await write(`bad-${Math.random().toString(36).slice(2)}/.tightship.yaml`, yaml);
  try {
    await loadConfigFile(file, catalogue());
  } catch (err) {
    assert.ok(err instanceof UserError, `expected a UserError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the config to be rejected');
}

const ROOT_DOCKERFILE = 'FROM alpine:3.20\nUSER root\nCMD ["true"]\n';

describe('config file: validation', () => {
  it('an unknown top-level key is an error naming the key, with a did-you-mean', async () => {
    const e = await configError('failon: warning\n');
    assert.match(e.message, /^unknown key 'failon' in .*\.tightship\.yaml \(did you mean 'failOn'\?\)$/);
    assert.match(e.hint ?? '', /allowed keys: failOn, inlineIgnores, buildArgs, ignore, builds, rules/);
  });

  it('an unknown rule id is an error with a did-you-mean', async () => {
    const e = await configError('rules:\n  dockerfile/last-user-rot: off\n');
    assert.match(e.message, /unknown rule 'dockerfile\/last-user-rot' .*\(did you mean 'dockerfile\/last-user-root'\?\)/);
  });

  it('a bad severity value names the rule', async () => {
    const e = await configError('rules:\n  dockerfile/last-user-root: loud\n');
    assert.match(e.message, /invalid setting for rule 'dockerfile\/last-user-root'/);
  });

  it('bad rule options fail at load, naming the rule and the option', async () => {
    const e = await configError('rules:\n  dockerfile/package-upgrade:\n    options:\n      packageUpgrades: sometimes\n');
    assert.match(e.message, /^invalid options for rule 'dockerfile\/package-upgrade' in .*: option 'packageUpgrades' must be equal to one of the allowed values \(forbid, require, ignore\)$/);
    const e2 = await configError('rules:\n  dockerfile/package-upgrade:\n    options:\n      upgrades: forbid\n');
    assert.match(e2.message, /unknown option 'upgrades'/);
    const e3 = await configError('rules:\n  dockerfile/last-user-root:\n    options:\n      x: 1\n');
    assert.match(e3.message, /rule 'dockerfile\/last-user-root' takes no options/);
  });

  it('invalid YAML and a non-mapping are errors with the line', async () => {
    assert.match((await configError('rules: [unclosed\n')).message, /^invalid YAML in .* at line \d+/);
    assert.match((await configError('- a\n- b\n')).message, /must be a mapping of settings/);
    assert.match((await configError('failOn: sometimes\n')).message, /failOn in .* must be equal to one of the allowed values \(one of error, warning, info, none\)/);
  });

  it('a valid file is read: failOn, inlineIgnores, buildArgs, ignore, rules (short and long form)', async () => {
    const file = await write('valid/.tightship.yml', [
      'failOn: warning', 'inlineIgnores: false', 'buildArgs:', '  TAG: "3.20"', '  N: 2', 'ignore: ["vendor/**"]',
      'rules:', '  dockerfile/last-user-root: warning', '  dockerfile/package-upgrade:', '    severity: error', '    options:', '      packageUpgrades: forbid', '',
    ].join('\n'));
    const c = await loadConfigFile(file, catalogue());
    assert.equal(c.failOn, 'warning');
    assert.equal(c.inlineIgnores, false);
    assert.deepEqual(c.buildArgs, { TAG: '3.20', N: '2' });
    assert.deepEqual(c.ignore, ['vendor/**']);
    assert.deepEqual(c.rules['dockerfile/last-user-root'], { severity: 'warning' });
    assert.deepEqual(c.rules['dockerfile/package-upgrade'], { severity: 'error', options: { packageUpgrades: 'forbid' } });
  });
});

describe('config: layering defaults < file < env < flags', () => {
  it('found upward from the target folder; env and flags override the file', async () => {
    await write('layers/.tightship.yaml', 'failOn: info\ninlineIgnores: true\nbuildArgs: {A: file, B: file}\n');
    await fs.mkdir(path.join(tmp, 'layers/deep/er'), { recursive: true });
    const base = { catalogue: catalogue() };
    const fileOnly = await createConfigLoader({ ...base, env: {}, overrides: {} }).forDir(path.join(tmp, 'layers/deep/er'));
    assert.equal(fileOnly.failOn, 'info');
    assert.equal(fileOnly.source, path.join(tmp, 'layers/.tightship.yaml'));
    const env = await createConfigLoader({ ...base, env: { TIGHTSHIP_FAIL_ON: 'warning', TIGHTSHIP_NO_INLINE_IGNORES: '1' }, overrides: {} })
      .forDir(path.join(tmp, 'layers/deep'));
    assert.equal(env.failOn, 'warning');
    assert.equal(env.inlineIgnores, false);
    const flags = await createConfigLoader({ ...base, env: { TIGHTSHIP_FAIL_ON: 'warning' }, overrides: { failOn: 'none', buildArgs: { B: 'flag' } } })
      .forDir(path.join(tmp, 'layers'));
    assert.equal(flags.failOn, 'none');
    assert.deepEqual(flags.buildArgs, { A: 'file', B: 'flag' });
  });

  it('one loader asked for many folders: a file found for a folder is found for its subfolders, a nearer one wins, order does not matter', async () => {
    await write('shared/.tightship.yaml', 'failOn: info\n');
    await write('shared/near/.tightship.yml', 'failOn: warning\n');
    for (const d of ['shared/a/b/c', 'shared/near/x/y', 'shared/near/z']) await fs.mkdir(path.join(tmp, d), { recursive: true });
    const at = (rel: string) => path.join(tmp, rel);
    const orders = [
      ['shared/a/b/c', 'shared/a/b', 'shared/near/x/y', 'shared/near', 'shared', 'shared/near/z', 'shared/a'],
      ['shared', 'shared/near', 'shared/a', 'shared/near/z', 'shared/a/b/c', 'shared/near/x/y', 'shared/a/b'],
    ];
    for (const order of orders) {
      const loader = createConfigLoader({ catalogue: catalogue(), env: {}, overrides: {} });
      const seen = new Map<string, string | null>();
      for (const rel of order) seen.set(rel, (await loader.forDir(at(rel))).source);
      for (const rel of ['shared', 'shared/a', 'shared/a/b', 'shared/a/b/c']) assert.equal(seen.get(rel), at('shared/.tightship.yaml'), rel);
      for (const rel of ['shared/near', 'shared/near/x/y', 'shared/near/z']) assert.equal(seen.get(rel), at('shared/near/.tightship.yml'), rel);
      // the same folder asked again (also as a path that resolves to it) is the same config
      assert.equal(await loader.forDir(at('shared/a/b')), await loader.forDir(at('shared/a/b')));
      assert.equal((await loader.forDir(at('shared/a/b/../b'))).source, at('shared/.tightship.yaml'));
    }
  });

  it('a .tightship.yaml farther up wins over a nearer .hadolint.yaml; a .hadolint.yaml is found for subfolders when there is none', async () => {
    await write('mixed/.tightship.yaml', 'failOn: info\n');
    await write('mixed/h/.hadolint.yaml', 'failure-threshold: warning\n');
    await write('only-hadolint/.hadolint.yaml', 'failure-threshold: warning\n');
    await fs.mkdir(path.join(tmp, 'mixed/h/deep'), { recursive: true });
    await fs.mkdir(path.join(tmp, 'only-hadolint/deep/er'), { recursive: true });
    const loader = createConfigLoader({ catalogue: catalogue(), env: {}, overrides: {} });
    assert.equal((await loader.forDir(path.join(tmp, 'mixed/h/deep'))).source, path.join(tmp, 'mixed/.tightship.yaml'));
    assert.equal((await loader.forDir(path.join(tmp, 'mixed/h'))).source, path.join(tmp, 'mixed/.tightship.yaml'));
    assert.equal((await loader.forDir(path.join(tmp, 'only-hadolint'))).source, path.join(tmp, 'only-hadolint/.hadolint.yaml'));
    assert.equal((await loader.forDir(path.join(tmp, 'only-hadolint/deep/er'))).source, path.join(tmp, 'only-hadolint/.hadolint.yaml'));
  });

  it('a folder named .tightship.yaml is not a config file: the lookup goes on upward', async () => {
    await write('dirnamed/.tightship.yaml', 'failOn: none\n');
    await fs.mkdir(path.join(tmp, 'dirnamed/sub/.tightship.yaml'), { recursive: true });
    const c = await createConfigLoader({ catalogue: catalogue(), env: {}, overrides: {} }).forDir(path.join(tmp, 'dirnamed/sub'));
    assert.equal(c.source, path.join(tmp, 'dirnamed/.tightship.yaml'));
  });

  it('without a file: the defaults', async () => {
    await fs.mkdir(path.join(tmp, 'none'), { recursive: true });
    const c = await createConfigLoader({ catalogue: catalogue(), env: {}, overrides: {} }).forDir(path.join(tmp, 'none'));
    // a .tightship.yaml above the temp folder would change this; there is none on a test machine
    assert.equal(c.source, null);
    assert.equal(c.failOn, 'error');
    assert.equal(c.inlineIgnores, true);
  });
});

describe('config through lint', () => {
  it('off disables a rule, a severity override changes the finding and the exit code', async () => {
    await write('rules/Dockerfile', ROOT_DOCKERFILE);
    const plain = await runCli(['lint', 'rules/Dockerfile', '--format', 'json'], tmp);
    assert.equal(plain.code, 1);
    await write('rules/.tightship.yaml', 'rules:\n  dockerfile/last-user-root: warning\n');
    const warned = await runCli(['lint', 'rules/Dockerfile', '--format', 'json'], tmp);
    const f = readReport(warned.stdout).results[0].findings.find((x: { ruleId: string }) => x.ruleId === 'dockerfile/last-user-root');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(warned.code, 0);
    await write('rules/.tightship.yaml', 'rules:\n  dockerfile/last-user-root: off\n');
    const off = await runCli(['lint', 'rules/Dockerfile', '--format', 'json'], tmp);
    const report = readReport(off.stdout);
    assert.ok(!report.results[0].findings.some((x: { ruleId: string }) => x.ruleId === 'dockerfile/last-user-root'));
  });

  it('a config error stops lint with exit 2 and one line', async () => {
    await write('broken/Dockerfile', ROOT_DOCKERFILE);
    await write('broken/.tightship.yaml', 'rulez: {}\n');
    const r = await runCli(['lint', 'broken'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^tightship: unknown key 'rulez' in .*\(did you mean 'rules'\?\)\nhint: /);
  });

  it('--config applies one file to every target', async () => {
    await write('explicit/a/Dockerfile', ROOT_DOCKERFILE);
    const cfg = await write('explicit/cfg.yaml', 'failOn: none\n');
    assert.equal((await runCli(['lint', 'explicit/a', '--config', cfg], tmp)).code, 0);
    assert.equal((await runCli(['lint', 'explicit/a'], tmp)).code, 1);
  });

  it('ignore globs skip files found by a directory search', async () => {
    await write('globs/.tightship.yaml', 'ignore: ["vendor/**", "*.dev"]\n');
    await write('globs/Dockerfile', 'FROM alpine:3.20\nUSER 1\n');
    await write('globs/Dockerfile.dev', 'FROM alpine:3.20\nUSER 1\n');
    await write('globs/vendor/x/Dockerfile', 'FROM alpine:3.20\n');
    const r = await runCli(['lint', 'globs', '--format', 'json'], tmp);
    assert.deepEqual(readReport(r.stdout).results.map((x) => x.target.path), ['globs/Dockerfile']);
  });

  it('buildArgs from the file resolve ARGs', async () => {
    await write('bargs/Dockerfile', 'ARG TAG=3.20\nFROM alpine:${TAG}\nUSER 1\n');
    await write('bargs/.tightship.yaml', 'buildArgs:\n  TAG: latest\n');
    const r = await runCli(['lint', 'bargs', '--format', 'json'], tmp);
    assert.ok(readReport(r.stdout).results[0].findings.some((x: { ruleId: string }) => x.ruleId === 'dockerfile/base-image-latest'));
  });
});

describe('config globs (compileConfigGlob)', () => {
  const cases: [string, string, boolean][] = [
    ['vendor/**', 'vendor/a/Dockerfile', true],
    ['vendor/**', 'src/vendor/a', false],
    ['*.dev', 'Dockerfile.dev', true],
    ['*.dev', 'a/Dockerfile.dev', true],
    ['/Dockerfile', 'a/Dockerfile', false],
    ['**/test/**', 'a/b/test/Dockerfile', true],
    ['Dockerfile.?', 'Dockerfile.a', true],
    ['Dockerfile.?', 'Dockerfile.ab', false],
    ['*.dev', 'a.dev/Dockerfile', true], // under a matched folder
    ['build/', 'build/x/Dockerfile', true],
    ['build/', 'src/build/Dockerfile', true], // a trailing slash alone does not anchor
    ['docs', 'a/docs/Dockerfile', true],
    ['*', 'a/b', true],
    ['a*b', 'a/b', false], // * stays within a name
    ['[abc].txt', '[abc].txt', true], // brackets are literal, as they were
    ['[abc].txt', 'a.txt', false],
    ['x\\y', 'x\\y', true],
    ['./vendor/**', 'vendor/a', true],
  ];
  for (const [glob, p, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${p}`, () => { assert.equal(compileConfigGlob(glob).test(p), expected); });
  }

  // a RegExp (the old matcher) backtracks exponentially here: this case would time the suite out
  it('a pathological glob against a long name is linear (ignore: and policyPaths:)', () => {
    const glob = `${'*a'.repeat(12)}*b`;
    const name = 'a'.repeat(200);
    assert.equal(compileConfigGlob(glob).test(name), false);
    assert.equal(compileConfigGlob(glob).test(`${name}b`), true);
    const config = { ...defaultConfig(), ignore: [glob, `**/${glob}/**`], baseDir: '/p' };
    assert.equal(isIgnoredPath(`/p/${name}/${name}/Dockerfile`, config), false);
    assert.equal(isIgnoredPath(`/p/x/${name}b/Dockerfile`, config), true);
  });

  it('lint with a pathological ignore: glob beside a long file name finishes and ignores what matches', async () => {
    const name = 'a'.repeat(200);
    await write(`pathological/${name}/Dockerfile`, 'FROM alpine:3.20\nUSER 1\n');
    await write(`pathological/${name}b/Dockerfile`, 'FROM alpine:3.20\nUSER 1\n');
    await write('pathological/.tightship.yaml', `ignore:\n  - "${'*a'.repeat(12)}*b"\n`);
    const r = await runCli(['lint', 'pathological', '--format', 'json', '--fail-on', 'none'], tmp);
    assert.equal(r.code, 0, r.stderr);
    const paths = readReport(r.stdout).results.map((x) => x.target.path);
    assert.deepEqual(paths, [`pathological/${name}/Dockerfile`]);
  });
});
