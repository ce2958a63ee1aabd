import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/healthcheck-multiple.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["true"]\n' },
    { code: 'FROM nginx:1.27 AS a\nHEALTHCHECK CMD ["true"]\nFROM a\nHEALTHCHECK CMD ["false"]\n', name: 'one per stage' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["true"]\nRUN echo\nHEALTHCHECK CMD ["false"]\n', errors: [{ line: 2, column: 1, message: 'line 4' }] },
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n', errors: [{ line: 2 }, { line: 3 }] },
  ],
});
