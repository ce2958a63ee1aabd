import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/empty-password.js';

testRule(rule, {
  valid: [
    { code: "file /etc/shadow << root:*:1:0:99999:7:::\\\\napp:!:1:0:99999:7:::" },
    { code: "file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\napp:x:10001:10001::/app:/usr/sbin/nologin" },
  ],
  invalid: [
    { code: "file /etc/shadow << root::1:0:99999:7:::", errors: [{ imagePath: '/etc/shadow', message: "root has an empty password" }] },
    { code: "file /etc/passwd << root::0:0:root:/root:/bin/sh", errors: [{ imagePath: '/etc/passwd', message: "empty password field" }] },
  ],
});
