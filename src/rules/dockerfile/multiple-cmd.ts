import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'dockerfile/multiple-cmd',
  target: 'dockerfile',
  title: 'More than one CMD or ENTRYPOINT in a stage',
  severity: 'warning',
  level: null,
  rationale:
    'Only the last CMD and the last ENTRYPOINT of a stage take effect; earlier ones are silently replaced. An ' +
    'earlier one is either dead code or a sign that the author expected both to run — which they never do.',
  remediation: 'Keep one CMD and at most one ENTRYPOINT per stage. To run several processes, use a small init or supervisor as the single ENTRYPOINT, or better, one process per container.',
  references: ['https://docs.docker.com/reference/dockerfile/#cmd', 'https://docs.docker.com/reference/dockerfile/#entrypoint'],
  equivalents: {
    hadolint: ['DL4003', 'DL4004'],
    trivy: ['DS-0016', 'DS-0007'],
    kics: ['Multiple CMD Instructions Listed', 'Multiple ENTRYPOINT Instructions Listed'],
    buildkit: ['MultipleInstructionsDisallowed'],
  },
  examples: {
    bad: 'FROM python:3.12-slim\nCMD ["python", "migrate.py"]\nCMD ["python", "app.py"]\n',
    good: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const list = stage.instructions.filter((i) => i.keyword === keyword);
        const last = list[list.length - 1];
        for (const instr of list.slice(0, -1)) {
          ctx.report({
            message: `This ${keyword} has no effect: the ${keyword} on line ${last.range.start.line} replaces it.`,
            range: instr.keywordRange,
          });
        }
      }
    }
  },
});
