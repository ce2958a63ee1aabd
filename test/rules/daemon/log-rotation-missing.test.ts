import '../../helpers/daemon-loader.js';
import { testRule } from '../../helpers/rule-tester.js';
import rule from '../../../src/rules/daemon/log-rotation-missing.js';

testRule(rule, {
  valid: [
    { code: '{"log-opts": {"max-size": "10m", "max-file": "3"}}' },
    { code: '{"log-driver": "local"}' },
    { code: '{"log-driver": "journald"}' },
  ],
  invalid: [
    { code: '{}', errors: [{ line: 1, column: 1, message: 'json-file logs are not rotated (no max-size or max-file' }] },
    { code: '{\n  "log-driver": "json-file",\n  "log-opts": {"max-size": "10m"}\n}\n', errors: [{ line: 3, column: 3, message: 'no max-file' }] },
    { code: '{\n  "log-driver": "json-file"\n}\n', errors: [{ line: 2, column: 3 }] },
  ],
});
