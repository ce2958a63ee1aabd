import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/live-restore-missing.js';

testRule(rule, {
  valid: [{ code: '{"live-restore": true}' }, { name: 'a broken file is not judged on absent keys', code: '{,' }],
  invalid: [
    { code: '{}', errors: [{ line: 1, column: 1, message: 'no "live-restore"' }] },
    { code: '{\n  "debug": false,\n  "live-restore": false\n}\n', errors: [{ line: 3, column: 3, message: 'is off' }] },
  ],
});
