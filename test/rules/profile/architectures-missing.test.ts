import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/architectures-missing.js';
import { GOOD } from './good.js';

testRule(rule, {
  valid: [
    { code: GOOD },
    { name: 'archMap, as Docker\'s default profile', code: GOOD.replace('"architectures":["SCMP_ARCH_X86_64"]', '"archMap":[{"architecture":"SCMP_ARCH_X86_64","subArchitectures":["SCMP_ARCH_X86","SCMP_ARCH_X32"]}]') },
  ],
  invalid: [{ code: GOOD.replace('"architectures":["SCMP_ARCH_X86_64"],', ''), errors: [{ line: 1, column: 2, message: 'lists no architectures' }] }],
});
