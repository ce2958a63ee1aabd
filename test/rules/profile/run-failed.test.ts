import '../../helpers/profile-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/profile/run-failed.js';
import { GOOD } from './good.js';

testRule(rule, {
  valid: [{ code: GOOD }, { code: `#! run: {"image": "app:1", "started": true, "healthy": null}\n${GOOD}` }],
  invalid: [
    { code: `#! run: {"image": "app:1", "started": false, "healthy": null, "error": "exec: operation not permitted"}\n${GOOD}`, level: 'root', errors: [{ line: 1, message: 'app:1 does not start under this profile: exec: operation not permitted' }] },
    { code: `#! run: {"image": "app:1", "started": true, "healthy": false}\n${GOOD}`, errors: [{ line: 1, message: 'does not become healthy' }] },
  ],
});
