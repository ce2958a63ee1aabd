import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/root-step-after-user.js';

testRule(rule, {
  valid: [
    { name: 'installs before USER', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nRUN useradd -u 4242 svc\nUSER svc\nRUN mkdir -p /tmp/work\n' },
    { name: 'USER root in between', code: 'FROM debian:12-slim\nRUN useradd -u 4242 svc\nUSER svc\nRUN id\nUSER root\nRUN apt-get update && apt-get install -y tini\nUSER svc\n' },
    { name: 'USER 0 is root', code: 'FROM alpine:3.20\nRUN adduser -D -u 4242 svc\nUSER svc\nUSER 0:0\nRUN apk add --no-cache tini\n' },
    { name: 'sudo is left to dockerfile/sudo', code: 'FROM debian:12-slim\nUSER svc\nRUN sudo apt-get install -y tini\n' },
    { name: 'a caught failure', code: 'FROM debian:12-slim\nUSER svc\nRUN apt-get update || true\n' },
    { name: 'chown to oneself', code: 'FROM debian:12-slim\nUSER svc\nRUN chown svc:svc /tmp/x && chown -R :svc /tmp/y\n' },
    { name: 'a path handed over before', code: 'FROM debian:12-slim\nRUN mkdir -p /opt/app && chown svc /opt/app\nUSER svc\nRUN cp /tmp/a /opt/app/a && echo ok > /opt/app/state\n' },
    { name: 'COPY --chown destination is the user\'s', code: 'FROM debian:12-slim\nCOPY --chown=svc:svc conf /etc/svc\nUSER svc\nRUN touch /etc/svc/ready\n' },
    { name: 'writes in the home and /tmp', code: 'FROM debian:12-slim\nUSER svc\nRUN mkdir -p /home/svc/.cache /tmp/x && echo hi > /tmp/x/y && pip install --user flask\n' },
    { name: 'a builder stage\'s USER does not leak into an unrelated stage', code: 'FROM debian:12-slim AS b\nUSER svc\nFROM debian:12-slim\nRUN apt-get update\n' },
    { name: 'no USER: the base image\'s user is not judged', code: 'FROM node:22-slim\nRUN apt-get update\n' },
    { name: 'an unresolved USER is not judged', code: 'FROM debian:12-slim\nUSER ${WHO}\nRUN apt-get update\n' },
    { name: 'a user created with UID 0 is root', code: 'FROM debian:12-slim\nRUN useradd -o -u 0 -g 0 admin\nUSER admin\nRUN apt-get update\n' },
  ],
  invalid: [
    {
      name: 'package install after USER',
      code: 'FROM debian:12-slim\nRUN useradd -u 4242 svc\nUSER svc\nRUN apt-get update && apt-get install -y tini\n',
      errors: [{ line: 4, column: 5, endColumn: 12, message: 'changes the system\'s packages' }, { line: 4, column: 23 }],
      level: null,
    },
    { name: 'useradd after USER', code: 'FROM alpine:3.20\nUSER svc\nRUN adduser -D -u 5000 other\n', errors: [{ line: 3, column: 5, message: 'edits /etc/passwd' }] },
    { name: 'chown to another user', code: 'FROM alpine:3.20\nUSER svc\nRUN chown -R root:root /srv\n', errors: [{ line: 3, message: 'another user' }] },
    { name: 'a write under /usr and a redirect into /etc', code: 'FROM alpine:3.20\nUSER svc\nRUN cp tool /usr/local/bin/tool\nRUN echo "x" >> /etc/hosts\n', errors: [{ line: 3, message: '/usr/local/bin/tool' }, { line: 4, message: '/etc/hosts' }] },
    { name: 'USER inherited through FROM <stage>', code: 'FROM debian:12-slim AS base\nUSER 4242\nFROM base\nRUN apt-get install -y tini\n', errors: [{ line: 4, message: 'executes as "4242"' }] },
    { name: 'a later USER after root again', code: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER svc\nRUN microdnf install -y x\n', errors: [{ line: 5 }] },
  ],
});
