import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/privileged-host-port.js';

testRule(rule, {
  valid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80", "80"]\n' }],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:443:443"\n      - target: 80\n        published: 80\n', errors: [{ line: 5, column: 9, severity: 'info' }, { line: 6, column: 9 }] },
  ],
});
