import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/stage-name-reserved.js';

testRule(rule, {
  valid: [
    { code: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /x /x\n' },
    { name: 'a longer name', code: 'FROM debian:12 AS contexts\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.22 AS context\n', errors: [{ line: 1, column: 21, endColumn: 28, message: 'the build context' }] },
    { name: 'scratch, any case', code: 'FROM debian:12 as Scratch\n', errors: [{ line: 1, column: 19, message: 'the empty image' }] },
  ],
});
