import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/shell-present.js';

testRule(rule, {
  valid: [
    { code: "file /nodejs/bin/node mode=0755" },
    { code: "link /bin/sh -> /nonexistent" },
  ],
  invalid: [
    { code: "file /bin/busybox mode=0755\nlink /bin/sh -> busybox", errors: [{ imagePath: '/bin/sh', layer: 0, message: "/bin/sh" }] },
    { code: "file /bin/bash mode=0755", errors: [{ imagePath: '/bin/bash', layer: 0, message: "/bin/bash" }] },
  ],
});
