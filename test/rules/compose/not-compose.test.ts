import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/not-compose.js';

testRule(rule, {
  valid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n' }, { code: 'name: demo\nvolumes: {}\n' }],
  invalid: [
    { code: 'apiVersion: v1\nkind: Pod\n', errors: [{ line: 1, column: 1, message: 'no "services"' }] },
    { code: '- a\n- b\n', errors: [{ line: 1, column: 1, message: 'not a mapping' }] },
    { code: '# only a comment\n', errors: [{ line: 1, column: 1 }] },
  ],
});
