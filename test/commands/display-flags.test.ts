// The display and selection flags of lint: --quiet, --severity, --color/--no-color with
// FORCE_COLOR/NO_COLOR, --ignore-rule, --exclude; and JUnit's failures following --fail-on.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type Captured } from '../helpers/cli-io.js';
import { parseXml, type XmlElement } from '../report/xml-tree.js';

function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

let tmp: string;
before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tightship-display-'));
  // one error (USER root), warnings (apk --no-cache, HEALTHCHECK), infos (pins, labels)
  await write('Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\nUSER root\n');
  await write('clean/Dockerfile', 'FROM alpine:3.20@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\nHEALTHCHECK CMD ["true"]\nUSER 10001\nCMD ["sleep", "1"]\n');
});
after(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

async function write(rel: string, content: string): Promise<string> {
  const p = path.join(tmp, rel);
  await fs.mkdir(path.dirname(p), { recursive: true });
  await fs.writeFile(p, content);
  return p;
}

interface Report { results: { target: { path: string }; level: string | null; findings: { ruleId: string; severity: string }[] }[] }
const json = (r: Captured) => JSON.parse(r.stdout) as Report;
const severities = (r: Captured) => json(r).results.flatMap((x) => x.findings.map((f) => f.severity));
const ids = (r: Captured) => json(r).results.flatMap((x) => x.findings.map((f) => f.ruleId));

describe('--severity and --quiet', () => {
  it('--severity is a display filter: levels and the exit code still see every finding', async () => {
    const all = await runCli(['lint', 'Dockerfile', '--format', 'json', '--fail-on', 'warning'], tmp);
    assert.ok(severities(all).includes('info') && severities(all).includes('warning'));
    const errorsOnly = await runCli(['lint', 'Dockerfile', '--format', 'json', '--severity', 'error'], tmp);
    assert.deepEqual([...new Set(severities(errorsOnly))], ['error']);
    assert.equal(json(errorsOnly).results[0].level, json(all).results[0].level);
    // --fail-on warning exits 1 on the hidden warnings of a file with no error shown
    await write('warn/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\nUSER 10001\n');
    const hidden = await runCli(['lint', 'warn/Dockerfile', '--severity', 'error', '--fail-on', 'warning', '--no-color'], tmp);
    assert.equal(hidden.code, 1);
    assert.doesNotMatch(hidden.stdout, /\d+:\d+ +warning/);
    assert.match(hidden.stdout, /^ {2}no errors$/m);
    assert.match(hidden.stdout, /0 errors, 0 warnings, 0 infos · \d+ findings below error not shown/);
    const warnings = await runCli(['lint', 'Dockerfile', '--format', 'json', '--severity', 'warning'], tmp);
    assert.deepEqual([...new Set(severities(warnings))].sort(), ['error', 'warning']);
  });

  it('--quiet shows errors only and leaves out targets with nothing to show', async () => {
    const r = await runCli(['lint', 'Dockerfile', 'clean/Dockerfile', '--quiet'], tmp);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /dockerfile\/last-user-root/);
    assert.doesNotMatch(r.stdout, /warning {2}|info {5}/);
    assert.doesNotMatch(r.stdout, /clean\/Dockerfile/);
    assert.match(r.stdout, /2 targets/);
    const q = await runCli(['lint', 'Dockerfile', '-q', '--format', 'json'], tmp);
    assert.deepEqual([...new Set(severities(q))], ['error']);
  });

  it('bad values are one-line errors with a suggestion', async () => {
    const typo = await runCli(['lint', 'Dockerfile', '--severity', 'warnng'], tmp);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /--severity 'warnng' is not a severity \(did you mean 'warning'\?\)/);
    const both = await runCli(['lint', 'Dockerfile', '--quiet', '--severity', 'info'], tmp);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--quiet shows errors only; it contradicts --severity info/);
  });
});

describe('colour', () => {
  const colored = async (args: string[], env: Record<string, string>, tty: boolean) => (await runCli(['lint', 'Dockerfile', ...args], tmp, env, tty)).stdout.includes('\u001b[');
  it('on a terminal by default; --color and --no-color beat the terminal and the variables', async () => {
    assert.equal(await colored([], {}, true), true);
    assert.equal(await colored([], {}, false), false);
    assert.equal(await colored(['--no-color'], {}, true), false);
    assert.equal(await colored(['--no-color'], { FORCE_COLOR: '1' }, true), false);
    assert.equal(await colored(['--color'], {}, false), true);
    assert.equal(await colored(['--color'], { NO_COLOR: '1' }, false), true);
    assert.equal(await colored([], { NO_COLOR: '1' }, true), false);
    assert.equal(await colored([], { FORCE_COLOR: '1' }, false), true);
    const both = await runCli(['lint', 'Dockerfile', '--color', '--no-color'], tmp);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--color and --no-color exclude each other/);
  });

  it('a report written to a file has no colour unless --color asks', async () => {
    await runCli(['lint', 'Dockerfile', '-o', 'plain.txt'], tmp, { FORCE_COLOR: '1' }, true);
    assert.ok(!(await fs.readFile(path.join(tmp, 'plain.txt'), 'utf8')).includes('\u001b['));
    await runCli(['lint', 'Dockerfile', '-o', 'color.txt', '--color'], tmp);
    assert.ok((await fs.readFile(path.join(tmp, 'color.txt'), 'utf8')).includes('\u001b['));
  });
});

