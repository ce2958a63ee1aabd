import { testEngineRule } from './engine-rule-tester.js';

testEngineRule('tightship/parse-error', {
  valid: [
    { code: 'FROM alpine:3.20\nRUN <<EOF\necho ok\nEOF\nUSER 1\n' },
    { code: 'FROM alpine:3.20\nCMD ["sh", "-c", "echo ok"]\n' },
  ],
  invalid: [
    { name: 'unterminated heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n', errors: [{ line: 2 }] },
    { name: 'unknown instruction', code: 'FROM alpine:3.20\nFROBNICATE now\n', errors: [{ line: 2, column: 1 }] },
  ],
});
