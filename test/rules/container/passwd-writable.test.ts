import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/passwd-writable.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [
    { code: '{"passwdWritable":{"ok":true,"method":"sh","value":true}}', errors: [{ line: 1, message: '/etc/passwd is writable', severity: 'error' }] },
    { code: '{"passwdWritable":{"ok":false,"reason":"no shell and no node"}}', errors: [{ line: 1, message: 'could not verify whether /etc/passwd is writable' }] },
  ],
});
