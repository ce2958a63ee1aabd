import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/unsafe-sysctl.js';

testRule(rule, {
  valid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    sysctls:\n      net.core.somaxconn: 1024\n      net.ipv4.ip_forward: 0\n      kernel.shmmax: 1000000\n' },
  ],
  invalid: [
    { code: 'services:\n  api:\n    image: nginx:1.27\n    sysctls:\n      net.ipv4.ip_forward: 1\n      net.ipv4.conf.all.route_localnet: 1\n', errors: [{ line: 5, column: 7, message: 'router' }, { line: 6, column: 7 }] },
    { name: 'list form', code: 'services:\n  api:\n    image: nginx:1.27\n    sysctls:\n      - kernel.randomize_va_space=0\n', errors: [{ line: 5, column: 9 }] },
  ],
});
