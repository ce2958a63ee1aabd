import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/docker-socket-mounted.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    volumes: ["data:/data", "./app:/app:ro"]\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n', errors: [{ line: 5, column: 9, message: 'docker.sock' }] },
    { name: 'long syntax', code: 'services:\n  api:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /sock\n', errors: [{ line: 5, column: 9 }] },
  ],
});