describe('--ignore-rule', () => {
  it('turns rules off by id or by a hadolint id they are equivalent to; repeatable', async () => {
    const base = await runCli(['lint', 'Dockerfile', '--format', 'json'], tmp);
    assert.ok(ids(base).includes('dockerfile/last-user-root') && ids(base).includes('dockerfile/apk-no-cache'));
    const r = await runCli(['lint', 'Dockerfile', '--format', 'json', '--ignore-rule', 'dockerfile/last-user-root', '--ignore-rule', 'DL3019'], tmp);
    assert.ok(!ids(r).includes('dockerfile/last-user-root'));
    assert.ok(!ids(r).includes('dockerfile/apk-no-cache'), 'DL3019 is apk add without --no-cache');
    assert.equal(r.code, 0, 'the only error is off');
  });

  it('an unknown id is a usage error with did-you-mean, before any work', async () => {
    const r = await runCli(['lint', 'Dockerfile', '--ignore-rule', 'dockerfile/last-user-rot'], tmp);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "tightship: --ignore-rule: unknown rule 'dockerfile/last-user-rot' (did you mean 'dockerfile/last-user-root'?)\nhint: run 'tightship rules' for the list of rule ids\n");
    const far = await runCli(['lint', 'Dockerfile', '--ignore-rule', 'nothing-like-it-at-all'], tmp);
    assert.equal(far.code, 2);
    assert.doesNotMatch(far.stderr, /did you mean/);
  });
});

describe('--exclude', () => {
  it('leaves out names at any depth and anchored paths; a named file excluded is listed as skipped', async () => {
    await write('proj/Dockerfile', 'FROM alpine:3.20\nUSER 10001\n');
    await write('proj/vendor/lib/Dockerfile', 'FROM alpine:3.20\n');
    await write('proj/legacy/Dockerfile.old', 'FROM alpine:3.20\n');
    await write('proj/svc/compose.yaml', 'services:\n  a:\n    image: nginx:1.27\n');
    const paths = (r: Captured) => [...new Set(json(r).results.map((x) => x.target.path))].sort();
    const every = await runCli(['lint', 'proj', '--format', 'json', '--fail-on', 'none'], tmp);
    assert.deepEqual(paths(every), ['proj/Dockerfile', 'proj/legacy/Dockerfile.old', 'proj/svc/compose.yaml', 'proj/vendor/lib/Dockerfile']);
    const r = await runCli(['lint', 'proj', '--format', 'json', '--fail-on', 'none', '--exclude', 'vendor', '--exclude', 'proj/legacy/**', '--exclude', '*.yaml'], tmp);
    assert.deepEqual(paths(r), ['proj/Dockerfile']);
    assert.doesNotMatch(r.stdout, /excluded by/, 'files found by searching go silently');
    const named = await runCli(['lint', 'proj/Dockerfile', 'Dockerfile', '--format', 'json', '--fail-on', 'none', '--exclude', '/proj/Dockerfile'], tmp);
    assert.deepEqual(paths(named), ['Dockerfile']);
    assert.match(named.stdout, /"reason": "excluded by --exclude \/proj\/Dockerfile"/);
  });

  it('the matcher does not backtrack: a pattern of many stars beside a long name', async () => {
    const long = `${'a'.repeat(200)}.Dockerfile`;
    await write(`slow/${long}`, 'FROM alpine:3.20\n');
    const r = await runCli(['lint', 'slow', '--format', 'json', '--fail-on', 'none', '--exclude', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b'], tmp);
    assert.deepEqual(json(r).results.map((x) => x.target.path), [`slow/${long}`]);
    const hit = await runCli(['lint', 'slow', '--format', 'json', '--fail-on', 'none', '--exclude', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*.Dockerfile'], tmp);
    assert.deepEqual(json(hit).results, []);
  });
});

describe('junit follows --fail-on', () => {
  it('a warning is a failure under --fail-on warning, a passing case under the default, none fails nothing', async () => {
    const failures = async (...args: string[]) => {
      const r = await runCli(['lint', 'Dockerfile', '--format', 'junit', ...args], tmp);
      const root = parseXml(r.stdout);
      return { code: r.code, failures: Number(root.attributes.failures), types: all(root, 'failure').map((f) => f.attributes.type) };
    };
    const byDefault = await failures();
    assert.equal(byDefault.code, 1);
    assert.deepEqual([...new Set(byDefault.types)], ['error']);
    const warning = await failures('--fail-on', 'warning');
    assert.deepEqual([...new Set(warning.types)].sort(), ['error', 'warning']);
    assert.ok(warning.failures > byDefault.failures);
    const none = await failures('--fail-on', 'none');
    assert.equal(none.code, 0);
    assert.equal(none.failures, 0);
    // the config's failOn counts the same way
    await write('cfg/.tightship.yaml', 'failOn: info\n');
    await write('cfg/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\nUSER 10001\n');
    const r = await runCli(['lint', 'cfg/Dockerfile', '--format', 'junit'], tmp);
    assert.equal(r.code, 1);
    assert.ok(all(parseXml(r.stdout), 'failure').some((f) => f.attributes.type === 'info'));
  });
});
