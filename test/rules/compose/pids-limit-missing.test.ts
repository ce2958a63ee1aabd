import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/pids-limit-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    pids_limit: 100\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          pids: 50\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    pids_limit: -1\n', errors: [{ line: 4, column: 5, message: 'unlimited' }] },
  ],
});
