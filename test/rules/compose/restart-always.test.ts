import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/restart-always.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    restart: on-failure:5\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: any\n        max_attempts: 5\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    restart: always\n', errors: [{ line: 4, column: 5, severity: 'info' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: any\n', errors: [{ line: 6, column: 9 }] },
  ],
});
