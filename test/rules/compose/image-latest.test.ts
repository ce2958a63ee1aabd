import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/image-latest.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n' },
    { name: 'image names what build makes', code: 'services:\n  api:\n    build: .\n    image: myapp\n' },
    { code: 'services:\n  api:\n    image: registry.example.com:5000/team/app:2.1\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx\n', errors: [{ line: 3, column: 5, message: 'untagged' }] },
    { code: 'services:\n  api:\n    image: nginx:latest\n', errors: [{ line: 3, column: 5 }] },
    { name: 'unset tag variable with a latest default', code: 'services:\n  api:\n    image: nginx:${TAG:-latest}\n', errors: [{ line: 3, column: 5 }] },
  ],
});
