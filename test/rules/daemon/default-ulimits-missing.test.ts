import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/default-ulimits-missing.js';

testRule(rule, {
  valid: [{ code: '{"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1024, "Hard": 2048}}}' }, { name: 'a broken file is not judged on absent keys', code: '{,' }],
  invalid: [
    { code: '{}', errors: [{ line: 1, column: 1, message: 'no "default-ulimits"' }] },
    { code: '{\n  "debug": false,\n  "default-ulimits": {}\n}\n', errors: [{ line: 3, column: 3, message: 'is empty' }] },
  ],
});
