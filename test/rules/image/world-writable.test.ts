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
    { code: "file /app/config.json mode=0666", errors: [{ imagePath: '/app/config.json', layer: 0, message: "world-writable file" }] },
    { code: "dir /data mode=0777", errors: [{ imagePath: '/data', layer: 0, message: "without the sticky bit" }] },
  ],
});
