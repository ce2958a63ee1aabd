import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/image-old.js';

testRule(rule, {
  valid: [
    { name: 'recent', code: 'created: 2026-03-01T00:00:00Z\ntoday: 2026-06-01' },
    { name: 'no created time', code: 'today: 2026-06-01' },
    { name: 'a reproducible build at the epoch', code: 'created: 1970-01-01T00:00:00Z\ntoday: 2026-06-01' },
    { name: 'a longer limit', code: 'created: 2025-09-01T00:00:00Z\ntoday: 2026-06-01', options: { maxAgeDays: 365 } },
  ],
  invalid: [
    { name: 'older than 180 days', code: 'created: 2025-09-01T12:00:00Z\ntoday: 2026-06-01', errors: [{ field: 'created', severity: 'info', message: '272 days ago (limit 180)' }], level: 'hardened' },
    { name: 'a shorter limit', code: 'created: 2026-05-01T00:00:00Z\ntoday: 2026-06-01', options: { maxAgeDays: 30 }, errors: [{ field: 'created', message: '31 days' }] },
  ],
});
