import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/expose-invalid.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 5353/udp 9000-9010 3868/sctp\n' },
    { code: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE ${PORT}\n', name: 'ARG-resolved port' },
    { code: 'FROM nginx:1.27\nEXPOSE $PORT\n', name: 'unresolved is skipped' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 65536\n', errors: [{ line: 2, column: 11, message: 'outside 1–65535' }] },
    { code: 'FROM nginx:1.27\nEXPOSE 8080:80\n', errors: [{ line: 2, column: 8, message: 'host port' }] },
    { code: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:80:80\n', errors: [{ line: 2, column: 8 }] },
    { code: 'FROM nginx:1.27\nEXPOSE 80/http\n', errors: [{ line: 2, column: 8, message: 'protocol "http"' }] },
    { code: 'FROM nginx:1.27\nEXPOSE 9010-9000\n', errors: [{ line: 2, column: 8, message: 'starts after' }] },
    { code: 'FROM nginx:1.27\nEXPOSE http\n', errors: [{ line: 2, column: 8, message: 'not a port' }] },
    { code: 'FROM nginx:1.27\nEXPOSE 53/UDP\n', errors: [{ line: 2, column: 8, severity: 'warning', message: 'lower case' }] },
    { code: 'FROM nginx:1.27\nARG PORT=70000\nEXPOSE $PORT\n', errors: [{ line: 3, column: 8, message: '$PORT (= 70000)' }], name: 'ARG-resolved invalid port' },
  ],
});
