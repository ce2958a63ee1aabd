// The strict rule tester: valid/invalid tables run through the engine's pipeline (audit() in
// src/engine/pipeline.ts) exactly as users' files are — rules, load problems, inline ignores,
// config, level — in the style of ESLint's RuleTester. Every rule's test file calls testRule once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Level, Rule, TargetKind, TargetModels, TargetResult } from '../../src/engine/types.js';
import { audit } from '../../src/engine/pipeline.js';
import { defaultConfig } from '../../src/engine/config-types.js';
import { applyFixes } from '../../src/engine/fix.js';
import { tightshipRules } from '../../src/rules/tightship/index.js';
import { targetOf } from '../../src/targets/index.js';

export interface ValidCase {
  code: string;
  name?: string;
  options?: Record<string, unknown>;
  buildArgs?: Record<string, string>;
  /** The level the snippet's target gets (null: not graded, e.g. it would not build). */
  level?: Level | null;
}

export interface ExpectedError {
  /** Required for rules over text (Dockerfile, context, compose); images and containers have no lines. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A substring the message must contain. */
  message?: string;
  severity?: Finding['severity'];
  /** The finding's file (for targets whose findings span files, e.g. a build context). */
  path?: string;
  /** Compose: the dotted YAML path. */
  yamlPath?: string;
  /** Image: the path inside the image. */
  imagePath?: string;
  /** Image / container: the config field. */
  field?: string;
  /** Image: the index of the layer that holds it. */
  layer?: number;
  /** The rule id, when the finding is not the tested rule's (an engine finding about an ignore). */
  ruleId?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** With a fixable rule: the text after applying the findings' fixes (required). */
  output?: string;
}

/** The rule is given so a loader can run the load step's tools only for the rules that read them. */
export type Loader<K extends TargetKind> = (code: string, c: ValidCase, rule: Rule) => TargetModels[K] | Promise<TargetModels[K]>;

const loaders: Partial<{ [K in TargetKind]: Loader<K> }> = {};

/** Each target registers how a snippet becomes a model (the real parser). */
export function registerLoader<K extends TargetKind>(kind: K, loader: Loader<K>): void {
  (loaders as Record<string, unknown>)[kind] = loader;
}

export const TEST_PATH = 'test.input';

/** Targets whose models have no text: findings are located by image path, field or layer. */
const TEXTLESS = new Set<string>(['image', 'container', 'host', 'scan']);

/** The engine's findings about ignores, which a table may expect beside the rule's own. */
const IGNORE_RULES = new Set(['tightship/ignore-without-reason', 'tightship/unused-ignore', 'tightship/expired-ignore']);

const catalogues = new WeakMap<Rule, readonly Rule[]>();

/** The snippet's result, through the same pipeline a user's file goes through, with only this
 *  rule enabled (the catalogue holds it and the engine's own rules). */
export async function auditSnippet(rule: Rule, c: ValidCase): Promise<TargetResult> {
  const loader = loaders[rule.target] as Loader<TargetKind> | undefined;
  if (!loader) throw new Error(`no loader registered for target ${rule.target}; import its loader in the test`);
  const model = await loader(c.code, c, rule);
  const config = defaultConfig();
  if (c.options) config.rules[rule.id] = { options: c.options };
  if (c.buildArgs) config.buildArgs = c.buildArgs;
  const target = targetOf(rule.target);
  let catalogue = catalogues.get(rule);
  if (!catalogue) {
    catalogue = [rule, ...(tightshipRules as unknown as Rule[])];
    catalogues.set(rule, catalogue);
  }
  const [result] = audit(model, {
    target: { kind: rule.target, path: TEST_PATH },
    path: TEST_PATH,
    rules: [rule],
    catalogue,
    config,
    today: '2026-01-01',
    ...(target?.problems ? { loadFindings: target.problems(model) } : {}),
    ...(target?.comments ? { comments: target.comments(model) } : {}),
  });
  return result;
}

/** The findings a table asserts: the rule's own and the engine's findings about ignores (a
 *  snippet's parse errors count for its level, not in its table). */
export async function lintSnippet(rule: Rule, c: ValidCase): Promise<Finding[]> {
  return (await auditSnippet(rule, c)).findings.filter((f) => f.ruleId === rule.id || IGNORE_RULES.has(f.ruleId));
}

