// dockerfile/secret-in-run: verified shapes are errors, password options warnings or info.
import '../../helpers/dockerfile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/dockerfile/secret-in-run.js';
import { badChecksum, githubToken, pemKey } from '../../secrets/fakes.js';

const gh = githubToken(8);
const key = pemKey(9).trimEnd().replace(/\n/g, '\\n');

testRule(rule, {
  valid: [
    { name: 'a generated password from a command', code: 'FROM alpine:3.20\nRUN app-setup --password "$(pwgen -1s 32)"\n' },
  ],
  invalid: [
    { name: 'a verified GitHub token: error', code: `FROM alpine:3.20\nRUN git clone https://x-access-token:${gh}@github.com/o/r\n`, errors: [{ line: 2, severity: 'error', message: 'GitHub token' }] },
    { name: 'a made-up GitHub token (checksum wrong): info', code: `FROM alpine:3.20\nRUN echo ${badChecksum(gh)}\n`, errors: [{ line: 2, severity: 'info' }] },
    { name: 'a private key written by printf: error', code: `FROM alpine:3.20\nRUN printf '${key}' > /root/.ssh/id_rsa\n`, errors: [{ line: 2, severity: 'error', message: 'private key' }] },
    { name: 'a literal password option: warning', code: 'FROM mysql:8.4\nRUN mysql -u admin -pS3cretPassw0rd-x9 app\n', errors: [{ line: 2, severity: 'warning' }] },
    { name: 'a weak literal password option: info', code: 'FROM mysql:8.4\nRUN mysql -u admin -phunter2 app\n', errors: [{ line: 2, severity: 'info' }] },
  ],
});
