import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/user-root.js';

testRule(rule, {
  valid: [
    { code: "user: 10001" },
    { code: "user: app\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\napp:x:10001:10001::/app:/usr/sbin/nologin" },
    { code: "user: 10001:10001" },
  ],
  invalid: [
    { code: "file /app/x", errors: [{ field: 'config.User', message: "config.User is empty" }] },
    { code: "user: root", errors: [{ field: 'config.User', message: "UID 0" }] },
    { code: "user: 0:0", errors: [{ field: 'config.User', message: "UID 0" }] },
    { code: "user: toor\nfile /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\ntoor:x:0:0::/root:/bin/sh", errors: [{ field: 'config.User', message: "UID 0" }] },
  ],
});
