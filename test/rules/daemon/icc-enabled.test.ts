import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/icc-enabled.js';

testRule(rule, {
  valid: [{ code: '{"icc": false}' }, { name: 'a broken file is not judged on absent keys', code: '{,' }],
  invalid: [
    { code: '{"live-restore": true}', errors: [{ line: 1, column: 1, message: 'no "icc": false' }] },
    { code: '{\n  "debug": false,\n  "icc": true\n}\n', errors: [{ line: 3, column: 3, message: '"icc" is on' }] },
  ],
});
