import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/no-restart-policy.js';

testRule(rule, {
  valid: [{ code: '{}', name: 'a one-off container of verify' }, { code: '{"mode":"container","hostConfig":{"restartPolicy":{"name":"on-failure","maximumRetryCount":5}}}' }],
  invalid: [
    { code: '{"mode":"container","hostConfig":{"restartPolicy":{"name":"","maximumRetryCount":0}}}', errors: [{ field: 'HostConfig.RestartPolicy', message: 'no restart policy', severity: 'info' }] },
    { code: '{"mode":"container","hostConfig":{"restartPolicy":{"name":"always","maximumRetryCount":0}}}', errors: [{ field: 'HostConfig.RestartPolicy', message: 'restarts forever' }] },
  ],
});
