import '../../helpers/compose-loader.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testRule, lintSnippet } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/interpolation.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:${TAG:-1.27}\n    command: ["sh", "-c", "echo $$HOME"]\n' },
    { code: 'services:\n  api:\n    image: nginx:${TAG-1.27}\n    environment:\n      A: ${B:+set}\n' },
    { options: { env: { TAG: '1.27' } }, code: 'services:\n  api:\n    image: nginx:${TAG:?set TAG}\n' },
    // compose keeps a "$" that starts no variable as written: shell code in a command works as is
    { name: 'a command substitution stays literal', code: 'services:\n  job:\n    image: busybox:1.36\n    command: sh -c "for i in $(seq 3); do echo $$i; done"\n' },
    { name: 'a dollar before a space, a digit or the end stays literal', code: 'services:\n  api:\n    command: echo $ 5 $1 costs 5$\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:${TAG}\n', errors: [{ line: 3, column: 12, severity: 'warning', message: 'TAG is not set' }] },
    { code: 'services:\n  api:\n    image: nginx:${TAG:?set the tag}\n', errors: [{ line: 3, column: 12, severity: 'error', message: 'set the tag' }] },
    { options: { env: { TAG: '' } }, code: 'services:\n  api:\n    image: nginx:${TAG:?}\n', errors: [{ line: 3, column: 12, message: 'is empty' }] },
    { name: 'a dollar before "${" with no name is still an error', code: 'services:\n  api:\n    command: echo ${ HOME}\n', errors: [{ line: 3, column: 14, severity: 'error', message: 'does not start with a variable name' }] },
    { name: 'nested default', code: 'services:\n  api:\n    image: nginx:${TAG:-${FALLBACK}}\n', errors: [{ line: 3, column: 12, message: 'FALLBACK' }] },
  ],
});

it('compose/interpolation names variables, never values', async () => {
  const findings = await lintSnippet(rule, { options: { env: { DB_PASSWORD: '' } }, code: 'services:\n  api:\n    environment:\n      X: ${DB_PASSWORD:?needs a password}\n' });
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /DB_PASSWORD is empty/);
});
