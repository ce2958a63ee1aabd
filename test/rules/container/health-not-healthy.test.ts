import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/health-not-healthy.js';

testRule(rule, {
  valid: [
    { code: '{}' },
    { code: '{"health":{"defined":true,"status":"starting","waitedMs":1400,"log":[{"exitCode":127,"output":"/bin/sh: curl: not found"}]}}', name: 'a missing program is container/healthcheck-tool-missing\'s finding' },
  ],
  invalid: [
    { code: '{"health":{"defined":true,"status":"unhealthy","waitedMs":4000,"lastOutput":"curl: not found"}}', errors: [{ field: 'State.Health.Status', message: 'health is unhealthy after 4.0 s; last check said: curl: not found', severity: 'error' }] },
    { code: '{"health":{"defined":true,"status":"timeout","waitedMs":60000}}', errors: [{ field: 'State.Health.Status', message: 'did not reach healthy within 60.0 s' }] },
    { code: '{"health":{"defined":false,"status":null,"waitedMs":0}}', errors: [{ field: 'Config.Healthcheck', message: 'neither the image nor the container defines a healthcheck', severity: 'warning' }] },
  ],
});
