import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/from-later-stage.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim AS base\nFROM base\n' },
    { code: 'FROM node AS node\nFROM node\n', name: 'image named like its own stage' },
    { code: 'FROM app:1.0\nFROM alpine:3.20 AS app\n', name: 'tagged image' },
  ],
  invalid: [
    { code: 'FROM base\nFROM debian:12-slim AS base\n', errors: [{ line: 1, column: 6, message: 'line 2' }] },
    { code: 'ARG B=base\nFROM ${B}\nFROM debian:12-slim AS base\n', errors: [{ line: 2, column: 6 }], name: 'ARG-resolved' },
  ],
});
