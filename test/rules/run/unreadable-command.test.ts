import '../../helpers/run-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/run/unreadable-command.js';

testRule(rule, {
  valid: [
    { code: "docker run --rm alpine:3.20 true\n" },
  ],
  invalid: [
    { code: "docker run --rm alpine:3.20 sh -c \"echo\n", errors: [{ line: 1, column: 35, message: "unclosed double quote" }] },
    { code: "docker run --rm alpine:3.20 sh <<EOF\necho hi\n", errors: [{ line: 1, message: "heredoc" }] },
  ],
});
