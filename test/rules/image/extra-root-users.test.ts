import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/extra-root-users.js';

testRule(rule, {
  valid: [
    { code: "file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\napp:x:10001:10001::/app:/usr/sbin/nologin" },
  ],
  invalid: [
    { code: "file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\ntoor:x:0:0::/root:/bin/sh", errors: [{ imagePath: '/etc/passwd', message: "toor has UID 0" }] },
  ],
});
