import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/privileged.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [{ code: '{"hostConfig":{"privileged":true}}', errors: [{ field: 'HostConfig.Privileged', message: 'Privileged is true', severity: 'error' }] }],
});
