import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/user-uid-not-fixed.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nRUN useradd --uid 4242 -s /usr/sbin/nologin svc\nUSER svc\n', name: 'long --uid' },
    { code: 'FROM debian:12-slim\nRUN useradd -r -u4242 svc\nUSER svc\n', name: 'attached short -u' },
    { code: 'FROM debian:12-slim\nRUN useradd --uid=4242 svc\nUSER svc\n', name: '--uid=N' },
    { code: 'FROM alpine:3.20\nRUN adduser -S -D -u 4242 svc\nUSER svc\n', name: 'BusyBox adduser -u' },
    { code: 'FROM debian:12-slim\nRUN adduser --system --uid 4242 svc\nUSER svc\n', name: 'Debian adduser --uid' },
    { code: 'FROM debian:12-slim\nRUN useradd svc\nUSER 4242\n', name: 'numeric USER is fixed' },
    { code: 'FROM debian:12-slim\nARG APP_UID=4242\nRUN useradd svc\nUSER ${APP_UID}\n', name: 'USER from an ARG with a numeric default' },
    { code: 'FROM debian:12-slim\nARG APP_UID=4242\nRUN useradd -u "$APP_UID" svc\nUSER svc\n', name: 'uid from an ARG' },
    { code: 'FROM node:22-slim\nUSER node\n', name: 'a user of the base image is not judged' },
    { code: 'FROM debian:12-slim\nRUN useradd svc\nUSER root\n', name: 'root is another rule' },
    { code: 'FROM debian:12-slim AS build\nRUN useradd tmp\nUSER tmp\nFROM debian:12-slim\nRUN useradd -u 4242 svc\nUSER svc\n', name: 'build stage only' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN useradd --system --shell /usr/sbin/nologin svc\nUSER svc\n', errors: [{ line: 2, column: 5, message: 'without a UID' }] },
    { code: 'FROM alpine:3.20\nRUN addgroup -S svc && adduser -S -D -G svc svc\nUSER svc:svc\n', errors: [{ line: 2, message: 'adduser -u' }], name: 'BusyBox adduser without -u' },
    { code: 'FROM debian:12-slim AS base\nRUN useradd -m svc\nFROM base\nUSER svc\n', errors: [{ line: 2 }], name: 'created in the chain base stage' },
    { code: 'FROM debian:12-slim\nARG NAME=svc\nRUN useradd $NAME\nUSER ${NAME}\n', errors: [{ line: 3 }], name: 'name through an ARG' },
  ],
});
