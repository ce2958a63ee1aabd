import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/passwd-writable.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [
    { code: '{"passwdWritable":{"ok":true,"method":"sh","value":true}}', errors: [{ imagePath: '/etc/passwd', message: '/etc/passwd is writable', severity: 'error' }] },
    { code: '{"passwdWritable":{"ok":false,"reason":"no shell and no node"}}', errors: [{ field: 'probe', message: 'could not verify whether /etc/passwd is writable' }] },
  ],
});
