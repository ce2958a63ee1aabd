import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/http-probe-failed.js';

testRule(rule, {
  valid: [{ code: '{}', name: 'no path asked' }, { code: '{"http":{"path":"/health","status":200,"from":"container","url":"http://127.0.0.1:8000/health"}}' }],
  invalid: [
    { code: '{"http":{"path":"/health","status":500,"from":"host","url":"http://127.0.0.1:32768/health"}}', errors: [{ field: 'http', message: 'GET /health answered 500, not 200' }] },
    { code: '{"http":{"path":"/","status":null,"error":"connect ECONNREFUSED","from":"host","url":"http://127.0.0.1:1/"}}', errors: [{ field: 'http', message: 'connect ECONNREFUSED' }] },
  ],
});
