import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/experimental-enabled.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"experimental": false}' }],
  invalid: [{ code: '{\n  "experimental": true\n}\n', errors: [{ line: 2, column: 3, message: 'experimental features are on' }] }],
});
