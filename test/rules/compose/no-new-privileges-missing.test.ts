import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/no-new-privileges-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:true"]\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges\n' },
    { name: 'from an x- block', code: 'x-sec: &sec\n  security_opt: ["no-new-privileges=true"]\nservices:\n  api:\n    <<: *sec\n    image: nginx:1.27\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:false"]\n', errors: [{ line: 4, column: 20, message: 'turns no-new-privileges off' }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    security_opt: ["label:type:svirt_apache_t"]\n', errors: [{ line: 4, column: 5 }] },
  ],
});
