import { defineEngineRule } from '../../engine/engine-rule.js';

export default defineEngineRule({
  id: 'tightship/ignore-without-reason',
  target: 'tightship',
  title: 'Every inline ignore gives a reason',
  severity: 'info',
  level: null,
  rationale:
    'An ignore comment silences a security check. Without a reason, a reviewer cannot tell an accepted risk from a ' +
    'forgotten shortcut, and nobody knows when the ignore can go.',
  remediation:
    'Add the reason after ` -- `: `# tightship ignore=dockerfile/some-rule -- why this is acceptable`. ' +
    'Add `expires=YYYY-MM-DD` when the exception is temporary.',
  references: ['docs/configuration.md#inline-ignores'],
  equivalents: {},
  examples: {
    bad: 'FROM alpine:3.20\n# tightship ignore=dockerfile/maintainer\nMAINTAINER someone@example.com\n',
    good: 'FROM alpine:3.20\n# tightship ignore=dockerfile/maintainer -- kept for an old release script\nMAINTAINER someone@example.com\n',
  },
});
