// Checkstyle XML, read by Jenkins (Warnings NG), reviewdog, SonarQube, Danger and most CI
// dashboards: one <file> per file holding findings, one <error> per finding with line, column,
// severity (error, warning, info), message and source (tightship.<rule id>). A target that could
// not be audited is an error of source tightship.target-error on its file.
import type { Finding } from '../engine/types.js';
import { sortedResults, type Formatter } from './common.js';
import { attrs, XML_DECLARATION } from './xml.js';

function textless(f: Finding): boolean {
  const l = f.location;
  return Boolean(l.imagePath || l.field) && l.startLine === 1 && l.startColumn === 1 && l.endLine === 1 && l.endColumn === 1;
}

export const formatCheckstyle: Formatter = (results) => {
  const byFile = new Map<string, string[]>();
  const add = (path: string, line: string) => {
    const list = byFile.get(path) ?? [];
    list.push(line);
    byFile.set(path, list);
  };
  for (const r of sortedResults(results)) {
    if (r.error !== undefined) add(r.target.path, `<error${attrs({ line: 1, severity: 'error', message: r.error, source: 'tightship.target-error' })}/>`);
    for (const f of r.findings) {
      const l = f.location;
      const where = textless(f) ? `${l.imagePath ?? l.field}: ` : '';
      const position = textless(f) ? { line: 1 } : { line: l.startLine, column: l.startColumn };
      add(l.path, `<error${attrs({ ...position, severity: f.severity, message: where + f.message, source: `tightship.${f.ruleId}` })}/>`);
    }
  }
  const files = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out = [XML_DECLARATION, `<checkstyle${attrs({ version: '4.3' })}>`];
  for (const [file, entries] of files) {
    out.push(`  <file${attrs({ name: file })}>`);
    for (const e of entries) out.push(`    ${e}`);
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};
