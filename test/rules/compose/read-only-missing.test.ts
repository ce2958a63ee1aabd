import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/read-only-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n' },
    { name: 'from an x- block', code: 'x-hard: &hard\n  read_only: true\nservices:\n  api:\n    <<: *hard\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3, message: 'writable root filesystem' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: false\n', errors: [{ line: 4, column: 5 }] },
    { name: 'service overrides the x- block', code: 'x-hard: &hard\n  read_only: true\nservices:\n  api:\n    <<: *hard\n    image: nginx:1.27\n    read_only: false\n', errors: [{ line: 7, column: 5 }] },
  ],
});
