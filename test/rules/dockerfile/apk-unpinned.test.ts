import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/apk-unpinned.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2 jq~1.7\n' },
    { name: 'virtual name and repository are not packages', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing gcc=13.2.1_git20240309-r0\n' },
    { name: 'local file', code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted ./pkg.apk\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl jq=1.7.1-r0\n', errors: [{ line: 2, column: 24, endColumn: 28, message: 'curl', severity: 'info' }] },
    { name: 'continuation', code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    -t .deps \\\n    gcc\n', errors: [{ line: 4, column: 5 }] },
    { name: 'heredoc, sudo', code: 'FROM alpine:3.20\nRUN <<EOF\nsudo apk add --no-cache tini=0.19.0-r3 bash\nEOF\n', errors: [{ line: 3, column: 40, message: 'bash' }] },
  ],
});
