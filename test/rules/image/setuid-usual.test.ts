import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/setuid-usual.js';

testRule(rule, {
  valid: [
    { code: "file /usr/local/bin/helper mode=4755" },
    { code: "file /usr/bin/su mode=0755" },
  ],
  invalid: [
    { code: "file /bin/su mode=4755", errors: [{ imagePath: '/bin/su', layer: 0, message: "usual" }] },
    { code: "file /usr/bin/newgrp mode=4755\nfile /usr/bin/mount mode=4755", errors: [{ imagePath: '/usr/bin/mount', layer: 0, message: "usual" }, { imagePath: '/usr/bin/newgrp', layer: 0, message: "usual" }] },
  ],
});
