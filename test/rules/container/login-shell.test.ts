import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/login-shell.js';

testRule(rule, {
  valid: [
    { code: '{}', name: 'nologin' },
    { code: '{"identity":{"ok":true,"method":"sh","value":{"uid":1,"gid":1,"user":"daemon","home":"/","shell":"/bin/false"}}}', name: '/bin/false' },
  ],
  invalid: [
    { code: '{"identity":{"ok":true,"method":"sh","value":{"uid":1001,"gid":1001,"user":"appuser","home":"/home/appuser","shell":"/bin/sh"}}}', errors: [{ field: 'identity.shell', message: 'appuser (uid 1001) has the login shell /bin/sh' }] },
    { code: '{"identity":{"ok":true,"method":"sh","value":{"uid":1001,"gid":1001,"user":"appuser","home":"/home/appuser","shell":""}}}', name: 'empty shell field means /bin/sh', errors: [{ field: 'identity.shell', message: '(empty: /bin/sh)' }] },
    { code: '{"identity":{"ok":true,"method":"node","value":{"uid":4242,"gid":4242,"user":null,"home":null,"shell":null}}}', name: 'no passwd entry', errors: [{ field: 'identity.shell', message: 'no entry in /etc/passwd', severity: 'info' }] },
    { code: '{"identity":{"ok":false,"reason":"no shell and no node"}}', errors: [{ field: 'probe', message: 'could not verify', severity: 'warning' }] },
  ],
});
