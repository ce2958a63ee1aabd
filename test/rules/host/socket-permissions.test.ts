import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/socket-permissions.js';

const sock = (mode: number, owner = 'root', group = 'docker', role = 'docker') => JSON.stringify({ sockets: [{ path: '/s.sock', role, stat: { ok: true, value: { path: '/s.sock', uid: owner === 'root' ? 0 : 1000, gid: 1, owner, group, mode } } }] });

testRule(rule, {
  valid: [{ code: '{}' }, { code: sock(0o660) }, { code: sock(0o600, 'root', 'root', 'containerd') }],
  invalid: [
    { code: sock(0o666), level: 'root', errors: [{ path: '/s.sock', message: 'mode 666 lets every local user write to it' }] },
    { code: sock(0o660, 'alice'), errors: [{ path: '/s.sock', message: 'owned by alice, not root' }] },
    { code: sock(0o660, 'root', 'staff'), errors: [{ path: '/s.sock', message: 'group staff may use it' }] },
    { code: sock(0o660, 'root', 'docker', 'containerd'), errors: [{ path: '/s.sock', message: 'containerd socket' }] },
  ],
});
