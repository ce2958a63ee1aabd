import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/curl-and-wget.js';

testRule(rule, {
  valid: [
    { name: 'curl only', code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a\nRUN curl -fsSLO https://example.com/b\n' },
    { name: 'one tool per stage', code: 'FROM debian:12 AS a\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSLO https://example.com/b\n' },
    { name: 'names in arguments', code: 'FROM debian:12\nRUN apt-get install -y curl wget\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN wget -q https://example.com/a\nRUN curl -fsSLO https://example.com/b\n', errors: [{ line: 3, column: 5, endColumn: 9, message: 'curl here and wget at line 2' }] },
    { name: 'one RUN', code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a && wget -q https://example.com/b\n', errors: [{ line: 2, column: 42, message: 'wget here and curl at line 2' }] },
    { name: 'reported once per stage', code: 'FROM debian:12\nRUN wget -q x\nRUN curl -fO y\nRUN wget -q z\nRUN curl -fO w\n', errors: [{ line: 3 }] },
    { name: 'ONBUILD RUN', code: 'FROM debian:12\nRUN wget -q x\nONBUILD RUN curl -fO y\n', errors: [{ line: 3 }] },
  ],
});
