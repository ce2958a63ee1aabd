import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/unsafe-layer-entry.js';

testRule(rule, {
  valid: [
    { code: "file /etc/x\nlink /etc/y -> ../usr/z" },
  ],
  invalid: [
    { code: "entry ../../etc/passwd", errors: [{ line: 1, column: 1, message: "climbs out" }] },
    { code: "link /etc/escape -> ../../../x", errors: [{ line: 1, column: 1, message: "above the root" }] },
    { code: "hardlink /bin/a => /bin/missing", errors: [{ line: 1, column: 1, message: "does not hold" }] },
    { code: "char /dev/mem", errors: [{ line: 1, column: 1, message: "device node" }] },
  ],
});
