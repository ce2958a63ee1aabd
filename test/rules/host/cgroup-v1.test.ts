import '../../helpers/host-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/host/cgroup-v1.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [{ code: '{"engine": {"ok": true, "value": {"cgroupVersion": "1"}}}', errors: [{ field: 'Info.CgroupVersion', message: 'cgroup v1' }] }],
});
