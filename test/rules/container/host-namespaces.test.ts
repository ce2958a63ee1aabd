import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/host-namespaces.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"hostConfig":{"networkMode":"container:db"}}', name: 'another container network' }],
  invalid: [
    { code: '{"hostConfig":{"networkMode":"host","pidMode":"host","ipcMode":"host"}}', errors: [{ field: 'HostConfig.IpcMode', message: 'IpcMode is host' }, { field: 'HostConfig.NetworkMode', message: 'NetworkMode is host' }, { field: 'HostConfig.PidMode', message: 'PidMode is host' }] },
  ],
});
