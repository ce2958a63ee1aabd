import '../../helpers/context-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/context/dockerignore-invalid.js';

testRule(rule, {
  valid: [
    { name: 'escaped bracket and closed classes', code: 'FROM alpine\nCOPY . /\n=== .dockerignore\nlogs/\\[old\n*.[ch]\n!keep.c\n' },
    { name: 'no ignore file', code: 'FROM alpine\nCOPY a /a\n=== a\n1\n' },
  ],
  invalid: [
    { name: 'unclosed class', code: 'FROM alpine\nCOPY . /\n=== .dockerignore\n.git\nlogs/[abc\n', errors: [{ path: '.dockerignore', line: 2, column: 1, endColumn: 10, message: 'unclosed character class' }] },
    { name: 'lone !', code: 'FROM alpine\nCOPY . /\n=== .dockerignore\n!\n', errors: [{ path: '.dockerignore', line: 1, message: 'illegal exclusion pattern' }] },
    { name: 'trailing backslash', code: 'FROM alpine\nCOPY . /\n=== .dockerignore\nfoo\\\n', errors: [{ path: '.dockerignore', line: 1, message: 'trailing backslash' }] },
  ],
});
