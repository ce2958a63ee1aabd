import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/buildkit-disabled.js';

testRule(rule, {
  valid: [{ code: '{}' }, { code: '{"features": {"buildkit": true}}' }, { code: '{"features": {"containerd-snapshotter": true}}' }],
  invalid: [{ code: '{\n  "features": {"buildkit": false}\n}\n', errors: [{ line: 2, column: 3, message: 'legacy builder' }] }],
});
