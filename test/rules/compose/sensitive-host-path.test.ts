import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/sensitive-host-path.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/etc/localtime:/etc/localtime:ro", "./conf:/etc/nginx:ro", "data:/etc"]\n' },
    { name: 'the socket is another rule', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    volumes:\n      - /:/host\n      - /proc:/host/proc:ro\n', errors: [{ line: 5, column: 9, severity: 'error', message: 'writable' }, { line: 6, column: 9, severity: 'warning' }] },
    { name: 'writable sub-path, long syntax', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: /etc/ssh\n        target: /ssh\n', errors: [{ line: 5, column: 9 }] },
  ],
});
