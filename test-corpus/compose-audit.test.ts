// Every compose file of the real-world corpus is audited without a crash, and twice the same way.
// (Speed is measured by the benchmark, not here.)
import { it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { auditCompose } from '../src/targets/compose/audit.js';
import { allRules } from '../src/rules/index.js';
import { defaultConfig } from '../src/engine/config-types.js';
import { corpusDir, corpusList } from './corpus.js';

const corpus = corpusDir();

it('audits all 294 compose files of the real-world corpus, deterministically', async () => {
  const files = corpusList('compose-files.txt');
  assert.equal(files.length, 294);
  const opts = { cwd: corpus, config: defaultConfig(), rules: allRules, today: '2026-01-01', auditContext: false };
  const run = async () => {
    const out: unknown[] = [];
    for (const f of files) out.push(await auditCompose([path.join(corpus, f)], opts));
    return out;
  };
  const first = await run();
  let services = 0;
  first.forEach((results, i) => {
    for (const r of results as { target: { kind: string; service?: string }; error?: string; findings: { message: string }[] }[]) {
      assert.ok(!r.error?.startsWith('internal error'), `${files[i]}: ${r.error}`);
      for (const f of r.findings) assert.ok(!f.message.startsWith('internal error'), `${files[i]}: ${f.message}`);
      if (r.target.kind === 'compose' && r.target.service) services++;
    }
  });
  assert.ok(services > 600, `only ${services} services found`);
  assert.equal(JSON.stringify(await run()), JSON.stringify(first));
});
