import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/user-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    user: "101:101"\n' },
    { name: 'root is judged by user-root, not here', code: 'services:\n  api:\n    image: nginx:1.27\n    user: root\n' },
    { name: 'user from an x- block', code: 'x-sec: &sec\n  user: "1000"\nservices:\n  api:\n    <<: *sec\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3, message: 'has no user' }] },
    { name: 'two services, each on its key line', code: 'services:\n  api:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n', errors: [{ line: 2, column: 3 }, { line: 4, column: 3 }] },
  ],
});
