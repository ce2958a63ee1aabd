import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/rootfs-writable.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [
    { code: '{"hostConfig":{"readonlyRootfs":false},"rootfsWritable":{"ok":true,"method":"sh","value":true}}', errors: [{ field: 'HostConfig.ReadonlyRootfs', message: 'can create files in /' }] },
    { code: '{"hostConfig":{"readonlyRootfs":false},"rootfsWritable":{"ok":true,"method":"sh","value":false}}', name: 'non-root user on a writable rootfs', errors: [{ field: 'HostConfig.ReadonlyRootfs', message: 'ReadonlyRootfs is false' }] },
    { code: '{"rootfsWritable":{"ok":false,"reason":"no shell and no node"}}', name: 'read-only flag set but not measured', errors: [{ field: 'probe', message: 'could not verify', severity: 'warning' }] },
  ],
});
