import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/invalid.js';
import { GOOD } from './good.js';

testRule(rule, {
  valid: [{ code: GOOD }, { code: '#! apparmor\n#include <tunables/global>\nprofile good flags=(attach_disconnected) {\n  file,\n  network inet tcp,\n  deny /proc/** wx,\n}\n' }],
  invalid: [
    { code: '{"defaultAction": "SCMP_ACT_ERRNO",\n "syscalls": [ }', level: null, errors: [{ line: 2, message: 'invalid JSON' }] },
    { code: '{\n  "syscalls": []\n}', level: null, errors: [{ line: 1, message: 'no "defaultAction"' }] },
    { code: '{"defaultAction": "SCMP_ACT_ERRNO",\n "syscalls": [\n  {"names": ["read"]}\n ]}', level: null, errors: [{ line: 3, message: 'no "action"' }] },
    { code: '#! apparmor\nprofile bad {\n  file,\n  deny /proc/** wx\n  network inet tcp,\n}\n', level: null, errors: [{ line: 5, message: 'apparmor_parser: syntax error' }] },
  ],
});
