import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/healthcheck-none.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\n' },
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\n', name: 'overridden by a later check' },
    { code: 'FROM nginx:1.27 AS test\nHEALTHCHECK NONE\nFROM nginx:1.27\nHEALTHCHECK CMD ["true"]\n', name: 'NONE only in another stage' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', errors: [{ line: 2, column: 13 }] },
    { code: 'FROM nginx:1.27 AS base\nHEALTHCHECK none\nFROM base\nCMD ["nginx"]\n', errors: [{ line: 2, column: 13 }], name: 'inherited NONE' },
  ],
});
