import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/userland-proxy-enabled.js';

testRule(rule, {
  valid: [{ code: '{"userland-proxy": false}' }, { name: 'a broken file is not judged on absent keys', code: '{,' }],
  invalid: [
    { code: '{}', errors: [{ line: 1, column: 1, message: 'no "userland-proxy"' }] },
    { code: '{\n  "debug": false,\n  "userland-proxy": true\n}\n', errors: [{ line: 3, column: 3, message: 'is on' }] },
  ],
});
