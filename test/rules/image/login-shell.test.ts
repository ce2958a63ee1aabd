import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/login-shell.js';

testRule(rule, {
  valid: [
    { code: "user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\napp:x:10001:10001::/app:/usr/sbin/nologin" },
    { code: "file /etc/passwd << root:x:0:0:root:/root:/bin/bash" },
    { code: "user: 10001\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\napp:x:10001:10001::/app:/usr/sbin/nologin" },
  ],
  invalid: [
    { code: "user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\napp:x:10001:10001::/app:/bin/bash", errors: [{ imagePath: '/etc/passwd', field: 'config.User', message: "/bin/bash" }] },
    { code: "user: 10001\nfile /etc/passwd << app:x:10001:10001::/app:/bin/sh", errors: [{ imagePath: '/etc/passwd', field: 'config.User', message: "/bin/sh" }] },
  ],
});
