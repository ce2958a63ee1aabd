import { defineEngineRule } from '../../engine/engine-rule.js';

export default defineEngineRule({
  id: 'tightship/expired-ignore',
  target: 'tightship',
  title: 'Inline ignores are within their expiry date',
  severity: 'info',
  level: null,
  rationale:
    'An ignore with `expires=YYYY-MM-DD` records a temporary exception. After that date it no longer applies: the ' +
    'findings it hid are reported again, and this finding says why.',
  remediation: 'Fix the findings the ignore covered, or renew the exception with a new date and reason.',
  references: ['docs/configuration.md#inline-ignores'],
  equivalents: {},
  examples: {
    bad: 'FROM alpine:3.20\n# tightship ignore=dockerfile/maintainer expires=2000-01-01 -- until the release script is gone\nMAINTAINER someone@example.com\n',
    good: 'FROM alpine:3.20\n# tightship ignore=dockerfile/maintainer expires=2999-01-01 -- until the release script is gone\nMAINTAINER someone@example.com\n',
  },
});
