// The CI formats: GitLab Code Quality against a schema written from GitLab's documentation,
// JUnit and checkstyle through a strict XML parser, hostile text escaped in every one of them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TargetResult } from '../../src/engine/types.js';
import { FORMATTERS } from '../../src/report/index.js';
import { loadFormatter, isFormat } from '../../src/report/load.js';
import { SAMPLE_RESULTS, sampleMeta } from './sample.js';
import { loadGitlabValidator } from './validators.js';
import { childrenNamed, parseXml, type XmlElement } from './xml-tree.js';

const HOSTILE = 'a <b> & "c" \'d\' ]]> \u0001\u001b[31m \uFFFF end\ttab\r\nnext';
/** The same text as an XML reader gives it back: the characters XML cannot hold at all are shown
 *  as \uXXXX, everything else survives. */
const HOSTILE_READ = 'a <b> & "c" \'d\' ]]> \\u0001\\u001B[31m \\uFFFF end\ttab\r\nnext';

const hostileResults: TargetResult[] = [{
  target: { kind: 'dockerfile', path: 'we<ird>&"dir/Dockerfile' }, level: 'root', missingForNextLevel: ['dockerfile/last-user-root'],
  findings: [{ ruleId: 'dockerfile/last-user-root', severity: 'error', message: HOSTILE,
    location: { path: 'we<ird>&"dir/Dockerfile', startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 } }],
}, {
  target: { kind: 'dockerfile', path: 'bad/Dockerfile' }, level: null, missingForNextLevel: [], findings: [], error: HOSTILE,
}];

function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

interface GitlabIssue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines?: { begin: number } } }

/** The Code Quality report of these results (its format is checked against the schema below). */
function gitlabIssues(results: readonly TargetResult[], meta = sampleMeta()): GitlabIssue[] {
  return JSON.parse(FORMATTERS.gitlab(results, meta)) as GitlabIssue[];
}

describe('gitlab (Code Quality)', () => {
  it('is valid against the Code Quality format', async () => {
    const validate = await loadGitlabValidator();
    const issues = gitlabIssues(SAMPLE_RESULTS);
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    const findings = SAMPLE_RESULTS.reduce((n, r) => n + r.findings.length + (r.error !== undefined ? 1 : 0), 0);
    assert.equal(issues.length, findings);
  });

  it('the schema check can fail: an unknown severity, a missing line, an absolute path', async () => {
    const validate = await loadGitlabValidator();
    const good = () => gitlabIssues(SAMPLE_RESULTS);
    const a = good(); a[0].severity = 'error';
    const b = good(); delete b[1].location.lines;
    const c = good(); c[2].location.path = '/abs/Dockerfile';
    for (const bad of [a, b, c]) assert.equal(validate(bad), false);
  });

  it('severities: blocker for a build breaker or an unaudited target, critical, major for a level rule, minor, info', () => {
    const issues = gitlabIssues(SAMPLE_RESULTS, sampleMeta({ rules: sampleMeta().rules.map((r) => r.id === 'tightship/unused-ignore' ? r : r) }));
    const by = (check: string) => issues.find((i) => i.check_name === check)?.severity;
    assert.equal(by('dockerfile/last-user-root'), 'critical');
    assert.equal(by('dockerfile/healthcheck-missing'), 'major');
    assert.equal(by('dockerfile/apt-get-missing-yes'), 'minor');
    assert.equal(by('image/setuid-files'), 'info');
    assert.equal(by('tightship/target-error'), 'blocker');
  });

  it('fingerprints are unique and equal to the SARIF partialFingerprints', () => {
    const issues = gitlabIssues(SAMPLE_RESULTS);
    const prints = issues.map((i) => i.fingerprint);
    assert.equal(new Set(prints).size, prints.length);
    const sarif = JSON.parse(FORMATTERS.sarif(SAMPLE_RESULTS, sampleMeta())) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const sarifPrints = new Set(sarif.runs[0].results.map((r) => r.partialFingerprints['tightshipFingerprint/v1']));
    for (const i of issues) if (i.check_name !== 'tightship/target-error') assert.ok(sarifPrints.has(i.fingerprint), i.check_name);
  });

  it('hostile text stays JSON text', () => {
    const issues = gitlabIssues(hostileResults);
    assert.equal(issues[0].location.path, 'bad/Dockerfile');
    assert.equal(issues[1].description, HOSTILE);
  });
});

