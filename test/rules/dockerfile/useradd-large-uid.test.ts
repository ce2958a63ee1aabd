import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/useradd-large-uid.js';

testRule(rule, {
  valid: [
    { name: 'no uid', code: 'FROM debian:12\nRUN useradd app\n' },
    { name: 'small uid', code: 'FROM debian:12\nRUN useradd -u 10001 app\n' },
    { name: '-l', code: 'FROM debian:12\nRUN useradd -l -u 1000000 app\n' },
    { name: '--no-log-init', code: 'FROM debian:12\nRUN useradd --no-log-init --uid 1000000 app\n' },
    { name: 'grouped -rl', code: 'FROM debian:12\nRUN useradd -rl -u 1000000 app\n' },
    { name: 'variable uid', code: 'FROM debian:12\nARG UID=1000000\nRUN useradd -u $UID app\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN useradd -u 123456 app\n', errors: [{ line: 2, column: 16, endColumn: 22, message: 'UID 123456 and without -l' }] },
    { name: '--uid=', code: 'FROM debian:12\nRUN useradd -r --uid=2000000 app\n', errors: [{ line: 2, message: 'UID 2000000' }] },
    { name: 'attached', code: 'FROM debian:12\nRUN useradd -u1000000 app\n', errors: [{ line: 2, message: 'UID 1000000' }] },
  ],
});
