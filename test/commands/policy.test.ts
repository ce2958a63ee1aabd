// Policy by environment through the real CLI: levels, built-in and configured policies, per-path
// policies, ungraded targets, and the scan reports of each format (fixtures in the tools' real
// JSON shapes, with made-up CVEs and packages).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli-io.js';
import { loadReportValidator } from '../report/validators.js';
import { readReport, type JsonReport } from '../helpers/json-report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIX = path.join(ROOT, 'test/fixtures');

/** A copy of the policy project with the scan reports dated `ageDays` ago (their structure untouched). */
async function project(ageDays = 0, config?: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tightship-policy-'));
  await fs.cp(path.join(FIX, 'policy'), dir, { recursive: true });
  await fs.mkdir(path.join(dir, 'scans'));
  const when = new Date(Date.now() - ageDays * 86400000).toISOString();
  for (const f of await fs.readdir(path.join(FIX, 'scan'))) {
    const text = await fs.readFile(path.join(FIX, 'scan', f), 'utf8');
    await fs.writeFile(path.join(dir, 'scans', f), text.replace(/"(CreatedAt|timestamp)": "[^"]+"/g, `"$1": "${when}"`));
  }
  if (config) await fs.writeFile(path.join(dir, '.tightship.yaml'), config);
  return dir;
}

async function lintJson(dir: string, ...args: string[]) {
  const paths = args[0]?.startsWith('deploy') ? [] : ['deploy'];
  const r = await runCli(['lint', ...paths, '--format', 'json', '--fail-on', 'none', ...args], dir);
  // parsed when read: a run that fails before printing a report has none
  return { ...r, get report() { return readReport(r.stdout); } };
}

/** The policy part of a report, which must be there. */
function policyOf(x: { report: JsonReport }): NonNullable<JsonReport['policy']> {
  const { policy } = x.report;
  assert.ok(policy, 'the report has a policy');
  return policy;
}

describe('--require-level', () => {
  it('passes when every target reaches the level, fails naming those below and what they miss', async () => {
    const dir = await project();
    const ok = await lintJson(dir, '--require-level', 'nonroot');
    assert.equal(ok.code, 0);
    assert.equal(policyOf(ok).pass, true);
    assert.equal(policyOf(ok).requiredLevel, 'nonroot');
    const bad = await runCli(['lint', 'deploy', '--fail-on', 'none', '--require-level', 'hardened'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /policy --require-level hardened: 1 of 2 targets fall short/);
    assert.match(bad.stdout, /deploy\/dev\/compose\.yaml service web .*needs hardened: nonroot, below hardened; missing .*compose\/cap-drop-all-missing/);
    assert.doesNotMatch(bad.stdout, /service api —/);
  });

  it('an ungraded target counts as below, with its reason', async () => {
    // a service built from a Dockerfile whose COPY source is missing from its (known) context
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tightship-policy-'));
    await fs.writeFile(path.join(dir, 'compose.yaml'), 'services:\n  app:\n    build: .\n    user: "1000"\n');
    await fs.writeFile(path.join(dir, 'Dockerfile'), 'FROM node:22-slim\nCOPY dist/ /app/\nUSER 1000\nCMD ["node", "/app/server.js"]\n');
    const r = await runCli(['lint', 'compose.yaml', '--format', 'json', '--fail-on', 'none', '--require-level', 'nonroot'], dir);
    assert.equal(r.code, 1);
    const report = readReport(r.stdout);
    const s = policyOf({ report }).shortfalls.find((x) => x.target.service === 'app');
    assert.ok(s);
    assert.equal(s.level, null);
    assert.match(s.reason, /^not graded: its image does not build/);
  });

  it('a level that is not one is a usage error', async () => {
    const r = await runCli(['lint', 'deploy', '--require-level', 'hardend'], await project());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /did you mean 'hardened'/);
  });
});

describe('--policy', () => {
  it('dev passes a nonroot target; staging and prod fail it', async () => {
    const dir = await project();
    const dev = await lintJson(dir, '--policy', 'dev');
    assert.equal(dev.code, 0);
    assert.deepEqual([policyOf(dev).name, policyOf(dev).pass], ['dev', true]);
    for (const name of ['staging', 'prod']) {
      const r = await lintJson(dir, '--policy', name);
      assert.equal(r.code, 1, name);
      assert.deepEqual(policyOf(r).shortfalls.map((s) => s.target.service), ['web']);
    }
  });

  it('regulated needs a scan report for every image, and one without blocking findings', async () => {
    const dir = await project();
    const none = await lintJson(dir, 'deploy/prod', '--policy', 'regulated');
    assert.equal(none.code, 1);
    assert.match(policyOf(none).shortfalls[0].reason, /no vulnerability scan report/);
    const clean = await lintJson(dir, 'deploy/prod', '--policy', 'regulated', '--scan-report', 'scans/trivy-clean.json');
    assert.equal(clean.code, 0, JSON.stringify(policyOf(clean)));
    const blocked = await lintJson(dir, 'deploy/prod', '--policy', 'regulated', '--scan-report', 'scans/grype-blocking.json');
    assert.equal(blocked.code, 1);
    assert.deepEqual(policyOf(blocked).shortfalls[0].missing, ['scan/vulnerability-fixable']);
  });

  it('an unknown policy is a usage error with a guess', async () => {
    const r = await runCli(['lint', 'deploy', '--policy', 'prdo'], await project());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown policy 'prdo'.*did you mean 'prod'/);
  });

  it('policies: in .tightship.yaml adjusts a built-in policy and defines new ones', async () => {
    const dir = await project(0, 'policies:\n  prod: {level: nonroot}\n  qa: {level: hardened}\n');
    assert.equal((await lintJson(dir, '--policy', 'prod')).code, 0);
    assert.equal((await lintJson(dir, '--policy', 'qa')).code, 1);
  });

  it('a mistyped key in a policy is named with a guess', async () => {
    const dir = await project(0, 'policies:\n  regulated: {level: hardened, scan: {maxAgeDay: 3}}\n');
    const r = await runCli(['lint', 'deploy'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown key 'maxAgeDay'.*did you mean 'maxAgeDays'/);
  });
});

describe('policyPaths', () => {
  it('holds each path to its policy', async () => {
    const dir = await project(0, 'policyPaths:\n  "deploy/prod/**": prod\n  "deploy/dev/**": dev\n');
    const r = await lintJson(dir);
    assert.equal(r.code, 0, JSON.stringify(policyOf(r)));
    assert.deepEqual([policyOf(r).name, policyOf(r).checked], ['per-path', 2]);
    const strict = await project(0, 'policyPaths:\n  "deploy/**": staging\n');
    const s = await lintJson(strict);
    assert.equal(s.code, 1);
    assert.equal(policyOf(s).shortfalls[0].policy, 'staging');
  });

  it('an unknown policy name there is an error with a guess', async () => {
    const dir = await project(0, 'policyPaths:\n  "deploy/**": stagin\n');
    const r = await runCli(['lint', 'deploy'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown policy 'stagin'.*did you mean 'staging'/);
  });
});

describe('--scan-report', () => {
  const findings = (report: JsonReport, service: string) => {
    const result = report.results.find((r) => r.target.service === service);
    assert.ok(result, `a result for ${service}`);
    return result.findings.filter((f) => f.ruleId.startsWith('scan/')).map((f) => f.message);
  };

  it('Trivy JSON: a fixable HIGH blocks; no fix and LOW do not', async () => {
    const dir = await project();
    const r = await lintJson(dir, '--scan-report', 'scans/trivy-blocking.json');
    assert.deepEqual(findings(r.report, 'api'), ['HIGH CVE-2099-1001 in libexample1 1.2.3-1: fixed in 1.2.3-2 (Trivy report)']);
    assert.deepEqual(findings(r.report, 'web'), []);
    const clean = await lintJson(dir, '--scan-report', 'scans/trivy-clean.json');
    assert.deepEqual(findings(clean.report, 'api'), []);
  });

  it('Grype JSON: fix.state fixed blocks; not-fixed, wont-fix and Low do not', async () => {
    const dir = await project();
    const r = await lintJson(dir, '--scan-report', 'scans/grype-blocking.json');
    assert.deepEqual(findings(r.report, 'api'), ['CRITICAL CVE-2099-2001 in libexample1 1.2.3-1: fixed in 1.2.3-2 (Grype report)']);
    assert.deepEqual(findings((await lintJson(dir, '--scan-report', 'scans/grype-clean.json')).report, 'api'), []);
  });

  it('SARIF: severity from security-severity, package and versions from the message; no scan time is stale', async () => {
    const dir = await project();
    const r = await lintJson(dir, '--scan-report', 'scans/trivy-blocking.sarif');
    const got = findings(r.report, 'api');
    assert.ok(got.includes('HIGH CVE-2099-3001 in libexample1 1.2.3-1: fixed in 1.2.3-2 (Trivy report)'), got.join('\n'));
    assert.ok(!got.some((m) => m.includes('CVE-2099-3002')));
    assert.ok(got.some((m) => /states no scan time/.test(m)));
  });

  it('a report older than maxAgeDays is stale; the age is configurable', async () => {
    const dir = await project(10);
    const r = await lintJson(dir, '--scan-report', 'scans/trivy-clean.json');
    assert.ok(findings(r.report, 'api').some((m) => /10 day\(s\) old .*allows 7/.test(m)));
    await fs.writeFile(path.join(dir, '.tightship.yaml'), 'policies:\n  regulated: {scan: {maxAgeDays: 30}}\n');
    const ok = await lintJson(dir, 'deploy/prod', '--policy', 'regulated', '--scan-report', 'scans/trivy-clean.json');
    assert.equal(ok.code, 0, JSON.stringify(policyOf(ok)));
  });

  it('a report about another image is a finding, never silently accepted', async () => {
    const dir = await project();
    const r = await lintJson(dir, '--scan-report', 'scans/trivy-other-image.json');
    const scan = r.report.results.find((x) => x.target.kind === 'scan');
    assert.ok(scan);
    assert.equal(scan.findings[0].ruleId, 'scan/report-mismatch');
    assert.match(scan.findings[0].message, /about registry\.example\/shop\/api:1\.4\.1, which is none of the audited images \(registry\.example\/shop\/api:1\.4\.2, registry\.example\/shop\/web:2\.0\.0\)/);
  });

  it('another schema version or not a report: a clear error, the rest audited', async () => {
    const dir = await project();
    await fs.writeFile(path.join(dir, 'scans/notes.json'), '{"hello": 1}\n');
    const r = await lintJson(dir, '--scan-report', 'scans/trivy-schema3.json', '--scan-report', 'scans/notes.json', '--scan-report', 'scans/missing.json');
    assert.equal(r.code, 2);
    const errors = r.report.results.flatMap((x) => (x.error ? [x.error] : []));
    assert.deepEqual(errors, [
      'scans/missing.json: no such file',
      "scans/notes.json: not a scan report this tool reads: expected Trivy JSON ('trivy image -f json'), Grype JSON ('grype -o json') or SARIF 2.1.0",
      "scans/trivy-schema3.json: Trivy report of SchemaVersion 3: only SchemaVersion 2 (trivy ≥ 0.20, 'trivy image -f json') is read",
    ]);
    assert.equal(r.report.results.filter((x) => x.target.kind === 'compose').length, 2);
  });
});

describe('the JSON report', () => {
  it('validates against schema/report.schema.json with its policy block and scan results', async () => {
    const validate = await loadReportValidator();
    const dir = await project();
    const r = await lintJson(dir, '--policy', 'regulated', '--scan-report', 'scans/trivy-blocking.json', '--scan-report', 'scans/trivy-other-image.json');
    assert.equal(policyOf(r).pass, false);
    assert.ok(validate(r.report), JSON.stringify(validate.errors));
  });
});

describe('tightship image --scan-report', () => {
  it('a report about that image (by image ID) gates it; one about another image is a mismatch finding', async () => {
    const { dockerSave, makeTar } = await import('../targets/image/build.js');
    const dir = await project();
    await fs.writeFile(path.join(dir, 'api.tar'), dockerSave([{
      layers: [makeTar([{ name: 'etc/', type: '5' }, { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001::/app:/usr/sbin/nologin\n' }])],
      repoTags: ['registry.example/shop/api:1.4.2'],
      config: { User: '10001' },
    }]));
    const first = readReport((await runCli(['image', 'api.tar', '--format', 'json', '--fail-on', 'none'], dir)).stdout);
    const imageId = first.results[0].facts?.id;
    assert.ok(typeof imageId === 'string');
    // the report's image ID made to be this image's (the rest of the fixture as the tool wrote it)
    const trivy = JSON.parse(await fs.readFile(path.join(dir, 'scans/trivy-blocking.json'), 'utf8')) as { Metadata: Record<string, unknown> };
    trivy.Metadata.ImageID = imageId;
    await fs.writeFile(path.join(dir, 'scans/this-image.json'), JSON.stringify(trivy));
    const r = await runCli(['image', 'api.tar', '--format', 'json', '--fail-on', 'none', '--scan-report', 'scans/this-image.json'], dir);
    const msgs = readReport(r.stdout).results[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('scan/')).map((f: { message: string }) => f.message);
    assert.deepEqual(msgs, ['HIGH CVE-2099-1001 in libexample1 1.2.3-1: fixed in 1.2.3-2 (Trivy report)']);
    // same name, another image ID: the digest decides
    const other = await runCli(['image', 'api.tar', '--fail-on', 'none', '--scan-report', 'scans/trivy-blocking.json'], dir);
    assert.match(other.stdout, /scan\/report-mismatch/);
    assert.match(other.stdout, /image ID sha256:5b0c6a1e.* is not sha256:/);
  });
});