describe('junit', () => {
  it('one testsuite per target, one testcase per finding, failures at or above --fail-on', () => {
    const root = parseXml(FORMATTERS.junit(SAMPLE_RESULTS, sampleMeta()));
    assert.equal(root.name, 'testsuites');
    const suites = childrenNamed(root, 'testsuite');
    assert.equal(suites.length, SAMPLE_RESULTS.length);
    let tests = 0;
    let failures = 0;
    for (const s of suites) {
      const cases = childrenNamed(s, 'testcase');
      assert.equal(Number(s.attributes.tests), cases.length, s.attributes.name);
      assert.equal(Number(s.attributes.failures), cases.filter((c) => childrenNamed(c, 'failure').length).length);
      assert.equal(Number(s.attributes.errors), cases.filter((c) => childrenNamed(c, 'error').length).length);
      tests += cases.length;
      failures += Number(s.attributes.failures);
      for (const c of cases) assert.ok(c.attributes.classname && c.attributes.name);
    }
    assert.equal(Number(root.attributes.tests), tests);
    assert.equal(Number(root.attributes.failures), failures);
    // default threshold error: exactly the error findings fail
    const errors = SAMPLE_RESULTS.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
    assert.equal(failures, errors);
    const app = suites.find((s) => s.attributes.name === 'app/Dockerfile');
    assert.ok(app);
    const props = Object.fromEntries(all(app, 'property').map((p) => [p.attributes.name, p.attributes.value]));
    assert.equal(props.level, 'root');
    assert.equal(props['missingFor:nonroot'], 'dockerfile/last-user-root');
    const broken = suites.find((s) => s.attributes.name === 'broken/Dockerfile');
    assert.ok(broken);
    assert.match(all(broken, 'error')[0].attributes.message, /NUL byte/);
    const clean = suites.find((s) => s.attributes.name === 'clean/Dockerfile');
    assert.ok(clean);
    assert.equal(childrenNamed(clean, 'testcase')[0].attributes.name, 'no findings');
  });

  it('the threshold of each target decides its failures (warning, none)', () => {
    const count = (failOn: 'warning' | 'none' | 'info') => Number(parseXml(FORMATTERS.junit(SAMPLE_RESULTS, sampleMeta({ failOn: () => failOn }))).attributes.failures);
    const all = SAMPLE_RESULTS.flatMap((r) => r.findings);
    assert.equal(count('warning'), all.filter((f) => f.severity !== 'info').length);
    assert.equal(count('info'), all.length);
    assert.equal(count('none'), 0);
  });
});

describe('checkstyle', () => {
  it('one <file> per file, one <error> per finding with line, severity, message, source', () => {
    const root = parseXml(FORMATTERS.checkstyle(SAMPLE_RESULTS, sampleMeta()));
    assert.equal(root.name, 'checkstyle');
    const files = childrenNamed(root, 'file');
    assert.deepEqual(files.map((f) => f.attributes.name), ['app.tar', 'app/Dockerfile', 'broken/Dockerfile', 'compose.yaml', 'template/Dockerfile']);
    const errors = files.flatMap((f) => childrenNamed(f, 'error'));
    assert.equal(errors.length, SAMPLE_RESULTS.reduce((n, r) => n + r.findings.length + (r.error !== undefined ? 1 : 0), 0));
    for (const e of errors) {
      assert.match(e.attributes.line, /^[1-9]\d*$/);
      assert.ok(['error', 'warning', 'info'].includes(e.attributes.severity));
      assert.match(e.attributes.source, /^tightship\./);
      assert.ok(e.attributes.message);
    }
    const root5 = errors.find((e) => e.attributes.source === 'tightship.dockerfile/last-user-root');
    assert.ok(root5);
    assert.deepEqual([root5.attributes.line, root5.attributes.column], ['5', '6']);
  });
});

describe('XML escaping of hostile text', () => {
  it('the parser is strict: unescaped markup and control characters are rejected', () => {
    assert.throws(() => parseXml('<a b="<"/>'));
    assert.throws(() => parseXml('<a>x & y</a>'));
    assert.throws(() => parseXml('<a>\u0001</a>'));
    assert.throws(() => parseXml('<a>&#1;</a>'));
  });

  for (const format of ['junit', 'checkstyle'] as const) {
    it(`${format}: <, &, quotes, ]]>, control characters and line breaks survive as text`, () => {
      const xml = FORMATTERS[format](hostileResults, sampleMeta());
      const root = parseXml(xml);
      const messages = all(root, format === 'junit' ? 'failure' : 'error').map((e) => e.attributes.message);
      assert.ok(messages.includes(HOSTILE_READ), JSON.stringify(messages));
      const paths = format === 'junit' ? all(root, 'testsuite').map((s) => s.attributes.name) : all(root, 'file').map((f) => f.attributes.name);
      assert.ok(paths.includes('we<ird>&"dir/Dockerfile'));
      if (format === 'junit') assert.ok(all(root, 'failure')[0].text.includes(HOSTILE_READ));
    });
  }
});

describe('registry', () => {
  it('the CI formats are offered by every command and pass the redaction step', async () => {
    for (const f of ['gitlab', 'junit', 'checkstyle', 'html']) {
      assert.ok(isFormat(f, 'lint') && isFormat(f, 'image') && isFormat(f, 'verify'), f);
      const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
      const results: TargetResult[] = [{
        target: { kind: 'dockerfile', path: 'Dockerfile' }, level: 'nonroot', missingForNextLevel: [],
        findings: [{ ruleId: 'dockerfile/env-secret', severity: 'error', message: `a rule that quoted ${secret} by mistake`, secrets: [secret],
          location: { path: 'Dockerfile', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } }],
      }];
      const out = (await loadFormatter(f))(results, sampleMeta({ sources: { Dockerfile: `ENV T=${secret}\n` } }));
      assert.ok(!out.includes(secret), f);
      assert.ok(out.includes('ghp_'), f);
    }
  });
});
