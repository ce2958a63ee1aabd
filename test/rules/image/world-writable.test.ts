import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/world-writable.js';

testRule(rule, {
  valid: [
    { code: "dir /tmp mode=1777" },
    { code: "link /x -> /y" },
    { code: "file /app/f mode=0644" },
  ],
  invalid: [
    { code: "file /app/config.json mode=0666", errors: [{ line: 1, column: 1, message: "world-writable file" }] },
    { code: "dir /data mode=0777", errors: [{ line: 1, column: 1, message: "without the sticky bit" }] },
  ],
});
