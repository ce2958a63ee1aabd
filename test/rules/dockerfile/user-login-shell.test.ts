import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/user-login-shell.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nRUN useradd --uid 10001 --shell /usr/sbin/nologin app\nUSER app\n' },
    { code: 'FROM debian:12-slim\nRUN useradd -r -u 10001 -s /bin/false app\nUSER 10001\n', name: 'numeric USER matched by uid' },
    { code: 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n', name: 'BusyBox system account gets /bin/false' },
    { code: 'FROM debian:12-slim\nRUN adduser --system --group --uid 10001 app\nUSER app\n', name: 'Debian system account gets nologin' },
    { code: 'FROM debian:12-slim\nRUN useradd -m dev\nRUN useradd -s /sbin/nologin app\nUSER app\n', name: 'another user with a shell is not the runtime user' },
    { code: 'FROM debian:12-slim\nRUN useradd -m app\nRUN usermod -s /usr/sbin/nologin app\nUSER app\n', name: 'shell changed afterwards' },
    { code: 'FROM debian:12-slim\nRUN useradd -m app\nUSER root\n', name: 'root runtime user is another rule' },
    { code: 'FROM debian:12-slim\nARG SH=/usr/sbin/nologin\nRUN useradd -s "$SH" app\nUSER app\n', name: 'shell from a variable is not judged' },
    { code: 'FROM debian:12-slim AS build\nRUN useradd -m builder\nUSER builder\nFROM debian:12-slim\nRUN useradd -s /usr/sbin/nologin app\nUSER app\n', name: 'login user only in a build stage' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN useradd --uid 10001 --create-home app\nUSER app\n',
      errors: [{ line: 2, column: 5, message: 'useradd without --shell' }],
      output: 'FROM debian:12-slim\nRUN useradd --shell /usr/sbin/nologin --uid 10001 --create-home app\nUSER app\n',
    },
    {
      code: 'FROM alpine:3.20\nRUN addgroup -g 10001 app && \\\n    adduser -D -u 10001 -G app app\nUSER 10001\n',
      errors: [{ line: 3, column: 5, message: 'BusyBox adduser' }],
      output: 'FROM alpine:3.20\nRUN addgroup -g 10001 app && \\\n    adduser -s /sbin/nologin -D -u 10001 -G app app\nUSER 10001\n',
      name: 'BusyBox adduser -D copies root shell',
    },
    {
      code: 'FROM debian:12-slim\nRUN adduser --disabled-password --gecos "" app\nUSER app\n',
      errors: [{ line: 2, column: 5, message: '/bin/bash' }],
      output: 'FROM debian:12-slim\nRUN adduser --shell /usr/sbin/nologin --disabled-password --gecos "" app\nUSER app\n',
    },
    {
      code: 'FROM debian:12-slim\nRUN useradd -s /bin/bash app\nUSER app:app\n',
      errors: [{ line: 2, column: 5, message: '/bin/bash' }],
      output: 'FROM debian:12-slim\nRUN useradd -s /usr/sbin/nologin app\nUSER app:app\n',
    },
    { code: 'FROM debian:12-slim\nARG APP_USER=app\nRUN useradd -rs /bin/sh $APP_USER\nUSER ${APP_USER}\n', output: 'FROM debian:12-slim\nARG APP_USER=app\nRUN useradd -rs /usr/sbin/nologin $APP_USER\nUSER ${APP_USER}\n', errors: [{ line: 3, column: 5 }], name: 'ARG-resolved user name' },
    { code: 'FROM debian:12-slim AS base\nRUN useradd -u 1000 -s /bin/zsh app\nFROM base\nUSER 1000\n', output: 'FROM debian:12-slim AS base\nRUN useradd -u 1000 -s /usr/sbin/nologin app\nFROM base\nUSER 1000\n', errors: [{ line: 2, column: 5 }], name: 'user created in the base stage of the chain' },
    { code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\ngroupadd -r app\nuseradd -r -g app app\nEOF\nUSER app\n', output: 'FROM debian:12-slim\nRUN <<EOF\nset -e\ngroupadd -r app\nuseradd --shell /usr/sbin/nologin -r -g app app\nEOF\nUSER app\n', errors: [{ line: 5, column: 1 }], name: 'heredoc RUN' },
    { code: 'FROM debian:12-slim\nRUN useradd -s /usr/sbin/nologin app && usermod --shell /bin/bash app\nUSER app\n', output: 'FROM debian:12-slim\nRUN useradd -s /usr/sbin/nologin app && usermod --shell /usr/sbin/nologin app\nUSER app\n', errors: [{ line: 2, column: 41, message: 'usermod sets /bin/bash' }], name: 'shell changed to a login shell afterwards' },
  ],
});
