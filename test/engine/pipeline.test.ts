// The one pipeline: rules → load findings → joined findings → suppressions (with proxies through
// related) → engine findings → config → level, over real parsed models.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/engine/types.js';
import { audit } from '../../src/engine/pipeline.js';
import { defaultConfig } from '../../src/engine/config-types.js';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';
import { dockerfileTarget } from '../../src/targets/dockerfile/target.js';
import { composeTarget } from '../../src/targets/compose/target.js';
import { composeResults } from '../../src/targets/compose/audit.js';
import { assembleCompose } from '../../src/targets/compose/load.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';
import { composeRules } from '../../src/rules/compose/index.js';
import { contextRules } from '../../src/rules/context/index.js';
import { tightshipRules } from '../../src/rules/tightship/index.js';
import type { CatalogueEntry } from '../../src/engine/catalogue.js';

const rules = [...dockerfileRules, ...contextRules];
const catalogue: CatalogueEntry[] = [...rules, ...tightshipRules];

function auditText(text: string, extra: { joined?: Finding[] } = {}, config = defaultConfig()) {
  const model = parseDockerfile(text, { path: 'Dockerfile' });
  return audit(model, {
    target: { kind: 'dockerfile', path: 'Dockerfile' }, path: 'Dockerfile', rules, catalogue, config, today: '2026-06-01',
    loadFindings: dockerfileTarget.problems?.(model) ?? [], comments: dockerfileTarget.comments?.(model) ?? [], ...extra,
  });
}

const CLEAN_TAIL = 'HEALTHCHECK CMD ["/app/health"]\nUSER 10001\nCMD ["/app/run"]\n';

describe('audit()', () => {
  it('grades a clean file hardened, and a root one root naming the rule', () => {
    const [ok] = auditText(`FROM alpine:3.20@sha256:${'a'.repeat(64)}\n${CLEAN_TAIL}`);
    assert.equal(ok.level, 'hardened', JSON.stringify(ok.findings.map((f) => f.ruleId)));
    const [root] = auditText(`FROM alpine:3.20@sha256:${'a'.repeat(64)}\nHEALTHCHECK CMD ["/app/health"]\nCMD ["/app/run"]\n`);
    assert.equal(root.level, 'root');
    assert.ok(root.missingForNextLevel.length > 0);
  });

  it('does not grade a file that would not build, and says why', () => {
    const [r] = auditText(`FROM alpine:3.20@sha256:${'a'.repeat(64)} AS a\nFROM alpine:3.20@sha256:${'a'.repeat(64)} AS a\n${CLEAN_TAIL}`);
    assert.equal(r.level, null);
    assert.match(r.levelReason ?? '', /^does not build: .*dockerfile\/duplicate-stage-name, line 2/);
    assert.deepEqual(r.missingForNextLevel, []);
  });

  it('a parse error leaves the target ungraded', () => {
    const [r] = auditText(`FROM alpine:3.20@sha256:${'a'.repeat(64)}\nRUN <<EOF\necho never closed\n`);
    assert.equal(r.level, null);
    assert.match(r.levelReason ?? '', /tightship\/parse-error/);
  });

  it('a used ignore with a reason is an accepted risk; without a reason it is not, and is reported', () => {
    const text = `FROM alpine:3.20@sha256:${'a'.repeat(64)}\nHEALTHCHECK CMD ["/app/health"]\n# tightship ignore=dockerfile/last-user-root -- init drops privileges\nUSER root\nCMD ["/app/run"]\n`;
    const [r] = auditText(text);
    assert.equal(r.level, 'hardened');
    assert.deepEqual(r.acceptedRisks?.map((a) => [a.ruleId, a.reason, a.location.startLine]), [['dockerfile/last-user-root', 'init drops privileges', 3]]);
    const [bare] = auditText(text.replace(' -- init drops privileges', ''));
    assert.equal(bare.acceptedRisks, undefined);
    assert.ok(bare.findings.some((f) => f.ruleId === 'tightship/ignore-without-reason'));
  });

  it('a finding in another file is ignored at the line its related names', () => {
    const secret: Finding = {
      ruleId: 'context/credentials-copied', severity: 'error', message: 'a secret in .env',
      location: { path: '.env', startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 },
      related: [{ message: 'sent by this COPY', location: { path: 'Dockerfile', startLine: 4, startColumn: 1, endLine: 4, endColumn: 16 } }],
    };
    const head = `FROM alpine:3.20@sha256:${'a'.repeat(64)}\nHEALTHCHECK CMD ["/app/health"]\n`;
    const tail = 'COPY .env /app/\nUSER 10001\nCMD ["/app/run"]\n';
    const [kept] = auditText(`${head}# a plain comment\n${tail}`, { joined: [secret] });
    assert.ok(kept.findings.some((f) => f.ruleId === 'context/credentials-copied'));
    const [r] = auditText(`${head}# tightship ignore=context/credentials-copied -- test fixture only\n${tail}`, { joined: [secret] });
    assert.ok(!r.findings.some((f) => f.ruleId === 'context/credentials-copied'), JSON.stringify(r.findings));
    assert.equal(r.acceptedRisks?.[0]?.ruleId, 'context/credentials-copied');
  });

  it('config: a rule off never runs; an engine finding off is dropped; an override applies', () => {
    const config = defaultConfig();
    config.rules['dockerfile/last-user-root'] = { severity: 'off' };
    config.rules['tightship/ignore-without-reason'] = { severity: 'off' };
    const [r] = auditText(`FROM alpine:3.20@sha256:${'a'.repeat(64)}\n# tightship ignore=dockerfile/healthcheck-missing\nUSER root\nCMD ["/app/run"]\n`, {}, config);
    assert.ok(!r.findings.some((f) => f.ruleId === 'dockerfile/last-user-root' || f.ruleId === 'tightship/ignore-without-reason'));
  });

  it('splits a compose project into services, each with its own accepted risks', () => {
    const text = 'services:\n  api:\n    image: app:1\n    # tightship ignore=compose/privileged -- needs the device\n    privileged: true\n  web:\n    image: app:1\n';
    const model = assembleCompose([{ path: 'compose.yaml', text }], { env: {} });
    const out = composeResults(model, { config: defaultConfig(), rules: composeRules, today: '2026-06-01' });
    const api = out.find((r) => r.target.service === 'api');
    assert.ok(api);
    const web = out.find((r) => r.target.service === 'web');
    assert.ok(web);
    assert.equal(api.acceptedRisks?.length, 1);
    assert.equal(web.acceptedRisks, undefined);
    assert.ok(!api.findings.some((f) => f.ruleId === 'compose/privileged'));
    assert.equal(composeTarget.comments?.(model).length, 1);
  });
});
