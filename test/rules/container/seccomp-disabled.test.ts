import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/seccomp-disabled.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"seccomp":{"ok":true,"method":"sh","value":1}}', name: 'strict mode' }],
  invalid: [
    { code: '{"seccomp":{"ok":true,"method":"sh","value":0}}', errors: [{ field: 'Seccomp', message: 'seccomp mode is 0 (disabled)' }] },
    { code: '{"seccomp":{"ok":false,"reason":"no shell and no node"}}', errors: [{ field: 'probe', message: 'could not verify the seccomp mode' }] },
  ],
});
