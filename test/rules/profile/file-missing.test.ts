import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/file-missing.js';
import { GOOD } from './good.js';

testRule(rule, {
  valid: [{ code: GOOD }],
  invalid: [{ code: '#! missing: no such file\n', level: null, errors: [{ line: 1, message: 'cannot be read: no such file' }] }],
});
