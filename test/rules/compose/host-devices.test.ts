import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/host-devices.js';

testRule(rule, {
  valid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n' }],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    devices:\n      - /dev/sda:/dev/xvda:rwm\n      - source: /dev/kmsg\n', errors: [{ line: 5, column: 9, message: '/dev/sda' }, { line: 6, column: 9, message: '/dev/kmsg' }] },
  ],
});
