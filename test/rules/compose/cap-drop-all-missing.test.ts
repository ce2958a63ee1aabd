import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/cap-drop-all-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_drop: [ALL]\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_drop:\n      - CAP_ALL\n' },
    { name: 'from an x- block', code: 'x-caps: &caps\n  cap_drop: [ALL]\nservices:\n  api:\n    <<: *caps\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_drop: [NET_RAW]\n', errors: [{ line: 4, column: 5, message: 'not ALL' }] },
    { name: 'service overrides the x- block', code: 'x-caps: &caps\n  cap_drop: [ALL]\nservices:\n  api:\n    <<: *caps\n    image: nginx:1.27\n    cap_drop: [NET_RAW]\n', errors: [{ line: 7, column: 5 }] },
  ],
});
