// Meta-tests over the registry: every rule is complete, tested, documented, and its examples
// behave as documented when run through the real target loader.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import * as os from 'node:os';
import { allRules } from '../../src/rules/index.js';
import { tightshipRules } from '../../src/rules/tightship/index.js';
import { catalogue } from '../../src/rules/index.js';
import { SEVERITIES, type Rule } from '../../src/engine/types.js';
import { lintSnippet } from '../helpers/rule-tester.js';
import { auditDockerfileText } from '../../src/targets/dockerfile/audit.js';
import { SHELLCHECK_MISSING } from '../helpers/shellcheck.js';
import { defaultConfig } from '../../src/engine/config-types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ALLOWED_EQUIVALENTS = new Set(['hadolint', 'trivy', 'checkov', 'kics', 'dockle', 'buildkit', 'cis', 'dockerBench']);
const KEBAB_ID = /^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/;
const LOADERS = ['dockerfile', 'context', 'compose', 'image', 'container', 'run', 'daemon', 'host', 'profile', 'scan'];

before(async () => {
  for (const target of LOADERS) {
    const file = path.join(ROOT, 'dist/test/helpers', `${target}-loader.js`);
    if (existsSync(file)) await import(file);
  }
});

describe('registry', () => {
  it('has rules', () => { assert.ok(allRules.length > 0); });

  it('ids are unique across the catalogue', () => {
    const seen = new Set<string>();
    for (const r of catalogue()) {
      assert.ok(!seen.has(r.id), `duplicate rule id ${r.id}`);
      seen.add(r.id);
    }
  });

  it('every rule object is registered once', () => {
    assert.equal(new Set(allRules).size, allRules.length);
  });
});

for (const rule of catalogue()) {
  describe(`rule ${rule.id}`, () => {
    const [ns, name] = rule.id.split('/');
    it('id is kebab-case, namespaced by its target, and equal to its file path', () => {
      assert.match(rule.id, KEBAB_ID);
      assert.equal(ns, rule.target, `${rule.id} is in namespace ${ns} but targets ${rule.target}`);
      const file = path.join(ROOT, 'src/rules', ns, `${name}.ts`);
      assert.ok(existsSync(file), `expected the rule in src/rules/${ns}/${name}.ts`);
    });

    it('has complete metadata', () => {
      for (const key of ['title', 'rationale', 'remediation'] as const) {
        assert.ok(typeof rule[key] === 'string' && rule[key].trim().length >= 10, `${key} is missing or too short`);
      }
      assert.ok(SEVERITIES.includes(rule.severity), `severity ${rule.severity}`);
      const level: unknown = rule.level; // the registry is data: checked at run time, not only by the types
      assert.ok(level === null || level === 'nonroot' || level === 'hardened', `level ${String(level)}`);
      assert.ok(Array.isArray(rule.references) && rule.references.length > 0, 'references are missing');
      assert.ok(rule.examples.bad.trim() && rule.examples.good.trim(), 'examples.bad and examples.good are required');
      assert.notEqual(rule.examples.bad, rule.examples.good);
      if (rule.options) {
        assert.equal(typeof rule.options.defaults, 'object');
        assert.equal(typeof rule.options.schema, 'object');
      }
    });

    it('equivalents use the known tools only, with non-empty id lists', () => {
      for (const [tool, ids] of Object.entries(rule.equivalents)) {
        assert.ok(ALLOWED_EQUIVALENTS.has(tool), `unknown equivalents key '${tool}' (allowed: ${[...ALLOWED_EQUIVALENTS].join(', ')})`);
        assert.ok(Array.isArray(ids) && ids.length > 0 && ids.every((i) => typeof i === 'string' && i.trim()), `equivalents.${tool}`);
      }
    });

    it('has a test file and a docs page', () => {
      assert.ok(existsSync(path.join(ROOT, 'test/rules', ns, `${name}.test.ts`)), `missing test/rules/${ns}/${name}.test.ts`);
      assert.ok(existsSync(path.join(ROOT, 'docs/rules', ns, `${name}.md`)), `missing docs/rules/${rule.id}.md: run \`npm run docs\``);
    });

    // the ShellCheck rule's examples need the real binary
    it('examples.bad is flagged by the rule and examples.good is not', { skip: rule.id === 'dockerfile/shellcheck' && SHELLCHECK_MISSING }, async () => {
      const flagged = async (code: string): Promise<string[]> => {
        if (rule.target === 'tightship') {
          // engine rules: the whole Dockerfile pipeline, every rule, inline ignores on
          const { result } = await auditDockerfileText(code, path.join(os.tmpdir(), 'Dockerfile'), {
            cwd: os.tmpdir(), config: defaultConfig(), rules: allRules, today: '2026-01-01', auditContext: false,
          });
          return result.findings.filter((f) => f.ruleId === rule.id).map((f) => f.message);
        }
        const c = rule.examples.options ? { code, options: rule.examples.options } : { code };
        return (await lintSnippet(rule as Rule, c)).map((f) => f.message);
      };
      const bad = await flagged(rule.examples.bad);
      assert.ok(bad.length > 0, `examples.bad is not flagged by ${rule.id}:\n${rule.examples.bad}`);
      const good = await flagged(rule.examples.good);
      assert.deepEqual(good, [], `examples.good is flagged by ${rule.id}:\n${rule.examples.good}`);
    });
  });
}

it('engine rules are listed in src/rules/tightship/index.ts', () => {
  assert.ok(tightshipRules.some((r) => r.id === 'tightship/unused-ignore'));
  assert.ok(tightshipRules.some((r) => r.id === 'tightship/ignore-without-reason'));
});
