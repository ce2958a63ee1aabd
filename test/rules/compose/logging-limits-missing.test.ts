import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/logging-limits-missing.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    logging:\n      driver: journald\n' },
    { name: 'shared x- block, the usual way', code: 'x-logging: &default-logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  api:\n    image: nginx:1.27\n    logging: *default-logging\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 2, column: 3 }] },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n', errors: [{ line: 4, column: 5, message: 'max-size' }] },
  ],
});
