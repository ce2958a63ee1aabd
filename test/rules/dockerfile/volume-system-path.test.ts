import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/volume-system-path.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nVOLUME /var/lib/app\n' },
    { code: 'FROM alpine:3.20\nVOLUME ["/srv/data", "/var/log/app"]\n', name: 'JSON form with data directories' },
    { code: 'FROM alpine:3.20\nVOLUME /devdata /processed\n', name: 'prefixes are not the kernel paths' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nVOLUME /srv /proc\n', errors: [{ line: 2, column: 13, message: 'kernel interface /proc' }] },
    { code: 'FROM alpine:3.20\nVOLUME ["/sys/"]\n', errors: [{ line: 2, message: '/sys' }], name: 'JSON form, trailing slash' },
    { code: 'FROM alpine:3.20\nVOLUME /\n', errors: [{ line: 2, message: 'root file system' }], name: 'the root directory' },
    { code: 'FROM alpine:3.20\nARG D=/dev\nVOLUME $D\n', errors: [{ line: 3 }], name: 'through an ARG' },
  ],
});
