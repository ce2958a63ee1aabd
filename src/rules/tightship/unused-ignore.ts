import { defineEngineRule } from '../../engine/engine-rule.js';

export default defineEngineRule({
  id: 'tightship/unused-ignore',
  target: 'tightship',
  title: 'Inline ignores suppress something',
  severity: 'info',
  level: null,
  rationale:
    'An ignore that no longer matches a finding (the problem was fixed, the rule id is misspelt or unknown) gives a ' +
    'false sense of an accepted risk and would silently hide the problem if it came back.',
  remediation: 'Delete the ignore comment, or correct the rule id it names.',
  references: ['docs/configuration.md#inline-ignores'],
  equivalents: {},
  examples: {
    bad: 'FROM alpine:3.20\n# tightship ignore=dockerfile/maintainer -- legacy\nLABEL org.opencontainers.image.authors="someone@example.com"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="someone@example.com"\n',
  },
});
