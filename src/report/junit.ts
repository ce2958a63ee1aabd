// JUnit XML for CI systems that show test reports (GitLab's test report, Jenkins, Azure DevOps,
// CircleCI, Buildkite): one <testsuite> per target, one <testcase> per finding, named by rule and
// place. A finding at or above the target's --fail-on threshold is a <failure> (the findings that
// make the exit code 1, no more, no fewer); a finding below it is a passing test case whose
// message is in <system-out>, so a warning never turns a green pipeline red by itself. A target
// with no findings has one passing test case; a target that could not be audited has one <error>.
// The suite's properties hold the target's level and what keeps it from the next one.
import type { Finding, Severity, TargetResult } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { atOrAbove, nextLevel, sortedResults, targetName, type Formatter, type StreamFormatter } from './common.js';
import { attrs, xmlText, XML_DECLARATION } from './xml.js';

function where(f: Finding): string {
  const l = f.location;
  const logical = l.yamlPath ?? l.imagePath ?? l.field;
  const textless = (l.imagePath || l.field) && l.startLine === 1 && l.startColumn === 1 && l.endLine === 1 && l.endColumn === 1;
  return textless ? `${l.path} ${logical}` : `${l.path}:${l.startLine}:${l.startColumn}${logical ? ` (${logical})` : ''}`;
}

function details(f: Finding, rule: CatalogueEntry | undefined): string {
  const lines = [`${f.severity}: ${f.message}`, `rule: ${f.ruleId}${rule ? ` (${rule.title})` : ''}`, `at: ${where(f)}`];
  if (rule) lines.push(`fix: ${rule.remediation}`);
  if (f.fix) lines.push(`${f.fix.safe ? 'tightship --fix applies' : 'suggested edit'}: ${f.fix.description}`);
  return lines.join('\n');
}

function suite(r: TargetResult, rules: Map<string, CatalogueEntry>, failOn: Severity | 'none'): { xml: string[]; tests: number; failures: number; errors: number } {
  const name = targetName(r.target);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  if (r.error !== undefined) {
    errors++;
    cases.push(`    <testcase${attrs({ classname: name, name: 'audit' })}>`,
      `      <error${attrs({ type: 'target-error', message: r.error })}>${xmlText(r.error)}</error>`, '    </testcase>');
  }
  for (const f of r.findings) {
    const rule = rules.get(f.ruleId);
    const head = `    <testcase${attrs({ classname: name, name: `${f.ruleId} at ${where(f)}`, file: f.location.path, line: f.location.startLine })}>`;
    if (atOrAbove(f.severity, failOn)) {
      failures++;
      cases.push(head, `      <failure${attrs({ type: f.severity, message: f.message })}>${xmlText(details(f, rule))}</failure>`, '    </testcase>');
    } else {
      cases.push(head, `      <system-out>${xmlText(details(f, rule))}</system-out>`, '    </testcase>');
    }
  }
  if (cases.length === 0) cases.push(`    <testcase${attrs({ classname: name, name: 'no findings' })}/>`);
  const tests = Math.max(1, r.findings.length + (r.error !== undefined ? 1 : 0));
  const props: [string, string][] = [['kind', r.target.kind], ['level', r.level ?? 'none']];
  if (r.levelReason) props.push(['levelReason', r.levelReason]);
  const next = nextLevel(r.level);
  if (next && r.missingForNextLevel.length) props.push([`missingFor:${next}`, r.missingForNextLevel.join(' ')]);
  props.push(['failOn', failOn]);
  const xml = [
    `  <testsuite${attrs({ name, tests, failures, errors, skipped: 0 })}>`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property${attrs({ name: k, value: v })}/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ];
  return { xml, tests, failures, errors };
}

export const formatJunit: Formatter = (results, meta) => {
  const rules = new Map(meta.rules.map((r) => [r.id, r]));
  const suites = sortedResults(results).map((r) => suite(r, rules, meta.failOn ? meta.failOn(r.target) : 'error'));
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((s, x) => s + x[k], 0);
  return `${[
    XML_DECLARATION,
    `<testsuites${attrs({ name: 'tightship', tests: sum('tests'), failures: sum('failures'), errors: sum('errors') })}>`,
    ...suites.flatMap((s) => s.xml),
    '</testsuites>',
  ].join('\n')}\n`;
};

/** The same XML one target path at a time: the counts on <testsuites> come from the run's
 *  summary. */
export const streamJunit: StreamFormatter = (meta, summary) => {
  const rules = new Map(meta.rules.map((r) => [r.id, r]));
  const { tests, failures, errors } = summary.cases;
  return {
    begin: () => `${XML_DECLARATION}\n<testsuites${attrs({ name: 'tightship', tests, failures, errors })}>`,
    path: (results) => results.map((r) => `\n${suite(r, rules, meta.failOn ? meta.failOn(r.target) : 'error').xml.join('\n')}`).join(''),
    end: () => '\n</testsuites>\n',
  };
};
