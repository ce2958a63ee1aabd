import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { FORMATTERS } from '../../src/report/index.js';
import { SAMPLE_RESULTS, SAMPLE_SOURCES, sampleMeta } from './sample.js';
import { loadSarifValidator, loadReportValidator } from './validators.js';
import { readReport } from '../helpers/json-report.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GOLDEN = path.join(ROOT, 'test/fixtures/golden');

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (then review the diff). */
function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 npm test rewrites it)`);
}

const SECRET = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

describe('formatters: golden files', () => {
  const cases: [string, string, Partial<ReturnType<typeof sampleMeta>>][] = [
    ['pretty', 'report.pretty.txt', {}],
    ['pretty', 'report.pretty-color.txt', { color: true }],
    ['json', 'report.json', {}],
    ['sarif', 'report.sarif', {}],
    ['github', 'report.github.txt', {}],
    ['gitlab', 'report.gitlab.json', {}],
    ['junit', 'report.junit.xml', {}],
    ['checkstyle', 'report.checkstyle.xml', {}],
    ['html', 'report.html', {}],
  ];
  for (const [format, file, extra] of cases) {
    it(`${format} → ${file}`, () => { golden(file, FORMATTERS[format](SAMPLE_RESULTS, sampleMeta(extra))); });
  }
});

describe('formatters: properties', () => {
  for (const format of Object.keys(FORMATTERS)) {
    it(`${format}: output does not depend on the order of results or findings`, () => {
      const shuffled = [...SAMPLE_RESULTS].reverse().map((r) => ({ ...r, findings: [...r.findings].reverse() }));
      assert.equal(FORMATTERS[format](shuffled, sampleMeta()), FORMATTERS[format](SAMPLE_RESULTS, sampleMeta()));
    });
    it(`${format}: never shows the source line of a sensitive finding`, () => {
      assert.ok(SAMPLE_SOURCES['app/Dockerfile'].includes(SECRET));
      assert.ok(!FORMATTERS[format](SAMPLE_RESULTS, sampleMeta()).includes(SECRET));
    });
  }

  it('pretty: why and how to fix once per rule and target', () => {
    const r = SAMPLE_RESULTS[1];
    const twice = [{ ...r, findings: [...r.findings, { ...r.findings[0], location: { ...r.findings[0].location, startLine: 3, endLine: 3 } }] }];
    const out = FORMATTERS.pretty(twice, sampleMeta());
    assert.equal(out.split('why: A process running as root').length - 1, 1);
    assert.equal(out.match(/error {4}The final stage runs as root/g)?.length, 2);
  });

  it('pretty: colour only when asked, plain text otherwise', () => {
    assert.ok(!FORMATTERS.pretty(SAMPLE_RESULTS, sampleMeta()).includes('\u001b['));
    assert.ok(FORMATTERS.pretty(SAMPLE_RESULTS, sampleMeta({ color: true })).includes('\u001b[31m'));
  });

  it('pretty: code frame with a caret under the columns, level and what is missing', () => {
    const out = FORMATTERS.pretty(SAMPLE_RESULTS, sampleMeta());
    assert.match(out, / 5 \| USER root\n\s+\| {6}\^{4}\n/);
    assert.match(out, /level: root · to reach nonroot: fix dockerfile\/last-user-root/);
    assert.match(out, /binary file \(NUL byte at offset 3\)/);
  });

  // a SARIF log as these tests read it (its format is checked against the official schema)
  interface SarifResult {
    ruleId: string; ruleIndex: number; level: string; message?: { text: string };
    locations: { physicalLocation: { region: Record<string, number> } }[];
    partialFingerprints: Record<string, string>;
    fixes?: { artifactChanges: { replacements: unknown[] }[] }[];
  }
  interface SarifLog {
    runs: {
      tool: { driver: { rules: { id: string; helpUri: string; properties: Record<string, unknown>; help: { markdown: string } }[] } };
      results: SarifResult[];
      invocations: { executionSuccessful: boolean }[];
    }[];
  }
  const sarifLog = (text: string) => JSON.parse(text) as SarifLog;

  it('json: valid against schema/report.schema.json', async () => {
    const validate = await loadReportValidator();
    const report = readReport(FORMATTERS.json(SAMPLE_RESULTS, sampleMeta({ fixed: { 'app/Dockerfile': [{ ruleId: 'dockerfile/apt-get-missing-yes', description: 'add -y', line: 3 }] } })));
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.equal(report.version, 1);
    assert.deepEqual(report.results.map((r) => r.target.path),
      ['app.tar', 'app/Dockerfile', 'broken/Dockerfile', 'clean/Dockerfile', 'compose.yaml', 'template/Dockerfile']);
  });

  it('json and pretty: an ungraded target says why, an accepted risk stays beside the level', () => {
    const report = readReport(FORMATTERS.json(SAMPLE_RESULTS, sampleMeta()));
    const template = report.results.find((r) => r.target.path === 'template/Dockerfile');
    assert.ok(template);
    assert.equal(template.level, null);
    assert.match(template.levelReason ?? '', /^does not build: /);
    const clean = report.results.find((r) => r.target.path === 'clean/Dockerfile');
    assert.ok(clean);
    assert.equal(clean.acceptedRisks?.length, 1);
    const pretty = FORMATTERS.pretty(SAMPLE_RESULTS, sampleMeta());
    assert.match(pretty, /level: unknown \(does not build: /);
    assert.match(pretty, /level: hardened, 1 accepted risk/);
  });

  it('json: the schema rejects a report missing a contract field', async () => {
    const validate = await loadReportValidator();
    const report = JSON.parse(FORMATTERS.json(SAMPLE_RESULTS, sampleMeta())) as { results: { findings: { location: Partial<Record<string, unknown>> }[] }[] };
    delete report.results[1].findings[0].location.startColumn;
    assert.equal(validate(report), false);
  });

  it('sarif: valid against the official SARIF 2.1.0 schema', async () => {
    const validate = await loadSarifValidator();
    const log = sarifLog(FORMATTERS.sarif(SAMPLE_RESULTS, sampleMeta()));
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  it('sarif: the schema check can fail (a result without a message is rejected)', async () => {
    const validate = await loadSarifValidator();
    const log = sarifLog(FORMATTERS.sarif(SAMPLE_RESULTS, sampleMeta()));
    delete log.runs[0].results[0].message;
    assert.equal(validate(log), false);
  });

  it('sarif: rules, levels, regions, help and fixes', () => {
    const log = sarifLog(FORMATTERS.sarif(SAMPLE_RESULTS, sampleMeta()));
    const run = log.runs[0];
    const rules = run.tool.driver.rules;
    for (const r of run.results) {
      assert.equal(rules[r.ruleIndex].id, r.ruleId);
    }
    const root = rules.find((r) => r.id === 'dockerfile/last-user-root');
    assert.ok(root);
    assert.equal(root.properties['security-severity'], '8.0');
    assert.match(root.helpUri, /docs\/rules\/dockerfile\/last-user-root\.md$/);
    assert.match(root.help.markdown, /DL3002/);
    const levels = Object.fromEntries(run.results.map((r) => [r.ruleId, r.level]));
    assert.equal(levels['dockerfile/last-user-root'], 'error');
    assert.equal(levels['dockerfile/healthcheck-missing'], 'warning');
    assert.equal(levels['image/setuid-files'], 'note');
    const user = run.results.find((r) => r.ruleId === 'dockerfile/last-user-root');
    assert.ok(user);
    assert.deepEqual(user.locations[0].physicalLocation.region, { startLine: 5, startColumn: 6, endLine: 5, endColumn: 10 });
    const yes = run.results.find((r) => r.ruleId === 'dockerfile/apt-get-missing-yes');
    assert.ok(yes);
    assert.deepEqual(yes.fixes?.[0].artifactChanges[0].replacements[0], { deletedRegion: { charOffset: 88, charLength: 0 }, insertedContent: { text: ' -y' } });
    assert.equal(run.invocations[0].executionSuccessful, false);
  });

  it('sarif: fingerprints are stable when the offending line moves', () => {
    const fp = (results: typeof SAMPLE_RESULTS, sources: Record<string, string>) => {
      const log = sarifLog(FORMATTERS.sarif(results, sampleMeta({ sources })));
      return log.runs[0].results.find((r) => r.ruleId === 'dockerfile/last-user-root')?.partialFingerprints;
    };
    const before = fp(SAMPLE_RESULTS, SAMPLE_SOURCES);
    const moved = SAMPLE_RESULTS.map((r) => r.target.path !== 'app/Dockerfile' ? r : {
      ...r, findings: r.findings.map((f) => f.ruleId !== 'dockerfile/last-user-root' ? f : { ...f, location: { ...f.location, startLine: 7, endLine: 7 } }),
    });
    const movedSource = { ...SAMPLE_SOURCES, 'app/Dockerfile': `# a comment\n\n${SAMPLE_SOURCES['app/Dockerfile']}` };
    assert.deepEqual(fp(moved, movedSource), before);
    const changed = { ...SAMPLE_SOURCES, 'app/Dockerfile': SAMPLE_SOURCES['app/Dockerfile'].replace('USER root', 'USER 0') };
    assert.notDeepEqual(fp(SAMPLE_RESULTS, changed), before);
  });

  it('github: workflow commands with escaped properties', () => {
    const out = FORMATTERS.github(SAMPLE_RESULTS, sampleMeta());
    assert.match(out, /^::error file=app\/Dockerfile,line=5,col=6,endLine=5,endColumn=10,title=dockerfile\/last-user-root::The final stage runs as root \(USER root\)\.$/m);
    assert.match(out, /^::notice file=app\.tar,/m);
    assert.match(out, /^::error file=broken\/Dockerfile,title=tightship::binary file/m);
  });
});
