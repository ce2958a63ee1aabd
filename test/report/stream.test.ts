// The streaming formats write the same bytes as their whole-report formatters, one target path
// at a time, and the stream holds no redacted result after its piece is made.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { Finding, TargetResult } from '../../src/engine/types.js';
import type { ReportMeta, StreamFormatter } from '../../src/report/common.js';
import { loadFormatter, loadReport, streamingFormats } from '../../src/report/load.js';
import { reportPieces } from '../../src/report/stream.js';
import { SAMPLE_RESULTS, SAMPLE_RULES, SAMPLE_SOURCES, sampleMeta } from './sample.js';

const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';

const at = (path: string, line: number, extra: Partial<Finding['location']> = {}): Finding['location'] =>
  ({ path, startLine: line, startColumn: 1, endLine: line, endColumn: 10, ...extra });

/** Two command lines in one script whose line order and image order disagree, with findings of
 *  the same rule on identical lines (equal fingerprint hashes, counted across targets). */
const RUN_RESULTS: TargetResult[] = [
  { target: { kind: 'run', path: 'scripts/run.sh', line: 3, image: 'zeta:1' }, level: 'root', missingForNextLevel: [], facts: { command: 'docker run' },
    findings: [{ ruleId: 'dockerfile/last-user-root', severity: 'error', message: 'runs as root', location: at('scripts/run.sh', 3) }] },
  { target: { kind: 'run', path: 'scripts/run.sh', line: 5, image: 'alpha:1' }, level: 'root', missingForNextLevel: [], facts: { command: 'docker run' },
    findings: [{ ruleId: 'dockerfile/last-user-root', severity: 'error', message: 'runs as root', location: at('scripts/run.sh', 5) }] },
];
const RUN_SOURCES = { 'scripts/run.sh': '#!/bin/sh\n\ndocker run zeta:1\n\ndocker run zeta:1\n' };

/** A token one target's rule found, quoted by another target's message and source. */
const SECRET_RESULTS: TargetResult[] = [
  { target: { kind: 'dockerfile', path: 'a/Dockerfile' }, level: 'nonroot', missingForNextLevel: [],
    findings: [{ ruleId: 'dockerfile/healthcheck-missing', severity: 'warning', message: `echo ${TOKEN.slice(0, 30)} has no HEALTHCHECK`, location: at('a/Dockerfile', 2) }] },
  { target: { kind: 'dockerfile', path: 'z/Dockerfile' }, level: 'root', missingForNextLevel: [],
    findings: [{ ruleId: 'dockerfile/env-secret', severity: 'error', message: 'ENV holds a secret', sensitive: true, secrets: [TOKEN], location: at('z/Dockerfile', 1) }],
    error: `could not read ${TOKEN}` },
];
const SECRET_SOURCES = { 'a/Dockerfile': `FROM x\nRUN echo ${TOKEN}\n`, 'z/Dockerfile': `ENV T=${TOKEN}\n` };

/** Four services of one compose file sharing a warning (the pretty report groups them). */
const COMPOSE_RESULTS: TargetResult[] = ['api', 'db', 'web', 'worker'].map((service, i) => ({
  target: { kind: 'compose', path: 'deploy/compose.yaml', service }, level: 'nonroot', missingForNextLevel: ['compose/no-read-only'],
  findings: [{ ruleId: 'compose/no-read-only', severity: 'warning', message: `Service ${service} has a writable root filesystem`, location: at('deploy/compose.yaml', 2 + i, { yamlPath: `services.${service}` }) }],
}));

