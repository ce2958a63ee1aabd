import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/cap-drop-all-missing.js';

testRule(rule, {
  valid: [
    { code: "docker run --cap-drop all nginx:1.27\n" },
  ],
  invalid: [
    { code: "docker run nginx:1.27\n", errors: [{ line: 1, column: 1 }] },
    { code: "docker run --cap-drop NET_RAW nginx:1.27\n", errors: [{ line: 1, column: 12, message: "not ALL" }] },
  ],
});
