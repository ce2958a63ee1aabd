import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/read-only-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run --read-only=true nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run nginx:1.27\n", errors: [{ line: 1, column: 1 }] },
    { code: "docker run --read-only=false nginx:1.27\n", errors: [{ line: 1, column: 12 }] },
  ],
});
