import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/runs-as-root.js';

testRule(rule, {
  valid: [
    { code: '{}', name: 'uid 10001' },
    { code: '{"identity":{"ok":true,"method":"node","value":{"uid":65532,"gid":65532,"user":null,"home":null,"shell":null}}}', name: 'uid without passwd entry' },
  ],
  invalid: [
    { code: '{"identity":{"ok":true,"method":"sh","value":{"uid":0,"gid":0,"user":"root","home":"/root","shell":"/bin/bash"}}}', errors: [{ field: 'identity.uid', message: 'uid 0 (root)', severity: 'error' }] },
    { code: '{"identity":{"ok":false,"reason":"no shell and no node"}}', name: 'probe failed: never a pass', errors: [{ field: 'probe', message: 'could not verify the user of the main process: no shell and no node', severity: 'warning' }] },
  ],
});
