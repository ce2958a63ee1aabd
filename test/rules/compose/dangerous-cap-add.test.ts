import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/dangerous-cap-add.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_add: [NET_BIND_SERVICE]\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n      - SYS_ADMIN\n', errors: [{ line: 6, column: 9, severity: 'error', message: 'SYS_ADMIN' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_add: [CAP_NET_ADMIN, ALL]\n', errors: [{ line: 4, column: 15, severity: 'warning' }, { line: 4, column: 30, severity: 'error' }] },
  ],
});
