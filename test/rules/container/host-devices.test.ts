import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/host-devices.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [{ code: '{"hostConfig":{"devices":["/dev/sda","/dev/kmsg"]}}', errors: [{ field: 'HostConfig.Devices', imagePath: '/dev/kmsg' }, { field: 'HostConfig.Devices', imagePath: '/dev/sda', message: 'host device /dev/sda' }], level: 'nonroot' }],
});
