import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/privileged.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    privileged: false\n' },
    { name: 'override in the service beats the x- block', code: 'x-base: &base\n  privileged: true\nservices:\n  api:\n    <<: *base\n    image: nginx:1.27\n    privileged: false\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    privileged: true\n', errors: [{ line: 4, column: 5, message: 'runs privileged' }] },
    { name: 'from an x- anchor through a merge key: reported where it is written', code: 'x-base: &base\n  privileged: true\nservices:\n  api:\n    <<: *base\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] },
    { name: 'interpolated', code: 'services:\n  api:\n    image: nginx:1.27\n    privileged: ${PRIV:-true}\n', errors: [{ line: 4, column: 5 }] },
  ],
});
