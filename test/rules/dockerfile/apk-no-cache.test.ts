import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/apk-no-cache.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'global option before add', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'cache removed after', code: 'FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n' },
    { name: '--no-network fetches nothing', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $deps\n' },
    { name: 'cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'builder stage', code: 'FROM alpine:3.20 AS b\nRUN apk add gcc\nFROM scratch\nCOPY --from=b /x /x\n' },
  ],
  invalid: [
    {
      name: 'JSON form: on the string literals, --no-cache added as an element',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n',
      errors: [{ line: 2, column: 6, endColumn: 18 }],
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'heredoc with \\r\\n line ends: the word on its own line',
      code: 'FROM alpine:3.20\r\nRUN <<EOF\r\nset -e\r\napk add curl\r\nEOF\r\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 8 }],
      output: 'FROM alpine:3.20\r\nRUN <<EOF\r\nset -e\r\napk add --no-cache curl\r\nEOF\r\n',
    },
    {
      name: 'sudo-wrapped',
      code: 'FROM alpine:3.20\nRUN sudo apk add curl\n',
      errors: [{ line: 2, column: 10, endColumn: 17 }],
      output: 'FROM alpine:3.20\nRUN sudo apk add --no-cache curl\n',
    },
    {
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl\n',
      errors: [{ line: 2, column: 5, endColumn: 15, message: 'apk update' }, { line: 2, column: 19, endColumn: 26 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'apk update before a cached-free add, across a continuation',
      code: 'FROM alpine:3.20\nRUN apk update && \\\n    apk add --no-cache curl\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'apk update followed by something else: no fix',
      code: 'FROM alpine:3.20\nRUN apk update; apk add --no-cache curl\n', output: 'FROM alpine:3.20\nRUN apk update; apk add --no-cache curl\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'continuation, virtual package',
      code: 'FROM alpine:3.20\nRUN set -eux; \\\n    apk add --virtual .build-deps \\\n      gcc musl-dev\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM alpine:3.20\nRUN set -eux; \\\n    apk add --no-cache --virtual .build-deps \\\n      gcc musl-dev\n',
    },
    {
      name: 'rm before the add does not count; sudo',
      code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && sudo apk add curl\n',
      errors: [{ line: 2, column: 37 }],
      output: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && sudo apk add --no-cache curl\n',
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n',
    },
  ],
});
