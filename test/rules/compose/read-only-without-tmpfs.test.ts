import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/read-only-without-tmpfs.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: /tmp\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n    volumes: ["cache:/var/cache/nginx"]\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n', errors: [{ line: 4, column: 5, severity: 'info' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    read_only: true\n    volumes: ["./conf:/etc/nginx:ro"]\n', errors: [{ line: 4, column: 5 }] },
  ],
});
