import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/duplicate-stage-name.js';

testRule(rule, {
  valid: [
    { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20 AS runtime\n' },
    { code: 'FROM node AS node\nFROM node AS web\n', name: 'image named like a stage' },
  ],
  invalid: [
    { code: 'FROM golang:1.23 AS build\nFROM node:22 AS build\n', errors: [{ line: 2, column: 17, endColumn: 22, message: 'line 1' }] },
    { code: 'FROM golang:1.23 AS Build\nRUN true\nFROM node:22 as BUILD\n', errors: [{ line: 3, column: 17 }], name: 'case-insensitive' },
  ],
});
