import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/image-not-pinned.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
    { name: 'latest is image-latest\'s', code: 'services:\n  api:\n    image: nginx\n' },
  ],
  invalid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n', errors: [{ line: 3, column: 5, severity: 'info' }] }],
});
