import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/base-image-latest.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22-bookworm-slim\n' },
    { code: 'FROM scratch\nCOPY app /app\n', name: 'scratch' },
    { code: 'FROM golang:1.23 AS build\nFROM build\n', name: 'stage name' },
    { code: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', name: 'digest pins latest' },
    { code: 'ARG BASE=node:22\nFROM ${BASE}\n', name: 'ARG default with a tag' },
    { code: 'FROM ${BASE}\n', name: 'unresolved variable is skipped' },
    { code: 'FROM registry.example.com:5000/team/app:1.4\n', name: 'registry port is not a tag' },
    { code: 'FROM alpine:3.20\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n', name: 'COPY --from a tagged image' },
    { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out\n', name: 'COPY --from a stage' },
  ],
  invalid: [
    { code: 'FROM node\n', errors: [{ line: 1, column: 6, endColumn: 10, message: 'has no tag' }] },
    { code: 'FROM --platform=linux/amd64 node:latest AS app\n', errors: [{ line: 1, column: 29, message: ':latest' }] },
    { code: 'FROM registry.example.com:5000/team/app\n', errors: [{ line: 1, column: 6, message: 'has no tag' }], name: 'registry port, no tag' },
    { code: 'ARG BASE=python\nFROM ${BASE}\n', errors: [{ line: 2, column: 6, message: 'resolves to python' }], name: 'ARG default without a tag' },
    { code: 'ARG BASE=python:3.12\nFROM $BASE\n', buildArgs: { BASE: 'python:latest' }, errors: [{ line: 2, column: 6 }], name: '--build-arg to latest' },
    { code: 'FROM golang:latest AS build\nFROM alpine:3.20\nCOPY --from=build /out /out\n', errors: [{ line: 1, column: 6 }], name: 'build stage counts too' },
    { code: 'FROM alpine:3.20\nCOPY --from=nginx:latest /etc/nginx /etc/nginx\n', errors: [{ line: 2, column: 6, message: 'copied from by COPY --from' }], name: 'COPY --from an image at latest' },
    { code: 'FROM alpine:3.20\nARG TOOLS=ghcr.io/org/tools\nRUN --mount=type=bind,from=${TOOLS},target=/t /t/run\n', errors: [{ line: 3, column: 5, message: 'ghcr.io/org/tools has no tag' }], name: 'RUN --mount from an ARG-resolved untagged image' },
  ],
});
