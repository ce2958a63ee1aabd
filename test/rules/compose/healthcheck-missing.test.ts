import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/healthcheck-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      test: curl -f http://localhost/ || exit 1\n' },
    { name: 'disabled is another rule', code: 'services:\n  api:\n    image: nginx:1.27\n    healthcheck:\n      disable: true\n' },
    { name: 'from an x- block', code: 'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  api:\n    <<: *hc\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3, message: 'no healthcheck' }] },
  ],
});
