import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/healthcheck-disabled.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost/"]\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      disable: false\n      test: ["CMD", "true"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      disable: true\n', errors: [{ line: 5, column: 7 }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      test: ["NONE"]\n', errors: [{ line: 5, column: 7 }] },
  ],
});
