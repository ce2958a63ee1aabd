import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/memory-swap-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run nginx:1.27\n" },
    { code: "docker run -m 1g --memory-swap 1024m nginx:1.27\n" },
    { code: "docker run -m $MEM nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --memory=512m nginx:1.27\n", errors: [{ line: 1, column: 12, message: "not swap" }] },
    { code: "docker run -m 512m --memory-swap=-1 nginx:1.27\n", errors: [{ line: 1, column: 20, message: "unlimited swap" }] },
    { code: "docker run -m 512m --memory-swap 1g nginx:1.27\n", errors: [{ line: 1, column: 20, message: "set them equal" }] },
  ],
});
