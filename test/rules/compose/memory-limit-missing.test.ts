import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/memory-limit-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n' },
    { name: 'legacy key', code: 'services:\n  api:\n    image: nginx:1.27\n    mem_limit: 256m\n' },
    { name: 'from an x- block', code: 'x-lim: &lim\n  deploy:\n    resources:\n      limits: {memory: 128M}\nservices:\n  api:\n    <<: *lim\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3, message: 'no memory limit' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    mem_limit: -1\n', errors: [{ line: 4, column: 5, message: 'unlimited' }] },
  ],
});
