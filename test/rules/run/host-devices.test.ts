import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/host-devices.js';

testRule(rule, {
  valid: [
    { code: "docker run --gpus all nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run --device=/dev/fuse nginx:1.27\n", errors: [{ line: 1, column: 12, message: "/dev/fuse" }] },
  ],
});
