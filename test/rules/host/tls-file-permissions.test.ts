import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/tls-file-permissions.js';

const file = (kind: string, mode: number, owner = 'root') => JSON.stringify({ tlsFiles: { ok: true, value: [{ path: '/etc/docker/f.pem', kind, uid: owner === 'root' ? 0 : 1000, gid: 0, owner, group: 'root', mode }] } });

testRule(rule, {
  valid: [{ code: '{}' }, { code: file('key', 0o400) }, { code: file('certificate', 0o444) }, { code: file('certificate', 0o644) }],
  invalid: [
    { code: file('key', 0o644), level: 'root', errors: [{ path: '/etc/docker/f.pem', message: 'mode 644 lets every user read' }] },
    { code: file('key', 0o640), errors: [{ path: '/etc/docker/f.pem', message: 'group root' }] },
    { code: file('certificate', 0o666), errors: [{ path: '/etc/docker/f.pem', message: 'lets others replace it' }] },
    { code: file('certificate', 0o444, 'alice'), errors: [{ path: '/etc/docker/f.pem', message: 'owned by alice' }] },
  ],
});
