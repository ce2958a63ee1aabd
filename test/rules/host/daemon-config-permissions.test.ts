import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/daemon-config-permissions.js';

const cfg = (mode: number, owner = 'root') => JSON.stringify({ daemonConfig: { path: '/etc/docker/daemon.json', state: 'read', stat: { path: '/etc/docker/daemon.json', uid: owner === 'root' ? 0 : 1000, gid: 0, owner, group: 'root', mode } } });

testRule(rule, {
  valid: [{ code: '{}' }, { code: cfg(0o600) }, { name: 'no file', code: '{"daemonConfig": {"path": "/etc/docker/daemon.json", "state": "absent", "stat": null}}' }],
  invalid: [
    { code: cfg(0o666), errors: [{ path: '/etc/docker/daemon.json', message: 'every user change it' }] },
    { code: cfg(0o644, 'alice'), errors: [{ path: '/etc/docker/daemon.json', message: 'owned by alice' }] },
  ],
});
