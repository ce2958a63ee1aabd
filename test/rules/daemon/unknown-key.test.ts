import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/unknown-key.js';

testRule(rule, {
  valid: [{ code: '{"userns-remap": "default", "log-opts": {"max-size": "10m"}, "features": {"buildkit": true}}' }],
  invalid: [
    { code: '{\n  "icc": false,\n  "userns_remap": "default"\n}\n', errors: [{ line: 3, column: 3, message: 'did you mean "userns-remap"' }] },
    { code: '{"no-new-privilege": true}', errors: [{ line: 1, column: 2, message: '"no-new-privileges"' }] },
    { code: '{"something-else-entirely-here": 1}', errors: [{ line: 1, message: 'unknown daemon.json key "something-else-entirely-here": dockerd' }] },
  ],
});
