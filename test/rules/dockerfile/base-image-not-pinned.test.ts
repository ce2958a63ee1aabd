import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/base-image-not-pinned.js';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

testRule(rule, {
  valid: [
    { code: `FROM node:22-bookworm-slim@${DIGEST}\n` },
    { code: `FROM node@${DIGEST} AS base\nFROM base\n`, name: 'stage reference' },
    { code: 'FROM scratch\n' },
    { code: `ARG BASE=node:22@${DIGEST}\nFROM \${BASE}\n`, name: 'digest from an ARG default' },
    { code: 'ARG BASE\nFROM ${BASE}\n', name: 'unresolved' },
    { code: `FROM scratch\nCOPY --from=busybox:1.36@${DIGEST} /bin/busybox /bin/\n`, name: 'COPY --from a pinned image' },
  ],
  invalid: [
    { code: 'FROM node:22-bookworm-slim\n', errors: [{ line: 1, column: 6, severity: 'info' }] },
    { code: 'ARG BASE=node:22\nFROM ${BASE}\n', errors: [{ line: 2, column: 6, message: 'node:22' }], name: 'ARG-resolved' },
    { code: `ARG BASE=node:22@${DIGEST}\nFROM \${BASE}\n`, buildArgs: { BASE: 'node:23' }, errors: [{ line: 2, column: 6, message: 'node:23' }], name: '--build-arg replaces the pinned default' },
    { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\n', errors: [{ line: 1, column: 6 }, { line: 2, column: 6 }] },
    { code: 'FROM scratch\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n', errors: [{ line: 2, column: 6, message: 'Image named by COPY --from busybox:1.36' }], name: 'COPY --from an image by tag' },
  ],
});
