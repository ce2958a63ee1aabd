// SARIF 2.1.0 for code-scanning services: tool.driver.rules[] with help and security-severity,
// regions with columns, partialFingerprints that survive line moves, fixes[] from fix edits.
import type { Finding, Location, Severity, TargetResult } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/catalogue.js';
import { findingFingerprints, fingerprintsByPath } from '../engine/baseline.js';
import { docsUri, INFORMATION_URI, JsonElements, jsonFrame, showsSource, sortedResults, type Formatter, type ReportMeta, type StreamFormatter } from './common.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** GitHub maps security-severity to critical (≥9), high (≥7), medium (≥4), low. */
function securitySeverity(rule: CatalogueEntry): string {
  if (rule.severity === 'error') return rule.level === 'nonroot' ? '8.0' : '7.0';
  if (rule.severity === 'warning') return rule.level ? '5.5' : '4.0';
  return '2.0';
}

function pascal(id: string): string {
  return id.split(/[/-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function ruleDescriptor(rule: CatalogueEntry): Record<string, unknown> {
  const tags = ['security', rule.target];
  if (rule.level) tags.push(`level:${rule.level}`);
  const cis = new Set<string>((rule.equivalents.cis ?? []).map((c) => c.replace(/^CIS\s*/i, '')));
  for (const ref of rule.references) {
    const m = /^CIS\b[^0-9]*(\d+(?:\.\d+)*)/i.exec(ref);
    if (m) cis.add(m[1]);
  }
  for (const c of [...cis].sort()) tags.push(`CIS-${c}`);
  const equivalents = Object.entries<string[] | undefined>(rule.equivalents)
    .flatMap(([tool, ids]) => (ids?.length ? [`${tool}: ${ids.join(', ')}`] : []));
  const markdown = [
    `**${rule.title}**`, '', rule.rationale, '', `**How to fix:** ${rule.remediation}`,
    ...(equivalents.length ? ['', `**Equivalents:** ${equivalents.join('; ')}`] : []),
    '', `[Documentation](${docsUri(rule.id)})`,
  ].join('\n');
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale}\n\nHow to fix: ${rule.remediation}`, markdown },
    helpUri: docsUri(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags,
      precision: 'high',
      'security-severity': securitySeverity(rule),
      ...(rule.level ? { level: rule.level } : {}),
    },
  };
}

function hasRegion(l: Location): boolean {
  return !(l.imagePath || l.field) || l.startLine > 1 || l.startColumn > 1 || l.endLine > 1 || l.endColumn > 1;
}

function physical(l: Location): Record<string, unknown> {
  const p: Record<string, unknown> = { artifactLocation: { uri: l.path, uriBaseId: '%SRCROOT%' } };
  if (hasRegion(l)) {
    const region: Record<string, unknown> = { startLine: l.startLine, startColumn: l.startColumn };
    if (l.endLine >= l.startLine) region.endLine = l.endLine;
    if (l.endLine > l.startLine || l.endColumn > l.startColumn) region.endColumn = l.endColumn;
    p.region = region;
  }
  return p;
}

function location(l: Location): Record<string, unknown> {
  const out: Record<string, unknown> = { physicalLocation: physical(l) };
  const logical = l.yamlPath ?? l.imagePath ?? l.field;
  if (logical) out.logicalLocations = [{ fullyQualifiedName: logical, kind: l.yamlPath ? 'member' : 'resource' }];
  return out;
}

function fixes(f: Finding): Record<string, unknown>[] | undefined {
  if (!f.fix || f.fix.edits.length === 0) return undefined;
  return [{
    description: { text: `${f.fix.description}${f.fix.safe ? '' : ' (suggestion)'}` },
    artifactChanges: [{
      artifactLocation: { uri: f.location.path, uriBaseId: '%SRCROOT%' },
      replacements: [...f.fix.edits].sort((a, b) => a.start - b.start).map((e) => ({
        deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
        insertedContent: { text: e.text },
      })),
    }],
  }];
}

function rulesOf(usedIds: readonly string[], meta: ReportMeta): CatalogueEntry[] {
  const byId = new Map(meta.rules.map((r) => [r.id, r]));
  return usedIds.map((id) => byId.get(id) ?? {
    id, target: 'tightship' as const, title: id, severity: 'warning' as const, level: null,
    rationale: id, remediation: 'See the documentation.', references: [], equivalents: {}, examples: { bad: '', good: '' },
  });
}

/** The SARIF results of one target's findings. */
function resultsOf(r: TargetResult, index: Map<string, number>, prints: (f: Finding) => string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const f of r.findings) {
    const res: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(f.location)],
      partialFingerprints: { 'tightshipFingerprint/v1': prints(f) },
    };
    if (f.related?.length) {
      res.relatedLocations = f.related.map((rel, i) => ({ id: i + 1, ...location(rel.location), message: { text: rel.message } }));
    }
    const fx = fixes(f);
    if (fx) res.fixes = fx;
    const target: Record<string, unknown> = { kind: r.target.kind, path: r.target.path };
    if (r.target.service) target.service = r.target.service;
    if (r.target.line !== undefined) target.line = r.target.line;
    if (r.target.kind === 'run' && r.target.image) target.image = r.target.image;
    res.properties = { target, targetLevel: r.level };
    out.push(res);
  }
  return out;
}

/** The log around its results (an empty array where they go). */
function log(meta: ReportMeta, rules: readonly CatalogueEntry[], errors: readonly TargetResult[], results: Record<string, unknown>[]): Record<string, unknown> {
  const notifications = errors.map((r) => ({
    level: 'error',
    message: { text: `${r.target.path}: ${r.error ?? ''}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: r.target.path, uriBaseId: '%SRCROOT%' } } }],
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'tightship',
          version: meta.toolVersion,
          semanticVersion: meta.toolVersion,
          informationUri: INFORMATION_URI,
          rules: rules.map(ruleDescriptor),
        },
      },
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

export const formatSarif: Formatter = (results, meta) => {
  const sorted = sortedResults(results);
  const rules = rulesOf([...new Set(sorted.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort(), meta);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const prints = findingFingerprints(sorted, meta.sources, { useSource: showsSource });
  const sarifResults = sorted.flatMap((r) => resultsOf(r, index, prints));
  return `${JSON.stringify(log(meta, rules, sorted.filter((r) => r.error !== undefined), sarifResults), null, 2)}\n`;
};

/** The same log one target path at a time: the rules and notifications that precede the
 *  results come from the run's summary. */
export const streamSarif: StreamFormatter = (meta, summary) => {
  const rules = rulesOf(summary.ruleIds, meta);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const fingerprints = fingerprintsByPath({ useSource: showsSource });
  const { head, tail } = jsonFrame(log(meta, rules, summary.errors, []), 'results', 3);
  const elements = new JsonElements(4);
  return {
    begin: () => head,
    path: (results, sources) => {
      const prints = fingerprints(results, sources);
      return results.flatMap((r) => resultsOf(r, index, prints)).map((res) => elements.next(res)).join('');
    },
    end: () => tail(elements.any),
  };
};
