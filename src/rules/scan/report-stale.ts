import { defineRule } from '../../engine/types.js';
import { trivyExample } from './examples.js';

const DAY = 24 * 60 * 60 * 1000;

export default defineRule({
  id: 'scan/report-stale',
  target: 'scan',
  title: 'The scan report is recent',
  severity: 'error',
  level: null,
  rationale: 'Vulnerability databases change daily: a report older than the policy allows (7 days by default) says nothing about the CVEs published since. A report without a date cannot be shown to be recent.',
  remediation: 'Scan the image again in the same pipeline that gates it (`trivy image -f json -o scan.json IMAGE`, or `grype IMAGE -o json --file scan.json`), or raise maxAgeDays in the policy.',
  references: ['https://aquasecurity.github.io/trivy/latest/docs/configuration/reporting/', 'PCI DSS v4.0 requirement 11.3.1'],
  equivalents: {},
  examples: {
    bad: trivyExample({ createdAt: '2025-10-01T08:00:00Z' }),
    good: trivyExample({ createdAt: '2026-01-01T08:00:00Z' }),
  },
  check(model, ctx) {
    const max = model.gate.maxAgeDays;
    if (!model.createdAt) {
      ctx.report({ message: `the ${model.tool} report states no scan time: it cannot be shown to be under ${max} day(s) old`, location: { field: 'createdAt' } });
      return;
    }
    const at = Date.parse(model.createdAt);
    const now = Date.parse(model.now);
    if (Number.isNaN(at)) {
      ctx.report({ message: `the scan time '${model.createdAt}' is not a date`, location: { field: 'createdAt' } });
      return;
    }
    const age = (now - at) / DAY;
    if (age > max) {
      ctx.report({ message: `the scan report is ${Math.floor(age)} day(s) old (scanned ${model.createdAt}); the policy allows ${max}`, location: { field: 'createdAt' } });
    }
  },
});
