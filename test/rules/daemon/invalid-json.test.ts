import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/invalid-json.js';

testRule(rule, {
  valid: [{ code: '{}\n' }, { code: '{\n  "icc": false\n}\n' }],
  invalid: [
    { code: '{\n  "icc": false,\n}\n', level: null, errors: [{ line: 3, message: 'invalid JSON' }] },
    { code: '{\n  "icc": false\n  "live-restore": true\n}\n', level: null, errors: [{ line: 3, message: 'invalid JSON' }] },
    { code: '// comment\n{}\n', level: null, errors: [{ line: 1, message: 'not JSON' }] },
    { code: '["icc"]\n', level: null, errors: [{ line: 1, message: 'must hold a JSON object' }] },
    { code: '', level: null, errors: [{ line: 1, message: 'empty' }] },
  ],
});
