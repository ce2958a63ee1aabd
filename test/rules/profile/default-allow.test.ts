import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/default-allow.js';
import { GOOD } from './good.js';

testRule(rule, {
  valid: [{ code: GOOD }, { code: GOOD.replace('SCMP_ACT_ERRNO', 'SCMP_ACT_KILL_PROCESS') }, { code: GOOD.replace('SCMP_ACT_ERRNO', 'SCMP_ACT_TRAP') }],
  invalid: [
    { code: '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [{"names": ["ptrace"], "action": "SCMP_ACT_ERRNO"}]\n}', errors: [{ line: 2, column: 3, message: 'SCMP_ACT_ALLOW: every system call' }] },
    { code: GOOD.replace('SCMP_ACT_ERRNO', 'SCMP_ACT_LOG'), errors: [{ line: 1, message: 'SCMP_ACT_LOG' }] },
  ],
});
