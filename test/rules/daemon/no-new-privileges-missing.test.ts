import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/no-new-privileges-missing.js';

testRule(rule, {
  valid: [{ code: '{"no-new-privileges": true}' }, { name: 'a broken file is not judged on absent keys', code: '{,' }],
  invalid: [
    { code: '{}', errors: [{ line: 1, column: 1, message: 'no "no-new-privileges"' }] },
    { code: '{\n  "debug": false,\n  "no-new-privileges": false\n}\n', errors: [{ line: 3, column: 3, message: 'is off' }] },
  ],
});