const CASES: [string, TargetResult[], ReportMeta][] = [
  ['the sample', SAMPLE_RESULTS, sampleMeta()],
  ['the sample in colour', SAMPLE_RESULTS, sampleMeta({ color: true })],
  ['the sample, quiet, with project notes', SAMPLE_RESULTS, sampleMeta({
    display: { severity: 'warning', quiet: true, belowSeverity: 2 },
    project: { builds: [], notes: [{ file: 'Makefile', line: 3, message: 'a build this map cannot use' }], skipped: [{ path: 'tpl/Dockerfile', reason: 'a template' }] },
    failOn: (t) => (t.kind === 'compose' ? 'warning' : 'none'),
  })],
  ['no results', [], sampleMeta()],
  ['command lines out of image order', RUN_RESULTS, { ...sampleMeta(), sources: RUN_SOURCES }],
  ['a secret found in one target, quoted in another', SECRET_RESULTS, { ...sampleMeta(), sources: SECRET_SOURCES }],
  ['services sharing a warning', COMPOSE_RESULTS, sampleMeta()],
  ['everything at once', [...SAMPLE_RESULTS, ...RUN_RESULTS, ...SECRET_RESULTS, ...COMPOSE_RESULTS], { ...sampleMeta(), sources: { ...SAMPLE_SOURCES, ...RUN_SOURCES, ...SECRET_SOURCES } }],
];

describe('report stream: the same bytes as the whole report', () => {
  it('pretty, json, sarif, github, gitlab and junit stream', () => {
    assert.deepEqual(streamingFormats().sort(), ['github', 'gitlab', 'json', 'junit', 'pretty', 'sarif']);
  });
  for (const format of streamingFormats()) {
    for (const [name, results, meta] of CASES) {
      it(`${format}: ${name}`, async () => {
        const whole = (await loadFormatter(format))(results, meta);
        const pieces = [...(await loadReport(format))(results, meta)];
        assert.equal(pieces.join(''), whole);
        // begin, one piece per target path, end
        assert.equal(pieces.length, new Set(results.map((r) => r.target.path)).size + 2);
        const shuffled = [...results].reverse().map((r) => ({ ...r, findings: [...r.findings].reverse() }));
        assert.equal([...(await loadReport(format))(shuffled, meta)].join(''), whole);
      });
    }
  }
  it('the secret found in one target is hidden in the others too', async () => {
    for (const format of streamingFormats()) {
      const text = [...(await loadReport(format))(SECRET_RESULTS, { ...sampleMeta(), sources: SECRET_SOURCES })].join('');
      // the token's tail is only in the error and the sources: masked there in every target
      assert.ok(!text.includes(TOKEN.slice(20)), format);
    }
  });
  it('a whole-report format is one piece', async () => {
    const pieces = [...(await loadReport('checkstyle'))(SAMPLE_RESULTS, sampleMeta())];
    assert.equal(pieces.length, 1);
    assert.equal(pieces[0], (await loadFormatter('checkstyle'))(SAMPLE_RESULTS, sampleMeta()));
  });
});

describe('report stream: one target path at a time', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const many: TargetResult[] = Array.from({ length: 6 }, (_, i) => ({
    target: { kind: 'dockerfile', path: `p${i}/Dockerfile` }, level: 'root', missingForNextLevel: [],
    findings: [{ ruleId: 'dockerfile/last-user-root', severity: 'error', message: 'runs as root', location: at(`p${i}/Dockerfile`, 1) }],
  }));

  it('each path is redacted and formatted when its piece is asked for, and let go after it', async () => {
    const seen: WeakRef<TargetResult>[] = [];
    const spy: StreamFormatter = () => ({
      begin: () => 'begin',
      path: (rs) => { for (const r of rs) seen.push(new WeakRef(r)); return rs[0].target.path; },
      end: () => 'end',
    });
    const it = reportPieces(many, { toolVersion: 't', rules: SAMPLE_RULES }, spy);
    assert.equal(it.next().value, 'begin');
    assert.equal(seen.length, 0, 'no target is formatted before its turn');
    assert.equal(it.next().value, 'p0/Dockerfile');
    assert.equal(seen.length, 1);
    for (let i = 1; i < 4; i++) it.next();
    assert.equal(seen.length, 4);
    await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold their target to the end of the job
    gc();
    assert.equal(seen.slice(0, 3).filter((w) => w.deref() !== undefined).length, 0, 'the redacted copies of written paths are not held');
    assert.deepEqual([...it], ['p4/Dockerfile', 'p5/Dockerfile', 'end']);
  });
});
