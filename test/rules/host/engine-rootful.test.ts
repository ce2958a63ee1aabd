import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/engine-rootful.js';

testRule(rule, {
  valid: [{ code: '{}' }, { name: 'userns-remap', code: '{"engine": {"ok": true, "value": {"rootless": false, "securityOptions": ["seccomp", "userns"]}}}' }, { name: 'no engine: nothing to judge', code: '{"engine": {"ok": false, "reason": "down"}}' }],
  invalid: [{ code: '{"engine": {"ok": true, "value": {"rootless": false, "securityOptions": ["seccomp"]}}}', errors: [{ field: 'Info.SecurityOptions', message: 'runs as root without user-namespace remapping' }] }],
});
