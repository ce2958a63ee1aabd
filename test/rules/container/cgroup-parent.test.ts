import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/cgroup-parent.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [{ code: '{"hostConfig":{"cgroupParent":"batch.slice"}}', errors: [{ field: 'HostConfig.CgroupParent', message: 'batch.slice' }], level: 'nonroot' }],
});
