import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/ports-all-interfaces.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"hostConfig":{"ports":[{"containerPort":"8000/tcp","hostIp":"127.0.0.1","hostPort":"8000"}]}}' }],
  invalid: [
    { code: '{"hostConfig":{"ports":[{"containerPort":"8000/tcp","hostIp":"0.0.0.0","hostPort":"8000"},{"containerPort":"8000/tcp","hostIp":"::","hostPort":"8000"}]}}', errors: [{ field: 'NetworkSettings.Ports.8000/tcp', message: '0.0.0.0:8000' }, { field: 'NetworkSettings.Ports.8000/tcp', message: ':::8000' }] },
  ],
});
