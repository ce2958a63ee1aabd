import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/port-all-interfaces.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80", "[::1]:8443:443/tcp"]\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n' },
    { code: 'services:\n  api:\n    image: nginx:1.27\n    expose: ["80"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - 9000\n      - 0.0.0.0:53:53/udp\n', errors: [{ line: 5, column: 9, message: '8080->80' }, { line: 6, column: 9, message: 'random host port' }, { line: 7, column: 9 }] },
    { name: 'long syntax', code: 'services:\n  api:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n', errors: [{ line: 5, column: 9 }] },
    { name: 'port from .env', options: { env: { PORT: '8080' } }, code: 'services:\n  api:\n    image: nginx:1.27\n    ports: ["${PORT}:80"]\n', errors: [{ line: 4, column: 13, message: '8080->80' }] },
  ],
});
