// GitLab Code Quality: the JSON array GitLab reads from `artifacts: reports: codequality:` and
// shows in the merge request widget and diff (docs.gitlab.com/ci/testing/code_quality, "Code
// Quality report format"). Each finding is an issue with description, check_name (the rule id),
// fingerprint (the same one SARIF carries: rule, path and offending text, not the line number, so
// GitLab sees a moved finding as the same issue), severity and location.path + lines.begin/end.
// Severities: an error of a rule that breaks the build, or a target that could not be audited,
// is blocker; any other error critical; a warning of a rule that guards a level major, other
// warnings minor; info info.
import type { Finding, TargetResult } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { findingFingerprints, fingerprintsByPath } from '../engine/baseline.js';
import { createHash } from 'node:crypto';
import { JsonElements, showsSource, sortedResults, type Formatter, type StreamFormatter } from './common.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export function codeQualitySeverity(f: Finding, rule: CatalogueEntry | undefined): CodeQualitySeverity {
  if (f.severity === 'error') return rule?.breaksBuild ? 'blocker' : 'critical';
  if (f.severity === 'warning') return rule?.level ? 'major' : 'minor';
  return 'info';
}

/** The issues of one target: its audit error, then its findings. */
function issuesOf(r: TargetResult, rules: Map<string, CatalogueEntry>, prints: (f: Finding) => string): Record<string, unknown>[] {
  const issues: Record<string, unknown>[] = [];
  if (r.error !== undefined) {
    issues.push({
      type: 'issue',
      description: `${r.target.path} could not be audited: ${r.error}`,
      check_name: 'tightship/target-error',
      fingerprint: createHash('sha256').update(`tightship/target-error\u0000${r.target.path}`).digest('hex').slice(0, 32),
      severity: 'blocker',
      categories: ['Bug Risk'],
      location: { path: r.target.path, lines: { begin: 1 } },
    });
  }
  for (const f of r.findings) {
    const l = f.location;
    const logical = l.yamlPath ?? l.imagePath ?? l.field;
    const lines: Record<string, number> = { begin: Math.max(1, l.startLine) };
    if (l.endLine > l.startLine) lines.end = l.endLine;
    issues.push({
      type: 'issue',
      description: `${logical && (l.imagePath || l.field) ? `${logical}: ` : ''}${f.message}`,
      check_name: f.ruleId,
      fingerprint: prints(f),
      severity: codeQualitySeverity(f, rules.get(f.ruleId)),
      categories: ['Security'],
      location: { path: l.path, lines },
    });
  }
  return issues;
}

export const formatGitlab: Formatter = (results, meta) => {
  const sorted = sortedResults(results);
  const rules = new Map(meta.rules.map((r) => [r.id, r]));
  const prints = findingFingerprints(sorted, meta.sources, { useSource: showsSource });
  return `${JSON.stringify(sorted.flatMap((r) => issuesOf(r, rules, prints)), null, 2)}\n`;
};

/** The same array one target path at a time. */
export const streamGitlab: StreamFormatter = (meta) => {
  const rules = new Map(meta.rules.map((r) => [r.id, r]));
  const fingerprints = fingerprintsByPath({ useSource: showsSource });
  const elements = new JsonElements(1);
  return {
    begin: () => '[',
    path: (results, sources) => {
      const prints = fingerprints(results, sources);
      return results.flatMap((r) => issuesOf(r, rules, prints)).map((issue) => elements.next(issue)).join('');
    },
    end: () => (elements.any ? '\n]\n' : ']\n'),
  };
};
