import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/security-options-missing.js';

testRule(rule, {
  valid: [{ code: '{}' }, { name: 'SELinux', code: '{"engine": {"ok": true, "value": {"securityOptions": ["selinux", "seccomp"]}}}' }],
  invalid: [
    { code: '{"engine": {"ok": true, "value": {"securityOptions": ["seccomp"]}}}', errors: [{ field: 'Info.SecurityOptions', message: 'no AppArmor or SELinux' }] },
    { code: '{"engine": {"ok": true, "value": {"securityOptions": []}}}', errors: [{ field: 'Info.SecurityOptions', message: 'no seccomp and no AppArmor or SELinux' }] },
  ],
});
