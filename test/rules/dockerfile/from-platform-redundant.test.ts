import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/from-platform-redundant.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\n' },
    { name: 'BUILDPLATFORM', code: 'FROM --platform=$BUILDPLATFORM alpine:3.20\n' },
    { name: 'another variable', code: 'ARG P\nFROM --platform=$P alpine:3.20\n' },
    { name: 'a constant (another rule)', code: 'FROM --platform=linux/arm64 alpine:3.20\n' },
  ],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', errors: [{ line: 1, column: 6, endColumn: 32, severity: 'info', message: 'drop the flag' }] },
    { name: 'braces', code: 'FROM --platform=${TARGETPLATFORM} alpine:3.20\n', errors: [{ line: 1, message: '${TARGETPLATFORM}' }] },
  ],
});
