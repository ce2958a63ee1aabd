import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/from-platform-constant.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\n' },
    { name: 'BUILDPLATFORM', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    { name: 'quoted TARGETPLATFORM', code: 'FROM --platform="${TARGETPLATFORM:-linux/amd64}" debian:12\n' },
    { name: 'another build argument', code: 'ARG PLATFORM=linux/arm64\nFROM --platform=$PLATFORM debian:12\n' },
  ],
  invalid: [
    { code: 'FROM --platform=linux/amd64 debian:12\n', errors: [{ line: 1, column: 6, endColumn: 28, message: 'FROM --platform=linux/amd64' }] },
    { name: 'second stage', code: 'FROM debian:12 AS a\nFROM --platform=linux/arm64/v8 alpine:3.20\n', errors: [{ line: 2, message: 'linux/arm64/v8' }] },
  ],
});