function checkTable(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const key = JSON.stringify([c.code, c.options ?? null, c.buildArgs ?? null]);
    if (seen.has(key)) throw new Error(`${rule.id}: duplicate test case:\n${c.code}`);
    seen.add(key);
  }
  if (cases.valid.length === 0 || cases.invalid.length === 0) {
    throw new Error(`${rule.id}: a rule needs at least one valid and one invalid case`);
  }
  for (const c of cases.invalid) {
    if (rule.fixable && c.output === undefined) {
      throw new Error(`${rule.id} is fixable: invalid case '${c.name ?? firstLines(c.code)}' must state its fixed output (output)`);
    }
    for (const e of c.errors) {
      if (TEXTLESS.has(rule.target)) {
        if (e.imagePath === undefined && e.field === undefined && e.layer === undefined && e.path === undefined) {
          throw new Error(`${rule.id}: an expected ${rule.target} finding must state where it is (imagePath, field, layer or path) in '${c.name ?? firstLines(c.code)}'`);
        }
      } else if (e.line === undefined) {
        throw new Error(`${rule.id}: an expected finding must state its line in '${c.name ?? firstLines(c.code)}'`);
      }
    }
  }
}

export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  checkTable(rule, cases);
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name ?? firstLines(c.code)}`, async () => {
        const result = await auditSnippet(rule, c);
        const findings = result.findings.filter((f) => f.ruleId === rule.id || IGNORE_RULES.has(f.ruleId));
        assert.deepEqual(findings.map(show), [], `expected no findings for:\n${c.code}`);
        if (c.level !== undefined) assert.equal(result.level, c.level, 'level');
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? firstLines(c.code)}`, async () => {
        const result = await auditSnippet(rule, c);
        const findings = result.findings.filter((f) => f.ruleId === rule.id || IGNORE_RULES.has(f.ruleId));
        assert.equal(findings.length, c.errors.length,
          `expected ${c.errors.length} finding(s), got ${findings.length}:\n${findings.map(show).join('\n')}\nfor:\n${c.code}`);
        // the pipeline's order: path, line, column, rule id, image path, field, message
        c.errors.forEach((e, i) => {
          const f = findings[i];
          const l = f.location;
          assert.equal(f.ruleId, e.ruleId ?? rule.id, `rule of finding ${i}: ${show(f)}`);
          if (e.line !== undefined) assert.equal(l.startLine, e.line, `line of finding ${i}: ${show(f)}`);
          if (e.column !== undefined) assert.equal(l.startColumn, e.column, `column of finding ${i}: ${show(f)}`);
          if (e.endLine !== undefined) assert.equal(l.endLine, e.endLine, `end line of finding ${i}: ${show(f)}`);
          if (e.endColumn !== undefined) assert.equal(l.endColumn, e.endColumn, `end column of finding ${i}: ${show(f)}`);
          if (e.message !== undefined) assert.ok(f.message.includes(e.message), `message of finding ${i}: "${f.message}" should contain "${e.message}"`);
          if (e.severity !== undefined) assert.equal(f.severity, e.severity, `severity of finding ${i}`);
          if (e.path !== undefined) assert.equal(l.path, e.path, `path of finding ${i}: ${show(f)}`);
          if (e.yamlPath !== undefined) assert.equal(l.yamlPath, e.yamlPath, `YAML path of finding ${i}: ${show(f)}`);
          if (e.imagePath !== undefined) assert.equal(l.imagePath, e.imagePath, `image path of finding ${i}: ${show(f)}`);
          if (e.field !== undefined) assert.equal(l.field, e.field, `field of finding ${i}: ${show(f)}`);
          if (e.layer !== undefined) assert.equal(l.layer?.index, e.layer, `layer of finding ${i}: ${show(f)}`);
        });
        if (c.level !== undefined) assert.equal(result.level, c.level, 'level');
        if (c.output !== undefined) {
          const fixed = applyFixes(c.code, findings, { suggestions: true }).text;
          assert.equal(fixed, c.output, 'fixed output');
          if (fixed !== c.code) {
            const again = await lintSnippet(rule, { ...c, code: fixed });
            assert.deepEqual(again.map(show), [], 'the fixed output must lint clean');
          }
        }
      });
    }
  });
}

function show(f: Finding): string {
  const l = f.location;
  const where = l.imagePath ?? l.field ?? l.yamlPath;
  return `${l.startLine}:${l.startColumn}${where ? ` ${where}` : ''}${l.layer ? ` layer ${l.layer.index}` : ''} ${f.ruleId} ${f.message}`;
}

function firstLines(code: string): string {
  return code.split('\n').filter(Boolean).slice(0, 3).join(' | ').slice(0, 80);
}
