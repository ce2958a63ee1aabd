import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/build-tools-in-final.js';

testRule(rule, {
  valid: [
    { name: 'multi-stage', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc make\nFROM debian:12-slim\nCOPY --from=build /out /out\n' },
    { name: 'apk virtual deleted', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install x \\\n && apk del .build-deps\n' },
    { name: 'apt purge auto-remove with variable', code: 'FROM debian:12\nRUN deps="gcc libpq-dev" && apt-get install -y $deps curl && make && apt-get purge -y --auto-remove $deps\n' },
    { name: 'runtime packages', code: 'FROM debian:12\nRUN apt-get install -y curl ca-certificates libpq5\n' },
    { name: 'SDK image in a builder stage', code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev curl\n',
      errors: [{ line: 2, column: 66, endColumn: 69, message: 'gcc, libpq-dev' }],
    },
    { name: 'SDK image as the final stage', code: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n', errors: [{ line: 1, column: 1, message: 'golang' }] },
    { name: 'removed in a later RUN does not count', code: 'FROM alpine:3.20\nRUN apk add --no-cache build-base\nRUN apk del build-base\n', errors: [{ line: 2, column: 24 }] },
    { name: 'dnf devel and git, continuation', code: 'FROM rockylinux:9\nRUN dnf install -y \\\n      git \\\n      openssl-devel-3.0.7\n', errors: [{ line: 3, column: 7, message: 'git, openssl-devel' }] },
    { name: 'heredoc, sudo', code: 'FROM debian:12\nRUN <<EOF\nsudo apt-get install -y build-essential\nEOF\n', errors: [{ line: 3, column: 25 }] },
  ],
});
