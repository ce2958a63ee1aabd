import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/userns-remap-missing.js';

testRule(rule, {
  valid: [{ code: '{"userns-remap": "default"}' }, { name: 'a broken file is not judged on absent keys', code: '{,' }],
  invalid: [
    { code: '{"icc": false}', errors: [{ line: 1, column: 1, message: 'no "userns-remap"' }] },
    { code: '{\n  "debug": false,\n  "userns-remap": ""\n}\n', errors: [{ line: 3, column: 3, message: 'is empty' }] },
  ],
});
