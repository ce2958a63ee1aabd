import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/healthcheck-curl-no-fail.js';

const health = (status: string, curl?: { url: string; status: number | null; error?: string }) =>
  JSON.stringify({ health: { defined: true, status, waitedMs: 1200, ...(curl ? { curl } : {}) } });
const url = 'http://127.0.0.1:8000/health';

testRule(rule, {
  valid: [
    { code: health('healthy'), name: 'no curl without --fail in the check' },
    { code: health('healthy', { url, status: 204 }), name: 'the service answers 2xx' },
    { code: health('healthy', { url, status: 302 }), name: 'a redirect is not an HTTP error' },
    { code: health('healthy', { url, status: null, error: 'curl exited 7 with no status' }), name: 'the re-run got no answer: no proof' },
    { code: health('unhealthy', { url, status: 500 }), name: 'the check already fails' },
  ],
  invalid: [
    {
      code: health('healthy', { url, status: 500 }),
      errors: [{ field: 'Config.Healthcheck.Test', severity: 'warning', message: `the health check reports healthy while ${url} answers HTTP 500: it calls curl without -f/--fail, which exits 0 on an HTTP error` }],
    },
    { code: health('healthy', { url, status: 404 }), errors: [{ field: 'Config.Healthcheck.Test', message: 'answers HTTP 404' }], name: 'a 4xx' },
  ],
});
