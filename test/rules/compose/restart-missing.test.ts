import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/restart-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    restart: unless-stopped\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    restart: "no"\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n' },
  ],
  invalid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] }],
});
