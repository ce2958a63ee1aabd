import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/cpu-limit-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n' },
    { name: 'legacy key', code: 'services:\n  api:\n    image: nginx:1.27\n    cpus: 1.5\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cpus: 0\n', errors: [{ line: 4, column: 5 }] },
  ],
});
