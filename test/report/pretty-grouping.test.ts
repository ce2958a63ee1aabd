// The pretty report lists a warning shared by many services of one compose file once; the JSON
// report keeps one finding per service.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { auditCompose } from '../../src/targets/compose/audit.js';
import { allRules } from '../../src/rules/index.js';
import { defaultConfig } from '../../src/engine/config-types.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatJson } from '../../src/report/json.js';

const services = (n: number) => `services:\n${Array.from({ length: n }, (_, i) => `  s${i}:\n    image: example.org/s${i}:1\n    user: "1000"\n`).join('')}  bad:\n    image: example.org/bad:1\n    user: "1000"\n    privileged: true\n`;

async function results(yaml: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tightship-pretty-'));
  try {
    writeFileSync(path.join(dir, 'compose.yaml'), yaml);
    return await auditCompose(['compose.yaml'], { cwd: dir, config: defaultConfig(), rules: allRules, today: '2026-01-01' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('pretty: shared missing-setting warnings are grouped per compose file', async () => {
  const r = await results(services(4));
  const text = formatPretty(r, { toolVersion: 'test', rules: allRules });

  it('one line per rule lists the services', () => {
    const lines = text.split('\n').filter((l) => l.includes('compose/cpu-limit-missing') && !l.includes('level:'));
    assert.equal(lines.length, 1, text);
    assert.match(lines[0], /not met by 5 services \(bad, s0, s1, s2, s3\)/);
  });
  it('errors still show in their service, with its level', () => {
    assert.match(text, /services\.bad\.privileged\s+error/);
    assert.match(text, /compose\.yaml \(service bad\)[\s\S]*level: root/);
    assert.match(text, /\+ \d+ findings shared with other services \(listed under compose\.yaml\)/);
  });
  it('JSON keeps one finding per service', () => {
    const json = JSON.parse(formatJson(r, { toolVersion: 'test', rules: allRules })) as { results: { findings: { ruleId: string }[] }[] };
    const n = json.results.flatMap((x) => x.findings).filter((f) => f.ruleId === 'compose/cpu-limit-missing').length;
    assert.equal(n, 5);
  });
  it('two services are not grouped', async () => {
    const few = formatPretty(await results('services:\n  a:\n    image: example.org/a:1\n  b:\n    image: example.org/b:1\n'), { toolVersion: 'test', rules: allRules });
    assert.equal(few.split('\n').filter((l) => l.includes('compose/cpu-limit-missing') && !l.includes('level:')).length, 2);
    assert.doesNotMatch(few, /shared findings/);
  });
});
