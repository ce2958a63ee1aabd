import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/docker-group-members.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [{ code: '{"socketGroup": {"ok": true, "value": {"name": "docker", "gid": 105, "members": ["alice", "ci"], "line": 40, "file": "/etc/group"}}}', errors: [{ path: '/etc/group', line: 40, message: '2 user(s) in group docker, which owns the Docker socket, are root-equivalent on this host: alice, ci' }] }],
});
