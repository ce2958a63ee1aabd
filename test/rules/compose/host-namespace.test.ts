import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/host-namespace.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    network_mode: "service:proxy"\n    pid: "service:proxy"\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    network_mode: host\n    pid: host\n    ipc: host\n    uts: host\n    userns_mode: host\n', errors: [{ line: 4, column: 5, message: 'network' }, { line: 5, column: 5 }, { line: 6, column: 5 }, { line: 7, column: 5 }, { line: 8, column: 5 }] },
  ],
});
