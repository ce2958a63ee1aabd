import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'dockerfile/healthcheck-multiple',
  target: 'dockerfile',
  title: 'More than one HEALTHCHECK in a stage',
  severity: 'warning',
  level: null,
  rationale:
    'Only the last HEALTHCHECK of a stage takes effect; earlier ones are silently replaced. A reader who sees the ' +
    'first one believes it is the check in force, which makes reviews and incident debugging go wrong.',
  remediation: 'Keep one HEALTHCHECK per stage: delete the earlier ones or merge what they check into the last.',
  references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
  equivalents: {
    hadolint: ['DL3012'],
    trivy: ['DS-0023'],
    buildkit: ['MultipleInstructionsDisallowed'],
  },
  examples: {
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/health"]\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/health"]\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const checks = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      const last = checks[checks.length - 1];
      for (const hc of checks.slice(0, -1)) {
        ctx.report({
          message: `This HEALTHCHECK has no effect: the one on line ${last.range.start.line} replaces it.`,
          range: hc.keywordRange,
        });
      }
    }
  },
});
