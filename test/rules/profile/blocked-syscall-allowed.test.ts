import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/blocked-syscall-allowed.js';
import { GOOD } from './good.js';

const withRule = (r: string) => GOOD.replace(/\]\}$/, `,\n${r}]}`);

testRule(rule, {
  valid: [
    { code: GOOD },
    { name: 'conditional on a capability, as Docker\'s default does', code: withRule('{"names":["mount","umount2"],"action":"SCMP_ACT_ALLOW","includes":{"caps":["CAP_SYS_ADMIN"]}}') },
    { name: 'an explicit deny', code: withRule('{"names":["ptrace"],"action":"SCMP_ACT_ERRNO"}') },
  ],
  invalid: [
    { code: withRule('{"names":["ptrace","bpf","getpid"],"action":"SCMP_ACT_ALLOW"}'), errors: [{ line: 2, message: 'allows ptrace, bpf unconditionally' }] },
    { code: withRule('{"names":["unshare"],"action":"SCMP_ACT_ALLOW","args":[]}'), errors: [{ line: 2, message: 'unshare' }] },
  ],
});
