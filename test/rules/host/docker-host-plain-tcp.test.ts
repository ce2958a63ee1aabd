import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/docker-host-plain-tcp.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"env": {"dockerHost": "unix:///run/user/1000/docker.sock"}}' }, { code: '{"env": {"dockerHost": "tcp://h:2376", "tlsVerify": "1"}}' }],
  invalid: [
    { code: '{"env": {"dockerHost": "tcp://10.0.0.5:2375"}}', level: 'root', errors: [{ field: 'DOCKER_HOST', message: '2375 is the plain-text port' }] },
    { code: '{"env": {"dockerHost": "tcp://h:2376", "tlsVerify": "0"}}', errors: [{ field: 'DOCKER_HOST', message: 'without DOCKER_TLS_VERIFY' }] },
  ],
});
