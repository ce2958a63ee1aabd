import '../../helpers/compose-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/compose/cgroup-parent.js';

testRule(rule, {
  valid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n' }],
  invalid: [{ code: 'services:\n  api:\n    image: nginx:1.27\n    cgroup_parent: m-executor-abcd\n', errors: [{ line: 4, column: 5 }] }],
});
