import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/tcp-without-tls.js';

testRule(rule, {
  valid: [
    { code: '{"hosts": ["unix:///var/run/docker.sock"]}' },
    { code: '{"hosts": ["fd://", "tcp://0.0.0.0:2376"], "tlsverify": true, "tlscacert": "/etc/docker/ca.pem", "tlscert": "/etc/docker/cert.pem", "tlskey": "/etc/docker/key.pem"}' },
  ],
  invalid: [
    { code: '{\n  "hosts": ["tcp://0.0.0.0:2375"]\n}\n', level: 'root', errors: [{ line: 2, column: 3, message: '2375 is the plain-text port' }] },
    { code: '{"hosts": ["tcp://10.0.0.1:2376"], "tls": true}', errors: [{ line: 1, message: 'without "tlsverify"' }] },
    { code: '{"hosts": ["tcp://0.0.0.0:2376"], "tlsverify": false}', errors: [{ line: 1, message: 'without "tlsverify"' }] },
    { code: '{\n  "hosts": ["tcp://0.0.0.0:2376"],\n  "tlsverify": true,\n  "tlscert": "/etc/docker/cert.pem"\n}\n', errors: [{ line: 3, message: 'tlscacert, tlskey are not set' }] },
  ],
});
