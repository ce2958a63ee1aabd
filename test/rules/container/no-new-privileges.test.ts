import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/no-new-privileges.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [
    { code: '{"noNewPrivs":{"ok":true,"method":"sh","value":0}}', errors: [{ field: 'NoNewPrivs', message: 'NoNewPrivs is 0' }] },
    { code: '{"noNewPrivs":{"ok":false,"reason":"no shell and no node"}}', errors: [{ field: 'probe', message: 'could not verify NoNewPrivs' }] },
  ],
});
