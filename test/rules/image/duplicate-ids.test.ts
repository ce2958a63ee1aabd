import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/duplicate-ids.js';

testRule(rule, {
  valid: [
    { code: "file /etc/passwd << root:x:0:0:root:/root:/bin/sh\\\\napp:x:10001:10001::/app:/usr/sbin/nologin\nfile /etc/group << root:x:0:\\\\napp:x:10001:" },
  ],
  invalid: [
    { code: "file /etc/passwd << a:x:5:5::/:/bin/false\\\\nb:x:5:5::/:/bin/false", errors: [{ imagePath: '/etc/passwd', message: "UID 5 is shared by a, b" }] },
    { code: "file /etc/group << a:x:7:\\\\nb:x:7:", errors: [{ imagePath: '/etc/group', message: "GID 7 is shared" }] },
  ],
});
