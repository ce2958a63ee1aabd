import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/user-root.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    user: "101:101"\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    user: ${APP_UID:-1000}\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    user: root\n', errors: [{ line: 4, column: 5, message: 'runs as root' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    user: "0:0"\n', errors: [{ line: 4, column: 5 }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    user: 0\n', errors: [{ line: 4, column: 5 }] },
    { name: 'an unset variable makes the user empty: root', code: 'services:\n  api:\n    image: nginx:1.27\n    user: ${APP_UID}\n', errors: [{ line: 4, column: 5, message: 'empty user' }] },
    { name: 'value from .env', options: { env: { APP_UID: '0' } }, code: 'services:\n  api:\n    image: nginx:1.27\n    user: ${APP_UID}\n', errors: [{ line: 4, column: 5 }] },
  ],
});
