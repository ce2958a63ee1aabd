// The health check reports healthy while the URL it asks for answers an HTTP error: it cannot fail.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/healthcheck-curl-no-fail',
  target: 'container',
  title: 'The health check fails when the service answers an HTTP error',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "a health check that reflects the service": curl exits 0 whenever it gets any HTTP answer, ' +
    'so a check such as `curl -sS http://127.0.0.1:8000/health` reports healthy while the service answers 500. ' +
    '`dockerfile/healthcheck-curl-no-fail` warns from the Dockerfile; this rule is the proof on the running ' +
    'container: when the check calls curl without -f/--fail and the engine reports it healthy, verify runs the ' +
    'check\'s own curl once more inside the container with the status written out (`-w %{http_code}`), and an ' +
    'HTTP error status (400 and above) there means the check passed on a failing answer.',
  remediation: 'Add --fail: `HEALTHCHECK CMD curl --fail --silent --show-error http://127.0.0.1:8000/health || exit 1`.',
  references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'https://curl.se/docs/manpage.html#-f'],
  equivalents: {},
  examples: {
    bad: '{"health":{"defined":true,"status":"healthy","waitedMs":1200,"curl":{"url":"http://127.0.0.1:8000/health","status":500}}}',
    good: '{"health":{"defined":true,"status":"healthy","waitedMs":1200,"curl":{"url":"http://127.0.0.1:8000/health","status":200}}}',
  },
  check(model, ctx) {
    const h = model.health;
    const c = h.curl;
    if (!h.defined || h.status !== 'healthy' || !c || c.status === null || c.status < 400) return;
    ctx.report({
      message: `the health check reports healthy while ${c.url} answers HTTP ${c.status}: it calls curl without -f/--fail, which exits 0 on an HTTP error`,
      location: { field: 'Config.Healthcheck.Test' },
    });
  },
});
