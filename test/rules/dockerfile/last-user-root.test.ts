import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/last-user-root.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nUSER 10001\n' },
    { code: 'FROM alpine:3.20\nUSER app:root\n', name: 'root group with a non-root user is fine' },
    { code: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER app\n', name: 'root only for build steps' },
    { code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build ./...\nFROM alpine:3.20\nUSER 65532\n', name: 'root in a build stage only' },
    { code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD ["app"]\n', name: 'user inherited through FROM <stage>' },
    { code: 'ARG U=app\nFROM alpine:3.20\nARG U\nUSER ${U}\n', name: 'ARG resolving to a non-root user' },
    { code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n', name: 'nonroot base image' },
    { code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n', name: 'Windows non-admin user' },
    { code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\n', name: 'Nano Server defaults to ContainerUser' },
    { code: 'FROM alpine:3.20\nARG U=0\nUSER ${U}\n', buildArgs: { U: '10001' }, name: '--build-arg overrides a root default' },
    { code: 'FROM scratch\nCOPY manifests /manifests/\nLABEL operators.operatorframework.io.bundle.mediatype.v1=registry+v1\n', name: 'a scratch bundle of files: nothing runs' },
    { code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS binary\nCOPY --from=build /out/app /\n', name: 'a build output exported from scratch' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN echo hi\n', errors: [{ line: 1, column: 6, message: 'alpine:3.20 runs as root', severity: 'error' }] },
    { code: 'FROM docker.io/library/node:22-slim\nCMD ["node", "a.js"]\n', errors: [{ line: 1, severity: 'error' }], name: 'an official image written in full' },
    { code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', errors: [{ line: 1, message: 'scratch image has no user but root', severity: 'error' }], name: 'a scratch program runs as UID 0' },
    { code: 'FROM bats-jenkins\nRUN echo hi\n', errors: [{ line: 1, message: 'unless the base image bats-jenkins sets a user', severity: 'warning' }], name: 'a local image may set a user' },
    { code: 'FROM ghcr.io/acme/base:1.2 AS base\nFROM base AS production\nCMD ["app"]\n', errors: [{ line: 2, severity: 'warning' }], name: 'a vendor base through a stage chain' },
    { code: 'ARG IMAGE\nFROM ${IMAGE}\nCMD ["app"]\n', errors: [{ line: 2, severity: 'warning' }], name: 'a base image from a variable without a default' },
    {
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n',
      errors: [{ line: 1, column: 6, message: 'calls gosu, so the entrypoint may drop privileges' }],
      name: 'privilege drop in the entrypoint is still root at start',
    },
    { code: 'FROM alpine:3.20\nUSER app\nUSER root\n', errors: [{ line: 3, column: 6, message: 'USER root' }] },
    { code: 'FROM alpine:3.20\nUSER 0\n', errors: [{ line: 2, column: 6 }] },
    { code: 'FROM alpine:3.20\nUSER 0:0\n', errors: [{ line: 2, column: 6 }] },
    { code: 'FROM alpine:3.20\nUSER root:root\n', errors: [{ line: 2, column: 6 }] },
    { code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\n', errors: [{ line: 2, column: 6 }], name: 'Windows administrator' },
    { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\n', errors: [{ line: 1, column: 6, message: 'ContainerAdministrator' }], name: 'Server Core defaults to the administrator' },
    { code: 'FROM alpine:3.20\nARG U=root\nUSER ${U}\n', errors: [{ line: 3, column: 6, message: 'resolves to root' }], name: 'ARG default root' },
    { code: 'FROM alpine:3.20\nARG U=app\nUSER $U\n', buildArgs: { U: '0' }, errors: [{ line: 3, column: 6, message: 'resolves to 0' }], name: '--build-arg U=0' },
    { code: 'FROM alpine:3.20\nENV RUN_AS=root\nUSER $RUN_AS\n', errors: [{ line: 3 }], name: 'ENV-resolved root' },
    { code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["sh"]\n', errors: [{ line: 2, column: 6 }], name: 'root inherited through FROM <stage>' },
    { code: 'FROM alpine:3.20 AS build\nUSER app\nFROM alpine:3.20\nCOPY --from=build /x /x\n', errors: [{ line: 3, column: 6 }], name: 'USER only in a build stage' },
  ],
});
