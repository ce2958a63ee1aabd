import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/no-log-limits.js';

testRule(rule, {
  valid: [{ code: '{"hostConfig":{"logConfig":{"type":"json-file","config":{}}}}', name: 'a one-off container of verify' }, { code: '{"mode":"container","hostConfig":{"logConfig":{"type":"local","config":{}}}}' }],
  invalid: [{ code: '{"mode":"container","hostConfig":{"logConfig":{"type":"json-file","config":{"max-file":"3"}}}}', errors: [{ field: 'HostConfig.LogConfig', message: 'without max-size' }] }],
});
