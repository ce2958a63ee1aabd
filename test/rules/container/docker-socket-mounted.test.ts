import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/docker-socket-mounted.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"hostConfig":{"mounts":[{"type":"volume","source":"/var/lib/docker/volumes/x/_data","destination":"/data","readOnly":false}]}}' }],
  invalid: [
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/var/run/docker.sock","destination":"/var/run/docker.sock","readOnly":true}]}}', errors: [{ imagePath: '/var/run/docker.sock', field: 'Mounts', message: 'read-only does not help' }] },
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/run/containerd/containerd.sock","destination":"/c.sock","readOnly":false}]}}', errors: [{ imagePath: '/c.sock', field: 'Mounts', message: 'containerd.sock' }] },
  ],
});
