import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/seccomp-unconfined.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"seccomp-profile": "builtin"}' }, { code: '{"seccomp-profile": "/etc/docker/seccomp.json"}' }],
  invalid: [{ code: '{\n  "seccomp-profile": "unconfined"\n}\n', level: 'root', errors: [{ line: 2, column: 3, message: 'seccomp filtering is off' }] }],
});
