import '../../helpers/container-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/container/host-namespaces.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"hostConfig":{"networkMode":"container:db"}}', name: 'another container network' }],
  invalid: [
    { code: '{"hostConfig":{"networkMode":"host","pidMode":"host","ipcMode":"host"}}', errors: [{ line: 1, message: 'NetworkMode is host' }, { line: 1, message: 'PidMode is host' }, { line: 1, message: 'IpcMode is host' }] },
  ],
});
