import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/expose-sensitive-port.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 443 2222\n' },
    { code: 'FROM nginx:1.27\nEXPOSE 23-21\n', name: 'reversed range is expose-invalid' },
    { code: 'FROM nginx:1.27\nARG P=8080\nEXPOSE $P\n', name: 'ARG-resolved harmless port' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nEXPOSE 8000 22\n', errors: [{ line: 2, column: 13, message: 'SSH', severity: 'warning' }] },
    { code: 'FROM docker:27-dind\nEXPOSE 2375/tcp\n', errors: [{ line: 2, column: 8, severity: 'error', message: 'without TLS' }] },
    { code: 'FROM debian:12-slim\nEXPOSE 2370-2380\n', errors: [{ line: 2, column: 8, message: '2375' }], name: 'range containing daemon ports' },
    { code: 'FROM debian:12-slim\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n', errors: [{ line: 3, column: 8, message: '(= 22)' }], name: 'ARG-resolved' },
  ],
});
