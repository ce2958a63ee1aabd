import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/apparmor-not-checked.js';
import { GOOD } from './good.js';

testRule(rule, {
  valid: [{ code: GOOD }, { code: '#! apparmor\nprofile p {\n  file,\n}\n' }],
  invalid: [{ code: '#! apparmor not-installed\nprofile p {\n  file,\n}\n', errors: [{ line: 1, message: 'apparmor_parser is not installed' }] }],
});
