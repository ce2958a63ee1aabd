import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/untrusted-registry.js';

const allowed = ['registry.example.com', '*.corp.example'];
testRule(rule, {
  valid: [
    { name: 'no option: nothing checked', code: 'FROM quay.io/x/y:1\n' },
    { code: 'FROM registry.example.com/base:1\n', options: { allowed } },
    { name: 'suffix pattern', code: 'FROM eu.corp.example/base:1\n', options: { allowed } },
    { name: 'stage and scratch', code: 'FROM registry.example.com/base:1 AS b\nFROM b\nFROM scratch\n', options: { allowed } },
    { name: 'Docker Hub allowed', code: 'FROM debian:12\nFROM docker.io/library/alpine:3.20\n', options: { allowed: ['docker.io'] } },
    { name: 'star', code: 'FROM quay.io/x/y:1\n', options: { allowed: ['*'] } },
    { name: 'prefix pattern', code: 'FROM ghcr.io/x/y:1\n', options: { allowed: ['ghcr*'] } },
  ],
  invalid: [
    { code: 'FROM quay.io/x/y:1\n', options: { allowed }, errors: [{ line: 1, column: 6, endColumn: 19, severity: 'error', message: 'pulls quay.io/x/y:1 from quay.io' }] },
    { name: 'Docker Hub', code: 'FROM debian:12\n', options: { allowed }, errors: [{ line: 1, message: 'from docker.io' }] },
    { name: 'COPY --from and RUN --mount', code: 'FROM registry.example.com/b:1\nCOPY --from=quay.io/x/y:1 /a /a\nRUN --mount=type=bind,from=ghcr.io/x/z:2,target=/m true\n', options: { allowed },
      errors: [{ line: 2, message: 'COPY --from pulls quay.io/x/y:1' }, { line: 3, message: 'RUN --mount pulls ghcr.io/x/z:2' }] },
  ],
});
