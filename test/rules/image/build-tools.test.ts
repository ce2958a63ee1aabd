import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/build-tools.js';

testRule(rule, {
  valid: [
    { code: "file /usr/bin/node mode=0755" },
    { code: "file /usr/lib/gcc/x86_64-linux-gnu/12/cc1" },
  ],
  invalid: [
    { code: "file /usr/bin/gcc-12 mode=0755\nlink /usr/bin/gcc -> gcc-12", errors: [{ imagePath: '/usr/bin/gcc', layer: 0, message: "/usr/bin/gcc, /usr/bin/gcc-12" }] },
    { code: "file /usr/local/go/bin/go mode=0755", errors: [{ imagePath: '/usr/local/go/bin/go', layer: 0, message: "/usr/local/go/bin/go" }] },
  ],
});
