import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/sensitive-host-mount.js';

testRule(rule, {
  valid: [
    { code: '{}' },
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/srv/data","destination":"/data","readOnly":false}]}}' },
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/var/run/docker.sock","destination":"/s","readOnly":false}]}}', name: 'socket left to its own rule' },
  ],
  invalid: [
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/etc","destination":"/host-etc","readOnly":false}]}}', errors: [{ imagePath: '/host-etc', field: 'Mounts', message: '/etc is mounted at /host-etc read-write', severity: 'error' }] },
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/","destination":"/host","readOnly":true}]}}', errors: [{ imagePath: '/host', field: 'Mounts', message: 'read-only', severity: 'warning' }] },
    { code: '{"hostConfig":{"mounts":[{"type":"bind","source":"/var/lib/docker/overlay2","destination":"/o","readOnly":false}]}}', errors: [{ imagePath: '/o', field: 'Mounts', message: '/var/lib/docker/overlay2' }] },
  ],
});
