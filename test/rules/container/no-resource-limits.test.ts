import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/no-resource-limits.js';

testRule(rule, {
  valid: [{ code: '{}' }],
  invalid: [
    { code: '{"hostConfig":{"memory":0,"cpus":0,"pidsLimit":null}}', errors: [{ field: 'HostConfig', message: 'memory (HostConfig.Memory), CPU' }] },
    { code: '{"hostConfig":{"pidsLimit":-1}}', name: 'pids -1 is unlimited', errors: [{ field: 'HostConfig', message: 'no limit on process count' }] },
  ],
});
