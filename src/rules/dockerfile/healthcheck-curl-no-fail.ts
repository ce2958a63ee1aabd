import { defineRule } from '../../engine/types.js';
import { rangeOfText } from './util/ranges.js';
import { blindCurls, instructionParts } from '../health-check.js';

export default defineRule({
  id: 'dockerfile/healthcheck-curl-no-fail',
  target: 'dockerfile',
  title: 'HEALTHCHECK calls curl without --fail',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "a health check that reflects the service": curl exits 0 whenever it gets any HTTP answer, ' +
    'so `curl -sS http://localhost/health` reports healthy while the service answers 500 or 503. Only -f/--fail ' +
    '(or --fail-with-body) turns an HTTP error status into a failing exit code. Checks that judge the answer ' +
    'themselves (curl piped into grep, or -w/--write-out printing the status for a test) are not flagged.',
  remediation: 'Add --fail: `HEALTHCHECK CMD curl --fail --silent --show-error http://127.0.0.1:8000/health || exit 1`.',
  references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'https://curl.se/docs/manpage.html#-f'],
  equivalents: {},
  examples: {
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -sS http://127.0.0.1/ || exit 1\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://127.0.0.1/ || exit 1\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'HEALTHCHECK' || !/^\s*CMD\b/i.test(instr.args)) continue;
        // one finding per curl that cannot fail (each at the instruction's first `curl`, as before)
        const blind = blindCurls(instructionParts(instr.args)).length;
        if (blind === 0) continue;
        const range = rangeOfText(model, instr, 'curl');
        const message = 'HEALTHCHECK runs curl without -f/--fail: an HTTP 500 answer still exits 0 and the container reports healthy.';
        for (let n = 0; n < blind; n++) ctx.report({ message, range });
      }
    }
  },
});
