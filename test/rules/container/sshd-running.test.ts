import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/sshd-running.js';

testRule(rule, {
  valid: [
    { code: '{}' },
    { name: 'a process that only mentions ssh', code: '{"processes":{"ok":true,"method":"inspect","value":["node ssh-client.js","/usr/bin/ssh-agent"]}}' },
  ],
  invalid: [
    { name: 'sshd from an entrypoint', code: '{"processes":{"ok":true,"method":"inspect","value":["/bin/sh /entrypoint.sh","sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups","node a.js"]}}', errors: [{ field: 'processes', message: 'sshd: /usr/sbin/sshd -D' }], level: 'nonroot' },
    { name: 'dropbear', code: '{"processes":{"ok":true,"method":"inspect","value":["/usr/sbin/dropbear -F"]}}', errors: [{ field: 'processes' }] },
    { name: 'not measured is not a pass', code: '{"processes":{"ok":false,"reason":"top failed"}}', errors: [{ field: 'probe', severity: 'warning', message: 'could not verify' }] },
  ],
});
