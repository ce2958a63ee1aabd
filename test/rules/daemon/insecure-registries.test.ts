import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/insecure-registries.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"insecure-registries": []}' }, { code: '{"insecure-registries": ["127.0.0.0/8"]}' }],
  invalid: [{ code: '{\n  "insecure-registries": ["reg:5000", "10.0.0.0/8"]\n}\n', errors: [{ line: 2, column: 3, message: 'reg:5000, 10.0.0.0/8' }] }],
});
