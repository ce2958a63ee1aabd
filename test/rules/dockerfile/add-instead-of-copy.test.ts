import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/add-instead-of-copy.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY app /app\n' },
    { code: 'FROM alpine:3.20\nADD rootfs.tar.xz /\n', name: 'archive (add-archive)' },
    { code: 'FROM alpine:3.20\nADD https://example.com/a.txt /a.txt\n', name: 'URL (add-url)' },
    { code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.15.0 /src\n', name: 'git (add-url)' },
    { code: 'FROM alpine:3.20\nARG PKG=bundle.tgz\nADD ${PKG} /opt/\n', name: 'ARG resolving to an archive' },
    { code: 'FROM alpine:3.20\nADD $UNKNOWN /opt/\n', name: 'unresolved source' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD app /app\n',
      errors: [{ line: 2, column: 1, endColumn: 4, message: 'use COPY' }],
      output: 'FROM alpine:3.20\nCOPY app /app\n',
    },
    {
      code: 'FROM alpine:3.20\nADD --chown=10001:10001 ["src dir", "conf.json", "/app/"]\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nCOPY --chown=10001:10001 ["src dir", "conf.json", "/app/"]\n',
      name: 'JSON form with flags',
    },
    {
      code: 'FROM alpine:3.20\nARG CONF=nginx.conf\nadd ${CONF} /etc/nginx/\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.20\nARG CONF=nginx.conf\ncopy ${CONF} /etc/nginx/\n',
      name: 'ARG-resolved local file, lower-case keyword',
    },
  ],
});
