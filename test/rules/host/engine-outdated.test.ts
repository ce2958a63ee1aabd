import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/engine-outdated.js';

testRule(rule, {
  valid: [{ code: '{}' }, { name: 'within a custom age', code: '{"today": "2026-06-01", "engine": {"ok": true, "value": {"serverVersion": "27.0.1", "buildDate": "2024-06-24"}}}', options: { maxAgeDays: 800 } }],
  invalid: [
    { code: '{"today": "2026-06-01", "engine": {"ok": true, "value": {"serverVersion": "27.0.1", "buildDate": "2024-06-24"}}}', errors: [{ field: 'Version.BuildTime', message: '707 days ago' }] },
    { name: 'an end-of-life line rebuilt recently', code: '{"today": "2026-06-01", "engine": {"ok": true, "value": {"serverVersion": "20.10.24+dfsg1", "buildDate": "2026-05-07"}}}', errors: [{ field: 'Version.Version', message: 'older than 25.0' }] },
  ],
});
