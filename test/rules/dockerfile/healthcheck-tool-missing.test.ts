import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/healthcheck-tool-missing.js';

testRule(rule, {
  valid: [
    { name: 'the runtime probes itself', code: 'FROM node:22-slim\nHEALTHCHECK CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/\').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]\n' },
    { name: 'curl installed in the final stage', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -fsS http://127.0.0.1:8000/ || exit 1\n' },
    { name: 'the full image has curl', code: 'FROM python:3.12\nHEALTHCHECK CMD curl -f http://127.0.0.1:8000/ || exit 1\n' },
    { name: 'BusyBox wget on Alpine', code: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1\n' },
    { name: 'an image this rule does not know', code: 'FROM ghcr.io/acme/runtime:1\nHEALTHCHECK CMD curl -f http://127.0.0.1/\n' },
    { name: 'exec form in distroless', code: 'FROM gcr.io/distroless/static-debian12\nCOPY probe /probe\nHEALTHCHECK CMD ["/probe"]\n' },
    { name: 'curl copied into the image', code: 'FROM gcr.io/distroless/base-debian12\nCOPY --from=tools /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD ["/usr/bin/curl", "-f", "http://127.0.0.1/"]\n' },
  ],
  invalid: [
    { name: 'curl on python slim', code: 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD curl -f http://127.0.0.1:8000/health || exit 1\n', errors: [{ line: 2, column: 32, endColumn: 36, message: 'python:3.12-slim' }], level: 'nonroot' },
    { name: 'curl on Alpine', code: 'FROM node:22-alpine\nHEALTHCHECK CMD ["curl", "-f", "http://127.0.0.1:3000/"]\n', errors: [{ line: 2, message: 'calls curl' }] },
    { name: 'wget on debian slim, through a chain', code: 'FROM debian:12-slim AS base\nFROM base\nHEALTHCHECK CMD wget -qO- http://127.0.0.1/\n', errors: [{ line: 3, message: 'calls wget' }] },
    { name: 'shell form in distroless', code: 'FROM gcr.io/distroless/nodejs22-debian12\nHEALTHCHECK CMD node /app/probe.js\n', errors: [{ line: 2, column: 1, message: 'no /bin/sh' }] },
    { name: 'curl in scratch, installed only in a build stage', code: 'FROM alpine:3.20 AS b\nRUN apk add --no-cache curl\nFROM scratch\nCOPY --from=b /app /app\nHEALTHCHECK CMD ["curl", "-f", "http://127.0.0.1/"]\n', errors: [{ line: 5, message: 'scratch' }] },
  ],
});
