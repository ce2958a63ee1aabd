import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/invalid-yaml.js';

const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .join('\n') + '\nservices: {}\n';

testRule(rule, {
  valid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n' }],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n   ports: ["80"]\n', errors: [{ line: 4, column: 1, message: 'same column' }] },
    { name: 'duplicate key', code: 'services:\n  api:\n    image: a\n    image: b\n', errors: [{ line: 4, column: 5 }] },
    { name: 'unknown alias', code: 'services:\n  api: *nothing\n', errors: [{ line: 2, column: 8 }] },
    { name: 'billion laughs', code: bomb, errors: [{ line: 1, column: 1, message: 'alias bomb' }] },
    { name: 'two documents', code: 'services: {}\n---\nservices: {}\n', errors: [{ line: 2, column: 1 }] },
  ],
});
