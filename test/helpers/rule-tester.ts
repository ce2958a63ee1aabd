// The strict rule tester: valid/invalid tables run through the real engine, in the style of
// ESLint's RuleTester. Every rule's test file calls testRule once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Rule, TargetKind, TargetModels } from '../../src/engine/types.js';
import { runRules } from '../../src/engine/run.js';
import { defaultConfig } from '../../src/engine/config-types.js';
import { applyFixes } from '../../src/engine/fix.js';

export interface ValidCase {
  code: string;
  name?: string;
  options?: Record<string, unknown>;
  buildArgs?: Record<string, string>;
}

export interface ExpectedError {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A substring the message must contain. */
  message?: string;
  severity?: Finding['severity'];
  /** The finding's file (for targets whose findings span files, e.g. a build context). */
  path?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** With a fixable rule: the text after applying the finding's fixes. */
  output?: string;
}

export type Loader<K extends TargetKind> = (code: string, c: ValidCase) => TargetModels[K] | Promise<TargetModels[K]>;

const loaders: Partial<{ [K in TargetKind]: Loader<K> }> = {};

/** Each target registers how a snippet becomes a model (the real parser). */
export function registerLoader<K extends TargetKind>(kind: K, loader: Loader<K>): void {
  (loaders as Record<string, unknown>)[kind] = loader;
}

export const TEST_PATH = 'test.input';

export async function lintSnippet(rule: Rule, c: ValidCase): Promise<Finding[]> {
  const loader = loaders[rule.target] as Loader<TargetKind> | undefined;
  if (!loader) throw new Error(`no loader registered for target ${rule.target}; import its loader in the test`);
  const model = await loader(c.code, c);
  const config = defaultConfig();
  if (c.options) config.rules[rule.id] = { options: c.options };
  if (c.buildArgs) config.buildArgs = c.buildArgs;
  return runRules(rule.target, model as never, TEST_PATH, { config, rules: [rule] });
}


export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const key = JSON.stringify([c.code, c.options ?? null, c.buildArgs ?? null]);
    if (seen.has(key)) throw new Error(`${rule.id}: duplicate test case:\n${c.code}`);
    seen.add(key);
  }
  if (cases.valid.length === 0 || cases.invalid.length === 0) {
    throw new Error(`${rule.id}: a rule needs at least one valid and one invalid case`);
  }
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name ?? firstLines(c.code)}`, async () => {
        const findings = await lintSnippet(rule, c);
        assert.deepEqual(findings.map(show), [], `expected no findings for:\n${c.code}`);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? firstLines(c.code)}`, async () => {
        const findings = await lintSnippet(rule, c);
        assert.equal(findings.length, c.errors.length,
          `expected ${c.errors.length} finding(s), got ${findings.length}:\n${findings.map(show).join('\n')}\nfor:\n${c.code}`);
        const sorted = [...findings].sort((a, b) => (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0) ||
          a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
        c.errors.forEach((e, i) => {
          const f = sorted[i]!;
          assert.equal(f.location.startLine, e.line, `line of finding ${i}: ${show(f)}`);
          if (e.column !== undefined) assert.equal(f.location.startColumn, e.column, `column of finding ${i}: ${show(f)}`);
          if (e.endLine !== undefined) assert.equal(f.location.endLine, e.endLine, `end line of finding ${i}: ${show(f)}`);
          if (e.endColumn !== undefined) assert.equal(f.location.endColumn, e.endColumn, `end column of finding ${i}: ${show(f)}`);
          if (e.message !== undefined) assert.ok(f.message.includes(e.message), `message of finding ${i}: "${f.message}" should contain "${e.message}"`);
          if (e.severity !== undefined) assert.equal(f.severity, e.severity, `severity of finding ${i}`);
          if (e.path !== undefined) assert.equal(f.location.path, e.path, `path of finding ${i}: ${show(f)}`);
        });
        if (c.output !== undefined) {
          const fixed = applyFixes(c.code, findings, { suggestions: true }).text;
          assert.equal(fixed, c.output, 'fixed output');
          const again = await lintSnippet(rule, { ...c, code: fixed });
          assert.deepEqual(again.map(show), [], 'the fixed output must lint clean');
        }
      });
    }
  });
}

function show(f: Finding): string {
  return `${f.location.startLine}:${f.location.startColumn} ${f.ruleId} ${f.message}`;
}

function firstLines(code: string): string {
  return code.split('\n').filter(Boolean).slice(0, 3).join(' | ').slice(0, 80);
}
