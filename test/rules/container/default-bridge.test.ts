import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/default-bridge.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"hostConfig":{"networkMode":"shop_default","networkNone":false,"networks":["shop_default"]}}', name: 'a project network' }],
  invalid: [{ code: '{"hostConfig":{"networkMode":"default","networkNone":false,"networks":["bridge"]}}', errors: [{ field: 'NetworkSettings.Networks', severity: 'info', message: 'docker0' }], level: 'hardened' }],
});
