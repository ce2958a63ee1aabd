import '../../helpers/scan-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/scan/report-stale.js';
import { trivyExample } from '../../../src/rules/scan/examples.js';

// the loader's "now" is 2026-01-02T00:00:00Z, the gate's maxAgeDays 7
testRule(rule, {
  valid: [
    { code: trivyExample({ createdAt: '2025-12-26T00:00:00Z' }) },
  ],
  invalid: [
    { code: trivyExample({ createdAt: '2025-12-24T00:00:00Z' }), errors: [{ field: 'createdAt', message: '9 day(s) old' }] },
    { code: trivyExample({ createdAt: 'yesterday' }), errors: [{ field: 'createdAt', message: 'not a date' }] },
  ],
});
