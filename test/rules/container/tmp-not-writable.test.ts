import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/tmp-not-writable.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [
    { code: '{"tmpWritable":{"ok":true,"method":"sh","value":false}}', errors: [{ imagePath: '/tmp', message: '/tmp is not writable' }] },
    { code: '{"tmpWritable":{"ok":false,"reason":"no shell and no node"}}', errors: [{ field: 'probe', message: 'could not verify' }] },
  ],
});
