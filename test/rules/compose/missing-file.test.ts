import '../../helpers/compose-loader.js';
import { fileURLToPath } from 'node:url';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/missing-file.js';

const dir = fileURLToPath(new URL('../../../../test/fixtures/compose/project/', import.meta.url));

testRule(rule, {
  valid: [
    { options: { dir }, code: 'services:\n  app:\n    build: ./app\n    env_file: db.env\n' },
    { options: { dir }, code: 'services:\n  app:\n    env_file:\n      - path: nope.env\n        required: false\n' },
  ],
  invalid: [
    { options: { dir }, code: 'services:\n  app:\n    build:\n      context: ./app\n      dockerfile: Dockerfile.prod\n', errors: [{ line: 3, column: 5, message: 'does not exist' }] },
    { options: { dir }, code: 'services:\n  app:\n    env_file: nope.env\n', errors: [{ line: 3, column: 15, message: 'cannot be read' }] },
  ],
});
