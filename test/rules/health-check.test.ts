import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blindCurls, curlUrl, missingProgram, testParts } from '../../src/rules/health-check.js';

describe('health-check: the command of an image\'s Healthcheck.Test', () => {
  it('finds a curl without --fail in a CMD-SHELL check, with its URL and text', () => {
    const parts = blindCurls(testParts(['CMD-SHELL', 'curl -sS http://127.0.0.1:8000/health || exit 1']));
    assert.equal(parts.length, 1);
    const part = parts.at(0);
    assert.ok(part);
    assert.equal(part.text, 'curl -sS http://127.0.0.1:8000/health');
    assert.equal(curlUrl(part), 'http://127.0.0.1:8000/health');
  });
  it('finds one in an exec-form check and inside sh -c', () => {
    assert.equal(blindCurls(testParts(['CMD', 'curl', '-q', 'localhost:8000/'])).length, 1);
    const part = blindCurls(testParts(['CMD', 'curl', '-q', 'localhost:8000/'])).at(0);
    assert.ok(part);
    assert.equal(curlUrl(part), 'localhost:8000/');
    assert.equal(blindCurls(testParts(['CMD', 'sh', '-c', 'curl -s http://x/ && true'])).length, 1);
  });
  it('leaves curl --fail, a judged answer, wget and NONE alone', () => {
    assert.deepEqual(blindCurls(testParts(['CMD-SHELL', 'curl -fsS http://x/ || exit 1'])), []);
    assert.deepEqual(blindCurls(testParts(['CMD-SHELL', 'curl -s http://x/ | grep -q ok'])), []);
    assert.deepEqual(blindCurls(testParts(['CMD', 'wget', '-q', '-O-', 'http://x/'])), []);
    assert.deepEqual(testParts(['NONE']), []);
  });
});

describe('health-check: a logged run whose program is missing', () => {
  it('reads the engine\'s and the shells\' messages', () => {
    assert.equal(missingProgram({ exitCode: -1, output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown' }), 'curl');
    assert.equal(missingProgram({ exitCode: -1, output: 'exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown' }), '/bin/sh');
    assert.equal(missingProgram({ exitCode: 127, output: '/bin/sh: curl: not found' }), 'curl');
    assert.equal(missingProgram({ exitCode: 127, output: '/bin/sh: 1: curl: not found' }), 'curl');
    assert.equal(missingProgram({ exitCode: 127, output: 'bash: curl: command not found' }), 'curl');
    assert.equal(missingProgram({ exitCode: 127, output: 'bash: line 1: curl: command not found' }), 'curl');
    assert.equal(missingProgram({ exitCode: 1, output: '/bin/sh: curl: not found' }), 'curl', 'curl … || exit 1');
  });
  it('is null for a check that ran and failed', () => {
    assert.equal(missingProgram({ exitCode: 1, output: 'curl: (22) The requested URL returned error: 500' }), null);
    assert.equal(missingProgram({ exitCode: 1, output: 'GET /health: not found' }), null, 'the check\'s own output saying not found');
    assert.equal(missingProgram({ exitCode: 0, output: '' }), null);
  });
});
