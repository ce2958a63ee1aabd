import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/authorization-plugins-missing.js';

testRule(rule, {
  valid: [{ code: '{"authorization-plugins": ["authz"]}' }, { name: 'a broken file is not judged on absent keys', code: '{,' }],
  invalid: [
    { code: '{}', errors: [{ line: 1, column: 1, message: 'no "authorization-plugins"' }] },
    { code: '{\n  "debug": false,\n  "authorization-plugins": []\n}\n', errors: [{ line: 3, column: 3, message: 'is empty' }] },
  ],
});
