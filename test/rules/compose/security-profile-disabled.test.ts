import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/security-profile-disabled.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    security_opt: ["seccomp:./profile.json", "no-new-privileges:true"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n      - label:disable\n', errors: [{ line: 5, column: 9, message: 'seccomp' }, { line: 6, column: 9, message: 'AppArmor' }, { line: 7, column: 9, message: 'SELinux' }] },
  ],
});
