import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/schema-violation.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n    x-note: anything\n' },
    { name: 'an unset variable is not a schema error too', code: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["${A}:80", "${B}:81"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read-only: true\n', errors: [{ line: 4, column: 5, message: 'not a compose key' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    cap_drop: ALL\n', errors: [{ line: 4, column: 5, message: 'must be array' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    restart: sometimes\n    ports:\n      - target: 80\n        published: 80\n        wrong: 1\n', errors: [{ line: 8, column: 9 }] },
  ],
});
