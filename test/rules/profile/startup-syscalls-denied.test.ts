import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/startup-syscalls-denied.js';
import { GOOD } from './good.js';

// the course's profile: six calls, none of what a process needs to start
const SIX = '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "architectures": ["SCMP_ARCH_X86_64"],\n  "syscalls": [{"names": ["read", "write", "exit", "sigreturn", "accept", "socket"], "action": "SCMP_ACT_ALLOW"}]\n}';

testRule(rule, {
  valid: [
    { code: GOOD },
    { name: 'equivalent calls count (newfstatat for fstat, open for openat, mmap2)', code: GOOD.replace('"fstat"', '"newfstatat"').replace('"openat"', '"open"') },
    { name: 'allow by default', code: '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]}' },
  ],
  invalid: [
    { code: SIX, level: 'root', errors: [{ line: 2, column: 3, message: 'denies execve, brk, mmap' }] },
    { code: GOOD.replace('"execve",', ''), errors: [{ line: 1, message: 'denies execve:' }] },
    { name: 'allowed then denied by a later rule', code: GOOD.replace(/\]\}$/, ',{"names":["exit_group"],"action":"SCMP_ACT_ERRNO"}]}'), errors: [{ line: 1, message: 'denies exit_group' }] },
  ],
});
