import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/ulimits-overridden.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [
    { code: '{"hostConfig":{"ulimits":[{"name":"nofile","soft":65536,"hard":65536},{"name":"core","soft":-1,"hard":-1}]}}', errors: [{ field: 'HostConfig.Ulimits', severity: 'info', message: 'core=unlimited:unlimited' }, { field: 'HostConfig.Ulimits', message: 'nofile=65536:65536' }], level: 'hardened' },
  ],
});
