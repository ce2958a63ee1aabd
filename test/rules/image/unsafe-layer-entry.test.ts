import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/unsafe-layer-entry.js';

testRule(rule, {
  valid: [
    { code: "file /etc/x\nlink /etc/y -> ../usr/z" },
  ],
  invalid: [
    { code: "entry ../../etc/passwd", errors: [{ imagePath: '/../../etc/passwd', layer: 0, message: "climbs out" }] },
    { code: "link /etc/escape -> ../../../x", errors: [{ imagePath: '/etc/escape', layer: 0, message: "above the root" }] },
    { code: "hardlink /bin/a => /bin/missing", errors: [{ imagePath: '/bin/a', layer: 0, message: "does not hold" }] },
    { code: "char /dev/mem", errors: [{ imagePath: '/dev/mem', layer: 0, message: "device node" }] },
  ],
});
