import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/security-profile-disabled.js';

testRule(rule, {
  valid: [
    { code: "docker run --security-opt seccomp=./profile.json nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --security-opt=apparmor:unconfined --security-opt label=disable nginx:1.27\n", errors: [{ line: 1, column: 12, message: "AppArmor" }, { line: 1, column: 47, message: "SELinux" }] },
  ],
});
