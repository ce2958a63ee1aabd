// Tables for the engine's own rules (tightship/*): snippets run through the whole Dockerfile
// pipeline (parse, every rule, inline ignores), checking only the given rule's findings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditDockerfileText } from '../../../src/targets/dockerfile/audit.js';
import { allRules } from '../../../src/rules/index.js';
import { defaultConfig } from '../../../src/engine/config-types.js';
import { tightshipRules } from '../../../src/rules/tightship/index.js';

export interface EngineCase {
  code: string;
  name?: string;
  today?: string;
  errors?: { line: number; column?: number; message?: string }[];
}

export function testEngineRule(id: string, cases: { valid: EngineCase[]; invalid: EngineCase[] }): void {
  const rule = tightshipRules.find((r) => r.id === id);
  if (!rule) throw new Error(`${id} is not in src/rules/tightship/index.ts`);
  describe(id, () => {
    for (const c of [...cases.valid, ...cases.invalid]) {
      it(`${c.errors ? 'invalid' : 'valid'}: ${c.name ?? c.code.split('\n').slice(0, 3).join(' | ').slice(0, 80)}`, async () => {
        const { result } = await auditDockerfileText(c.code, path.join(os.tmpdir(), 'Dockerfile'), {
          cwd: os.tmpdir(), config: defaultConfig(), rules: allRules, today: c.today ?? '2026-06-01', auditContext: false,
        });
        const found = result.findings.filter((f) => f.ruleId === id);
        const expected = c.errors ?? [];
        assert.equal(found.length, expected.length, found.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.message}`).join('\n'));
        expected.forEach((e, i) => {
          const f = found[i];
          assert.equal(f.location.startLine, e.line);
          if (e.column !== undefined) assert.equal(f.location.startColumn, e.column);
          if (e.message !== undefined) assert.ok(f.message.includes(e.message), f.message);
          assert.equal(f.severity, rule.severity, 'the finding has the rule\'s default severity');
        });
      });
    }
  });
}
