import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/user-unknown.js';

testRule(rule, {
  valid: [
    { code: 'user: 10001' },
    { code: 'user: 10001:10001\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh' },
    { code: 'user: app:app\nfile /etc/passwd << app:x:10001:10001::/app:/usr/sbin/nologin' },
    { code: 'file /app/x' },
  ],
  invalid: [
    { code: 'user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh', errors: [{ field: 'config.User', message: '/etc/passwd does not hold' }] },
    { code: 'user: nonroot', errors: [{ field: 'config.User', message: 'no /etc/passwd' }] },
  ],
});
