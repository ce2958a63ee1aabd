import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/add-archive.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY rootfs.tar.gz /tmp/\n' },
    { code: 'FROM alpine:3.20\nADD https://example.com/x.tar.gz /tmp/\n', name: 'remote archives are not extracted' },
    { code: 'FROM alpine:3.20\nADD app.zip /tmp/\n', name: 'zip is not extracted' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n', errors: [{ line: 2, column: 5, severity: 'info', message: 'extracts the archive' }] },
    { code: 'FROM alpine:3.20\nADD data.xz /data/\n', errors: [{ line: 2, column: 5, message: 'if it is a compressed tar' }] },
    { code: 'FROM alpine:3.20\nARG BUNDLE=app-1.0.tgz\nADD ${BUNDLE} /opt/\n', errors: [{ line: 3, column: 5 }], name: 'ARG-resolved archive' },
  ],
});
