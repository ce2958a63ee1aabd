import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/storage-driver-deprecated.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"engine": {"ok": true, "value": {"storageDriver": "btrfs"}}}' }],
  invalid: [
    { code: '{"engine": {"ok": true, "value": {"storageDriver": "aufs"}}}', errors: [{ field: 'Info.Driver', message: 'aufs' }] },
    { code: '{"engine": {"ok": true, "value": {"storageDriver": "devicemapper"}}}', errors: [{ field: 'Info.Driver', message: 'deprecated' }] },
  ],
});
